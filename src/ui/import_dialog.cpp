// [SECTION] Index
// - Helpers: the modal frame, a growing multiline text box, stage chips
// - "Import…": paste JSON or pick a file
// - Import preview: summary, errors, the pipeline name conflict, people / fields / options
#include "import_dialog.hpp"

#include "dialogs.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "item_registry.hpp"
#include "theme.hpp"

namespace pb::ui {
namespace {

int grow_string(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* s = static_cast<std::string*>(data->UserData);
    s->resize(static_cast<std::size_t>(data->BufTextLen));
    data->Buf = s->data();
  }
  return 0;
}

// Any length: a pasted backup can be megabytes.
bool multiline_text(const char* label, std::string& s, ImVec2 size) {
  if (s.capacity() < 64) s.reserve(64);
  return ImGui::InputTextMultiline(label, s.data(), s.capacity() + 1, size, ImGuiInputTextFlags_CallbackResize,
                                   grow_string, &s);
}

void stage_chips(const Ctx& ctx, const std::vector<std::string>& stages) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGui::PushFont(ctx.fonts.small);
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  for (std::size_t i = 0; i < stages.size(); ++i) {
    const std::string& name = stages[i];
    const ImVec2 ts = ImGui::CalcTextSize(name.c_str());
    const ImVec2 size(ts.x + ctx.px(14), ts.y + ctx.px(6));
    if (i > 0) {
      ImGui::SameLine(0, ctx.px(6));
      if (ImGui::GetCursorScreenPos().x + size.x > right) ImGui::NewLine();
    }
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), ImGui::GetColorU32(ImGuiCol_FrameBgActive), ctx.px(4));
    dl->AddText(ImVec2(pos.x + ctx.px(7), pos.y + ctx.px(3)), ImGui::GetColorU32(ImGuiCol_Text), name.c_str());
    ImGui::Dummy(size);
  }
  ImGui::PopFont();
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// [SECTION] Preview parts

void summary(const Ctx& ctx, const ImportPreview& p) {
  const ImportCounts& c = p.document;
  std::string holds = plural(c.pipelines, "pipeline", "pipelines") + ", " + plural(c.fields, "custom field", "custom fields") +
                      ", " + plural(c.views, "view", "views") + ", " + plural(c.deals, "deal", "deals") + ", " +
                      plural(c.people, "person", "people");
  ImGui::TextWrapped("It holds %s.", holds.c_str());
  for (const auto& pp : p.pipelines) {
    ImGui::Spacing();
    ImGui::TextUnformatted(pp.name.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s", plural(pp.deals, "deal", "deals").c_str());
    stage_chips(ctx, pp.stages);
  }
  if (!p.views.empty()) {
    std::string views;
    for (const auto& v : p.views) views += (views.empty() ? "" : ", ") + v;
    ImGui::TextDisabled("Views: %s", views.c_str());
  }
}

void errors(const ImportPreview& p) {
  error_text(p.error_count == 1 ? "This file cannot be imported:" :
             "This file cannot be imported (" + std::to_string(p.error_count) + " problems):");
  ImGui::BeginChild("errors", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * std::min<std::size_t>(8, p.errors.size() + 1)), true);
  for (std::size_t i = 0; i < p.errors.size(); ++i) {
    const Issue& e = p.errors[i];
    ImGui::TextDisabled("%s", e.path.empty() ? "(the document)" : e.path.c_str());
    ImGui::SameLine();
    ImGui::TextWrapped("%s", e.message.c_str());
    items().add_last_item("text:import-error:" + std::to_string(i));
  }
  if (p.error_count > p.errors.size()) ImGui::TextDisabled("… and %zu more", p.error_count - p.errors.size());
  ImGui::EndChild();
}

void name_conflict(const Ctx& ctx, ImportUi& imp) {
  const NameConflictPreview& c = imp.preview.name_conflicts.front();
  ImGui::Spacing();
  ImGui::TextWrapped("A pipeline named \"%s\" already exists.", c.name.c_str());
  if (imp.on_conflict.empty()) imp.on_conflict = c.choices.empty() ? "rename" : c.choices.front();
  auto offered = [&](const char* choice) { return std::find(c.choices.begin(), c.choices.end(), choice) != c.choices.end(); };
  if (ImGui::RadioButton("Import as a new pipeline named", imp.on_conflict == "rename")) imp.on_conflict = "rename";
  items().add_last_item("importchoice:rename");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ctx.px(220));
  if (ImGui::InputText("##renameto", imp.rename_to.data(), imp.rename_to.size())) imp.on_conflict = "rename";
  items().add_last_item("input:importname");
  ImGui::BeginDisabled(!offered("replace"));
  if (ImGui::RadioButton("Replace the existing pipeline's settings and stages", imp.on_conflict == "replace"))
    imp.on_conflict = "replace";
  items().add_last_item("importchoice:replace");
  ImGui::EndDisabled();
  if (imp.on_conflict == "replace" && (!c.removed.empty() || c.moved_deals > 0)) {
    std::string removed;
    for (const auto& s : c.removed) removed += (removed.empty() ? "" : ", ") + s;
    ImGui::Indent();
    ImGui::TextDisabled("Stages that go: %s; %zu deals move to matching stages.", removed.empty() ? "none" : removed.c_str(),
                        c.moved_deals);
    ImGui::Unindent();
  }
  ImGui::BeginDisabled(!offered("merge"));
  if (ImGui::RadioButton("Merge: keep the existing pipeline and add the missing stages", imp.on_conflict == "merge"))
    imp.on_conflict = "merge";
  items().add_last_item("importchoice:merge");
  ImGui::EndDisabled();
  if (!c.merge_error.empty()) {
    ImGui::Indent();
    ImGui::TextDisabled("Merge is not possible: %s", c.merge_error.c_str());
    ImGui::Unindent();
  } else if (imp.on_conflict == "merge") {
    std::string added;
    for (const auto& s : c.added) added += (added.empty() ? "" : ", ") + s;
    ImGui::Indent();
    ImGui::TextDisabled("Stages added: %s", added.empty() ? "none" : added.c_str());
    ImGui::Unindent();
  }
}

// One person, field or option with a combo: an existing record, or create it.
void match_row(const Ctx& ctx, const char* kind, const MatchPreview& m, std::string& chosen, const std::string& key) {
  ImGui::PushID(key.c_str());
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(m.name.c_str());
  if (!m.detail.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", m.detail.c_str());
  }
  auto label_of = [&](const std::string& id) -> std::string {
    if (id.empty()) return "Create \"" + (m.create_as.empty() ? m.name : m.create_as) + "\"";
    if (std::string(kind) == "person")
      if (const Person* p = ctx.ws.people.find(id)) return "Use " + p->name + (p->email.empty() ? "" : " <" + p->email + ">");
    if (std::string(kind) == "field")
      if (const FieldDef* f = ctx.ws.fields.find(id)) return "Use " + f->name;
    return "Use " + id;
  };
  ImGui::SameLine(ctx.px(260));
  ImGui::SetNextItemWidth(ctx.px(320));
  const bool open = ImGui::BeginCombo("##match", label_of(chosen).c_str());
  items().add_last_item(key);
  if (open) {
    for (const auto& cand : m.candidates) {
      if (ImGui::Selectable(label_of(cand).c_str(), chosen == cand)) chosen = cand;
      items().add_last_item("importmatch:" + cand);
    }
    if (ImGui::Selectable(label_of("").c_str(), chosen.empty())) chosen.clear();
    items().add_last_item("importmatch:create");
    ImGui::EndCombo();
  }
  if (!m.problem.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", m.problem.c_str());
  }
  ImGui::PopID();
}

void matches(const Ctx& ctx, ImportUi& imp) {
  const ImportPreview& p = imp.preview;
  bool any = false;
  for (const auto* list : {&p.people, &p.fields, &p.options})
    for (const auto& m : *list) any = any || m.conflict;
  if (!any) return;
  ImGui::Spacing();
  ImGui::TextWrapped("Not in your workspace yet: choose an existing one, or create it.");
  for (const auto& m : p.people)
    if (m.conflict) match_row(ctx, "person", m, imp.people[m.id], "importchoice:person:" + m.id);
  for (const auto& m : p.fields)
    if (m.conflict) match_row(ctx, "field", m, imp.fields[m.id], "importchoice:field:" + m.id);
  for (const auto& m : p.options)
    if (m.conflict) match_row(ctx, "option", m, imp.options[m.detail][m.id], "importchoice:option:" + m.detail + ":" + m.id);
}

// Another tool's file: how its lists, columns, statuses and people were mapped, and what was left out.
void source_mapping(const Ctx& ctx, const ImportUi& imp) {
  if (imp.mapping.empty() && imp.skipped == 0 && imp.warning_count == 0) return;
  ImGui::Spacing();
  std::string head = "How it was mapped";
  if (imp.skipped > 0) head += " (" + plural(imp.skipped, "record", "records") + " left out)";
  const bool open = ImGui::CollapsingHeader(head.c_str());
  items().add_last_item("toggle:import-mapping");
  if (!open) return;
  ImGui::PushFont(ctx.fonts.small);
  if (ImGui::BeginTable("##mapped", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY,
                        ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * std::min<float>(10.0f, 1.5f + static_cast<float>(imp.mapping.size()))))) {
    for (const auto& m : imp.mapping) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", m.kind.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(m.source.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("-> %s", m.target.c_str());
    }
    ImGui::EndTable();
  }
  if (imp.row_errors > 0) error_text(plural(imp.row_errors, "row was", "rows were") + " skipped for errors:");
  for (const auto& w : imp.warnings) ImGui::TextWrapped("%s", w.str().c_str());
  if (imp.warning_count > imp.warnings.size()) ImGui::TextDisabled("… and %zu more", imp.warning_count - imp.warnings.size());
  ImGui::PopFont();
}

}  // namespace

void open_import_preview(UiState& ui, ImportUi& imp, ImportPreview preview, std::string source) {
  std::string paste = std::move(imp.paste);
  SourceMappingUi mapping_screen = std::move(imp.mapping_screen);
  imp = ImportUi{};
  imp.paste = std::move(paste);
  imp.mapping_screen = std::move(mapping_screen);
  imp.preview = std::move(preview);
  imp.source = std::move(source);
  const auto& p = imp.preview;
  const std::string name = p.name_conflicts.empty() ? p.name : p.name_conflicts.front().rename_to;
  std::snprintf(imp.rename_to.data(), imp.rename_to.size(), "%s", name.c_str());
  for (const auto& m : p.people) imp.people[m.id] = m.match;
  for (const auto& m : p.fields) imp.fields[m.id] = m.match;
  for (const auto& m : p.options) imp.options[m.detail][m.id] = m.match;
  open_dialog(ui, Dialog::ImportPreview);
}

ImportChoices import_choices(const ImportUi& imp) {
  ImportChoices c;
  const auto& p = imp.preview;
  if (!p.name_conflicts.empty()) {
    c.on_name_conflict = imp.on_conflict.empty() ? "rename" : imp.on_conflict;
    if (c.on_name_conflict == "rename") c.name = imp.rename_to.data();
  }
  for (const auto& m : p.people)
    if (auto it = imp.people.find(m.id); it != imp.people.end() && it->second != m.match) c.map.people[m.id] = it->second;
  for (const auto& m : p.fields)
    if (auto it = imp.fields.find(m.id); it != imp.fields.end() && it->second != m.match) c.map.fields[m.id] = it->second;
  for (const auto& m : p.options) {
    auto f = imp.options.find(m.detail);
    if (f == imp.options.end()) continue;
    if (auto it = f->second.find(m.id); it != f->second.end() && it->second != m.match) c.map.options[m.detail][m.id] = it->second;
  }
  return c;
}

void draw_import_paste(const Ctx& ctx, UiState& ui, ImportUi& imp, Actions& actions) {
  if (!begin_modal(ctx, ui, "Import", 640, "dialog:importpaste")) return;
  ImGui::TextWrapped("Paste a Pipeboard template or backup (JSON) or rows copied from a spreadsheet (with their header row), choose a file, or drop a file anywhere on the page.");
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  multiline_text("##importtext", imp.paste, ImVec2(-1, ctx.px(220)));
  items().add_last_item("input:importtext");
  if (!ui.dialog.error.empty()) error_text(ui.dialog.error);
  ImGui::Spacing();
  if (ImGui::Button("Preview import", ImVec2(ctx.px(150), 0))) {
    if (imp.paste.find_first_not_of(" \t\r\n") == std::string::npos) ui.dialog.error = "Paste the JSON of a template or backup first.";
    else actions.effect(effect::SubmitPaste{});
  }
  items().add_last_item("button:import-preview");
  ImGui::SameLine();
  if (ImGui::Button("Import from file…", ImVec2(ctx.px(160), 0))) actions.effect(effect::PickImportFile{});
  items().add_last_item("button:import-file");
  ImGui::SameLine();
  const bool cancel = ImGui::Button("Cancel", ImVec2(ctx.px(100), 0));
  items().add_last_item("button:import-cancel");
  end_modal(ui, cancel);
}

void draw_import_preview(const Ctx& ctx, UiState& ui, ImportUi& imp, Actions& actions) {
  if (!begin_modal(ctx, ui, "Import preview", 720, "dialog:import")) return;
  const ImportPreview& p = imp.preview;
  const bool workspace = p.kind == DocumentKind::Workspace;
  ImGui::PushFont(ctx.fonts.large);
  if (workspace) ImGui::TextUnformatted("Backup of a whole workspace");
  else if (p.kind == DocumentKind::Template && !p.name.empty()) ImGui::Text("Template \"%s\"", p.name.c_str());
  else if (p.kind == DocumentKind::Template) ImGui::TextUnformatted("Template");
  else ImGui::TextUnformatted("Not a Pipeboard file");
  ImGui::PopFont();
  if (!imp.source.empty()) ImGui::TextDisabled("From %s", imp.source.c_str());
  if (p.kind != DocumentKind::Unknown && p.errors.empty()) summary(ctx, p);
  if (!p.ok) errors(p);
  if (p.ok && workspace) {
    ImGui::Spacing();
    error_text("Importing it replaces everything in your workspace: " + plural(p.replaces.pipelines, "pipeline", "pipelines") +
               " and " + plural(p.replaces.deals, "deal", "deals") + " now. You can undo it.");
  }
  if (p.ok && !workspace) {
    const ImportCounts& c = p.creates;
    ImGui::TextDisabled("Creates %s, %s, %s, %s, %s.", plural(c.pipelines, "pipeline", "pipelines").c_str(),
                        plural(c.fields, "field", "fields").c_str(), plural(c.views, "view", "views").c_str(),
                        plural(c.deals, "deal", "deals").c_str(), plural(c.people, "person", "people").c_str());
    if (!p.name_conflicts.empty()) name_conflict(ctx, imp);
    matches(ctx, imp);
  }
  if (p.ok) source_mapping(ctx, imp);
  if (!ui.dialog.error.empty()) error_text(ui.dialog.error);
  ImGui::Spacing();
  ImGui::BeginDisabled(!p.ok);
  if (workspace) ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(196, 64, 70, 255));
  const bool confirm = ImGui::Button(workspace ? "Replace workspace" : "Import", ImVec2(ctx.px(170), 0));
  if (confirm) actions.effect(effect::ConfirmImport{});
  if (workspace) ImGui::PopStyleColor();
  items().add_last_item("button:import-confirm");
  ImGui::EndDisabled();
  ImGui::SameLine();
  const bool cancel = ImGui::Button("Cancel", ImVec2(ctx.px(100), 0));
  items().add_last_item("button:import-cancel");
  end_modal(ui, cancel || confirm);
}

}  // namespace pb::ui
