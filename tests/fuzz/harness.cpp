#include "harness.hpp"

#include "compare_readers.hpp"
#include "document_format.hpp"
#include "documents.hpp"
#include "import_preview.hpp"
#include "mapping_form.hpp"
#include "source_detect.hpp"
#include "session.hpp"
#include "validate.hpp"

namespace pb::fuzz {
namespace {

constexpr Timestamp kNow = 1'790'000'000'000;  // 2026-09-21

// A workspace whose names meet the seeds' (samples and built-in templates): pipelines named
// "Lettings" and "Sales", people and fields of the same names, one field with another type.
const Workspace& base() {
  static const Workspace ws = [] {
    Session s;
    const char* commands[] = {
        R"({"type":"pipeline.create","pipeline":{"id":"p1","name":"Lettings","stages":[{"id":"s1","name":"Enquiry"},
           {"id":"s2","name":"Viewing booked"},{"id":"s3","name":"Won","kind":"won"},{"id":"s4","name":"Lost","kind":"lost"}]}})",
        R"({"type":"pipeline.create","pipeline":{"id":"p2","name":"Sales"}})",
        R"({"type":"person.create","person":{"id":"u1","name":"Letting agent"}})",
        R"({"type":"person.create","person":{"id":"u2","name":"Sam Adeyemi","email":"sam.adeyemi@yourteam.example"}})",
        R"({"type":"field.create","field":{"id":"f1","name":"Furnished","type":"choice","options":["Yes","No"]}})",
        R"({"type":"field.create","field":{"id":"f2","name":"Bedrooms","type":"text"}})",
        R"({"type":"deal.create","deal":{"id":"d1","title":"Flat","pipeline":"p1","stage":"s2","owner":"u1"}})",
        R"({"type":"deal.create","deal":{"id":"d2","title":"House","pipeline":"p1","stage":"s3"}})",
        R"({"type":"view.create","view":{"id":"v1","name":"Mine","pipeline":"p1","hidden_stages":["s4"],
           "filter":{"field":"stage","op":"ne","value":"s1"}}})",
    };
    for (const char* c : commands) s.dispatch_json(c, kNow);
    return s.workspace();
  }();
  return ws;
}

std::string workspace_problem(const Workspace& ws) {
  Issues issues;
  check_workspace(ws, issues);
  if (!issues.ok()) return "invalid workspace: " + issues.summary();
  Workspace again;
  if (!load_workspace(save_workspace(ws), again, issues)) return "saved workspace does not load: " + issues.summary();
  if (!(again == ws)) return "saved workspace loads differently";
  return "";
}

// Dispatches; a success must leave a valid workspace that one undo restores, a failure no change.
std::string dispatch_checked(const Command* command, std::string_view text, bool must_succeed) {
  Session s(base());
  Outcome o = command ? s.dispatch(*command, kNow) : s.dispatch_json(text, kNow);
  if (!valid_utf8(o.error)) return "error message is not UTF-8";
  if (!o.ok) {
    if (must_succeed) return "the preview said ok, the command failed: " + o.error;
    return s.workspace() == base() ? "" : "a failed command changed the workspace";
  }
  if (std::string p = workspace_problem(s.workspace()); !p.empty()) return p;
  if (o.change && !s.undo().ok) return "undo failed";
  return s.workspace() == base() ? "" : "undo did not restore the workspace";
}

std::string check_preview(std::string_view text) {
  const ImportPreview p = preview_import(base(), text);
  (void)to_json(p).dump();  // every string in it must be valid UTF-8 (dump aborts otherwise)
  if (p.ok != p.errors.empty()) return "preview: ok disagrees with errors";
  if (!p.ok) return "";
  if (p.kind == DocumentKind::Workspace) {
    const Command c = import_command(p);
    return dispatch_checked(&c, "", true);
  }
  // The default, then every choice the preview offers, then people mapped to their first candidate.
  std::vector<ImportChoices> all(1);
  for (const auto& conflict : p.name_conflicts)
    for (const auto& choice : conflict.choices) all.push_back(ImportChoices{"", choice, {}});
  ImportChoices mapped;
  for (const auto& m : p.people)
    if (!m.candidates.empty()) mapped.map.people[m.id] = m.candidates.front();
  all.push_back(mapped);
  for (const auto& choices : all) {
    const Command c = import_command(p, choices);
    if (std::string e = dispatch_checked(&c, "", true); !e.empty()) return e + " (on_name_conflict " + choices.on_name_conflict + ")";
  }
  return "";
}

// Another tool's export (the text as each format): a conversion that succeeds must give a document
// the preview takes, whose import is one undo step; the CSV job in slices must agree with one go.
std::string check_sources(std::string_view text) {
  const std::vector<std::string_view> texts{text};
  for (SourceKind kind : {SourceKind::Trello, SourceKind::Pipedrive, SourceKind::HubSpot, SourceKind::Csv}) {
    const MappingForm form = mapping_form(kind, texts);
    if (!form.errors.ok()) continue;
    const SourceImport r = import_with_form(form, texts, kNow);
    if (!valid_utf8(r.errors.summary()) || !valid_utf8(r.warnings.summary())) return "a message is not UTF-8";
    if (!r.ok) continue;
    if (kind == SourceKind::Csv) {
      SourceImportJob job(form, texts, kNow);
      while (!job.step(3)) {
      }
      if (!(job.finish().document == r.document)) return "csv: the job in slices differs from the import in one go";
    }
    json doc = single_pipeline_template(r.document, "");
    if (doc.is_null()) doc = r.document;
    const ImportPreview p = preview_import(base(), doc.dump());
    const ImportPreview in_memory = preview_import_document(base(), doc);
    if (in_memory.ok != p.ok || in_memory.creates != p.creates) return "the preview of the document differs from its text's";
    if (!p.ok) return std::string(source_kind_name(kind)) + ": its document does not import: " +
                      (p.errors.empty() ? std::string("?") : p.errors.front().str());
    const Command c = import_command(p);
    if (std::string e = dispatch_checked(&c, "", true); !e.empty()) return std::string(source_kind_name(kind)) + ": " + e;
  }
  return "";
}

std::string check_format(std::string_view text) {
  json doc;
  std::string error;
  if (!parse_json(text, doc, error)) return "";
  const std::string once = format_document(doc);
  json again;
  if (!parse_json(once, again, error)) return "formatted text does not parse: " + error;
  if (!(again == doc)) return "formatting changed the document";
  return format_document(again) == once ? "" : "formatting is not idempotent";
}

}  // namespace

std::string run_one(std::string_view text) {
  if (std::string d = compare_readers(text).difference; !d.empty()) return "the readers differ: " + d;
  {
    static const Workspace sentinel = base();
    Workspace ws = sentinel;
    Issues issues;
    if (load_workspace(text, ws, issues)) {
      if (std::string p = workspace_problem(ws); !p.empty()) return "load_workspace: " + p;
    } else if (issues.ok() || !(ws == sentinel)) {
      return "load_workspace failed without an issue, or changed its output";
    }
  }
  {
    Template t, again;
    Issues issues;
    if (load_template(text, t, issues)) {
      if (!load_template(template_to_json(t).dump(), again, issues) || !(again == t)) return "template does not round-trip";
    } else if (issues.ok() || !(t == Template{})) {
      return "load_template failed without an issue, or changed its output";
    }
  }
  if (std::string e = check_preview(text); !e.empty()) return "preview: " + e;
  if (std::string e = check_format(text); !e.empty()) return "format: " + e;
  if (std::string e = check_sources(text); !e.empty()) return "import from a source: " + e;
  const std::string body(text);
  for (const char* key : {"template", "workspace"}) {
    const std::string command = std::string("{\"type\":\"") + key + ".import\",\"" + key + "\":" + body + "}";
    if (std::string e = dispatch_checked(nullptr, command, false); !e.empty()) return std::string(key) + ".import: " + e;
  }
  // The text as a command of any type.
  if (std::string e = dispatch_checked(nullptr, text, false); !e.empty()) return "command: " + e;
  return "";
}

}  // namespace pb::fuzz
