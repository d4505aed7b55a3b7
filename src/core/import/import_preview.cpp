#include "import_preview.hpp"

#include <algorithm>

#include "import_plan.hpp"

namespace pb {
namespace {

ImportCounts counts_of(const Workspace& ws) {
  ImportCounts c;
  c.pipelines = ws.pipelines.size();
  for (const auto& p : ws.pipelines) c.stages += p.stages.size();
  c.fields = ws.fields.size();
  c.people = ws.people.size();
  c.views = ws.views.size();
  c.deals = ws.deals.size();
  return c;
}

void describe_workspace(const Workspace& current, const Workspace& incoming, ImportPreview& out) {
  std::map<Id, std::size_t> deals;
  for (const auto& d : incoming.deals) ++deals[d.pipeline];
  for (const auto& p : incoming.pipelines) {
    PipelinePreview pp{p.name, {}, deals[p.id]};
    for (const auto& s : p.stages) pp.stages.push_back(s.name);
    out.pipelines.push_back(std::move(pp));
  }
  for (const auto& v : incoming.views) out.views.push_back(v.name);
  out.document = out.creates = counts_of(incoming);
  out.replaces = counts_of(current);
}

void describe_conflict(const Workspace& ws, const Template& t, const ImportPlan& plan, ImportPreview& out) {
  const Pipeline& existing = *plan.existing;
  NameConflictPreview c;
  c.existing = existing.id;
  c.name = existing.name;
  c.rename_to = unique_pipeline_name(ws, existing.name);
  c.merge_error = plan.merge_error;
  c.choices = {"rename", "replace"};
  if (plan.merge_error.empty()) c.choices.push_back("merge");
  for (const auto& s : t.pipeline.stages)
    (plan.stages.at(s.id).empty() ? c.added : c.matched).push_back(s.name);
  for (const auto& s : existing.stages)
    if (plan.removed_stages.count(s.id)) {
      c.removed.push_back(s.name);
      c.moved_deals += ws.count_deals_in_stage(s.id);
    }
  out.name_conflicts.push_back(std::move(c));
}

void describe_people(const Workspace& ws, const Template& t, const ImportPlan& plan, ImportPreview& out) {
  std::vector<std::string> everyone;
  for (const auto& p : ws.people) everyone.push_back(p.id);
  for (const auto& p : t.people) {
    MatchPreview m;
    m.id = p.id;
    m.name = m.create_as = p.name;
    m.detail = p.email;
    m.match = plan.people.at(p.id);
    m.matched_by = plan.matched_by.at(p.id);
    m.conflict = m.match.empty();
    m.candidates = everyone;
    out.people.push_back(std::move(m));
  }
}

void describe_fields(const Workspace& ws, const Template& t, const ImportPlan& plan, const cmd::ImportMap& defaults,
                     ImportPreview& out) {
  for (const auto& f : t.fields) {
    MatchPreview m;
    m.id = f.id;
    m.name = f.name;
    m.detail = std::string(to_string(f.type));
    m.match = plan.fields.at(f.id);
    m.matched_by = m.match.empty() ? "" : "name";
    m.create_as = plan.create_names.count(f.id) ? plan.create_names.at(f.id) : f.name;
    m.conflict = m.match.empty();
    if (defaults.fields.count(f.id))
      m.problem = "a field named \"" + f.name + "\" exists here with type " + std::string(to_string(field_named(ws, f.name)->type));
    for (const auto& e : ws.fields)
      if (e.type == f.type) m.candidates.push_back(e.id);
    const FieldDef* target = m.match.empty() ? nullptr : ws.fields.find(m.match);
    out.fields.push_back(std::move(m));
    if (f.type != FieldType::Choice) continue;
    for (const auto& o : f.options) {
      MatchPreview om;
      om.id = om.name = om.create_as = o;
      om.detail = f.id;
      if (target) {
        om.candidates = target->options;
        const bool exists = std::find(target->options.begin(), target->options.end(), o) != target->options.end();
        om.match = exists ? o : "";
        om.matched_by = exists ? "option" : "";
        om.conflict = !exists;
      } else {
        om.candidates = f.options;  // the field is created with the template's options
        om.match = o;
        om.matched_by = "option";
      }
      out.options.push_back(std::move(om));
    }
  }
}

// The defaults the preview shows: as template.import without choices, except that a field whose
// name a field of another type has is created (under a free name) instead of failing the import.
cmd::ImportMap default_map(const Workspace& ws, const Template& t) {
  cmd::ImportMap m;
  for (const auto& f : t.fields)
    if (const FieldDef* same = field_named(ws, f.name); same && same->type != f.type) m.fields[f.id] = "";
  return m;
}

void describe_template(const Workspace& ws, const Template& t, ImportPreview& out) {
  out.name = t.name;
  PipelinePreview pp{t.pipeline.name, {}, t.deals.size()};
  for (const auto& s : t.pipeline.stages) pp.stages.push_back(s.name);
  out.pipelines.push_back(std::move(pp));
  for (const auto& v : t.views) out.views.push_back(v.name);
  out.document = counts_of(workspace_of(t));

  ImportPlan plan;
  Issues issues;
  const cmd::ImportMap defaults = default_map(ws, t);
  cmd::TemplateImport choices;
  choices.map = defaults;
  plan_import(ws, t, choices, plan, issues);
  for (auto i : issues.list()) {
    if (i.path.rfind("/template", 0) == 0) i.path.erase(0, 9);  // the plan speaks of the command's /template
    out.errors.push_back(std::move(i));
  }
  out.error_count += issues.count();
  if (plan.existing) describe_conflict(ws, t, plan, out);
  describe_people(ws, t, plan, out);
  describe_fields(ws, t, plan, defaults, out);

  ImportCounts& c = out.creates;
  c = out.document;
  c.people = std::count_if(out.people.begin(), out.people.end(), [](const MatchPreview& m) { return m.match.empty(); });
  c.fields = std::count_if(out.fields.begin(), out.fields.end(), [](const MatchPreview& m) { return m.match.empty(); });
}

}  // namespace

ImportPreview preview_import(const Workspace& ws, std::string_view text) {
  ImportPreview out;
  Issues issues;
  Document doc;
  json parsed;
  const bool loaded = load_document(text, doc, issues, &parsed);
  out.kind = doc.kind;
  out.version = doc.version;
  out.errors = issues.list();
  out.error_count = issues.count();
  if (loaded && doc.kind == DocumentKind::Workspace) {
    describe_workspace(ws, doc.workspace, out);
    out.incoming = std::move(doc.workspace);
  } else if (loaded && doc.kind == DocumentKind::Template) {
    describe_template(ws, doc.templ, out);
    out.document_json = std::move(parsed);
    out.templ = std::make_shared<const Template>(std::move(doc.templ));
  }
  out.ok = loaded && out.error_count == 0;
  return out;
}

ImportPreview preview_import_document(const Workspace& ws, json doc) {
  ImportPreview out;
  Issues issues;
  out.kind = document_kind(doc);
  if (auto v = doc.is_object() ? doc.find("version") : doc.end(); v != doc.end() && v->is_number_integer())
    out.version = static_cast<int>(std::clamp<std::int64_t>(v->get<std::int64_t>(), 0, 1'000'000));
  bool loaded = false;
  if (out.kind == DocumentKind::Workspace) {
    Workspace incoming;
    loaded = read_workspace(std::move(doc), incoming, issues);
    if (loaded) describe_workspace(ws, incoming, out);
    out.incoming = std::move(incoming);
  } else if (out.kind == DocumentKind::Template) {
    Template t;
    loaded = read_template(doc, t, issues);  // a copy: the command needs the document too
    if (loaded) describe_template(ws, t, out);
    out.document_json = std::move(doc);
    if (loaded) out.templ = std::make_shared<const Template>(std::move(t));
  } else {
    issues.add("/format", "expected \"pipeboard.workspace\" or \"pipeboard.template\"");
  }
  out.errors = issues.list();
  out.error_count = issues.count();
  out.ok = loaded && out.error_count == 0;
  if (!out.ok) out.document_json = nullptr, out.templ.reset();
  return out;
}

Command import_command(const ImportPreview& preview, const ImportChoices& choices) {
  // A preview with errors gives a command that fails the same way, never one that imports nothing.
  if (preview.kind == DocumentKind::Workspace && preview.ok) return cmd::WorkspaceImport{workspace_to_json(preview.incoming)};
  if (preview.kind != DocumentKind::Template) return cmd::WorkspaceImport{};
  cmd::TemplateImport c;
  c.template_doc = preview.document_json;
  c.parsed = preview.ok ? preview.templ : nullptr;
  c.name = choices.name;
  c.on_name_conflict = choices.on_name_conflict;
  c.map = choices.map;
  // A field whose name a field of another type has: the preview's default is to create it.
  for (const auto& f : preview.fields)
    if (!f.problem.empty() && !c.map.fields.count(f.id)) c.map.fields[f.id] = "";
  return c;
}

json to_json(const ImportPreview& p) {
  auto counts = [](const ImportCounts& c) {
    return json{{"pipelines", c.pipelines}, {"stages", c.stages}, {"fields", c.fields},
                {"people", c.people},       {"views", c.views},   {"deals", c.deals}};
  };
  auto matches = [](const std::vector<MatchPreview>& list) {
    json a = json::array();
    for (const auto& m : list)
      a.push_back(json{{"id", m.id}, {"name", m.name}, {"detail", m.detail}, {"match", m.match},
                       {"matched_by", m.matched_by}, {"create_as", m.create_as}, {"conflict", m.conflict},
                       {"problem", m.problem}, {"candidates", m.candidates}});
    return a;
  };
  json errors = json::array();
  for (const auto& e : p.errors) errors.push_back(json{{"path", e.path}, {"message", e.message}});
  json pipelines = json::array();
  for (const auto& pp : p.pipelines) pipelines.push_back(json{{"name", pp.name}, {"stages", pp.stages}, {"deals", pp.deals}});
  json conflicts = json::array();
  for (const auto& c : p.name_conflicts)
    conflicts.push_back(json{{"existing", c.existing}, {"name", c.name}, {"choices", c.choices},
                             {"rename_to", c.rename_to}, {"matched", c.matched}, {"added", c.added},
                             {"removed", c.removed}, {"moved_deals", c.moved_deals}, {"merge_error", c.merge_error}});
  return json{{"kind", to_string(p.kind)}, {"version", p.version}, {"ok", p.ok}, {"errors", errors},
              {"error_count", p.error_count}, {"name", p.name}, {"pipelines", pipelines}, {"views", p.views},
              {"document", counts(p.document)}, {"creates", counts(p.creates)}, {"replaces", counts(p.replaces)},
              {"name_conflicts", conflicts}, {"people", matches(p.people)}, {"fields", matches(p.fields)},
              {"options", matches(p.options)}};
}

}  // namespace pb
