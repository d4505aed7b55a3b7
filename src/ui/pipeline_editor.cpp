// [SECTION] Index
// - Helpers: editor_field, int_field (every field shows its rejected edit in place, widgets.hpp)
// - Stages tab: one row per stage, drag rows to reorder, delete with a target for its deals
// - Fields tab: custom fields and their options
// - People tab: the managers who own deals
#include "pipeline_editor.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>

#include "field_errors.hpp"
#include "item_registry.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace pb::ui {
namespace {

constexpr const char* kStagePayload = "PB_STAGE";

std::string hex_of(const float c[3]) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", static_cast<int>(c[0] * 255 + 0.5f), static_cast<int>(c[1] * 255 + 0.5f),
                static_cast<int>(c[2] * 255 + 0.5f));
  return buf;
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::vector<std::string> split_options(const std::string& text) {
  // Plain string scanning, not a stringstream: iostreams would add their locale code to the download.
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    const std::string item = text.substr(start, comma - start);
    const auto b = item.find_first_not_of(' '), e = item.find_last_not_of(' ');
    if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
    start = comma + 1;
  }
  return out;
}

// A field of the pipeline editor: `name` is its item name, `path` where the core reports its errors.
FieldTarget editor_field(const Pipeline& p, std::string name, std::string path) {
  return FieldTarget{std::move(name), pipeline_form(p.id), "", std::move(path)};
}

// Whole-number fields: turning the text into a number is the UI's job, the range is the core's.
void int_field(const Ctx& ctx, const Pipeline& p, const Stage& s, const char* key, const std::string& name, int value,
               UiState& ui, Actions& actions) {
  ImGui::SetNextItemWidth(-1);
  FieldTarget f = editor_field(p, name, std::string("/set/") + key);
  if (!field_text(ctx, ui, f, std::to_string(value))) return;
  json n = json::parse(f.text, nullptr, false);
  if (n.is_discarded() || !n.is_number()) reject_input(ui, f, "Must be a whole number");
  else actions.typed(cmd::StageUpdate{s.id, json{{key, n}}}, {f});
}

// [SECTION] Stages

void stage_row(const Ctx& ctx, const Pipeline& p, int index, UiState& ui, Actions& actions) {
  const Stage& s = p.stages[index];
  ImGui::TableNextRow();
  ImGui::PushID(s.id.c_str());
  ImGui::TableNextColumn();
  ImGui::Button("::", ImVec2(ctx.px(24), 0));  // drag handle
  if (ImGui::BeginDragDropSource()) {
    ImGui::SetDragDropPayload(kStagePayload, s.id.data(), s.id.size());
    ImGui::Text("Move %s", s.name.c_str());
    ImGui::EndDragDropSource();
  }
  if (ImGui::BeginDragDropTarget()) {
    if (const ImGuiPayload* pl = ImGui::AcceptDragDropPayload(kStagePayload)) {
      const std::string id(static_cast<const char*>(pl->Data), pl->DataSize);
      if (id != s.id) actions.push(cmd::StageReorder{id, index});
    }
    ImGui::EndDragDropTarget();
  }
  items().add_last_item("stagehandle:" + s.id);
  ImGui::TableNextColumn();
  float color[3] = {((color_from_hex(s.color) >> IM_COL32_R_SHIFT) & 0xff) / 255.0f,
                    ((color_from_hex(s.color) >> IM_COL32_G_SHIFT) & 0xff) / 255.0f,
                    ((color_from_hex(s.color) >> IM_COL32_B_SHIFT) & 0xff) / 255.0f};
  const FieldTarget color_field = editor_field(p, "stagecolor:" + s.id, "/set/color");
  if (ImGui::ColorEdit3("##color", color, ImGuiColorEditFlags_NoInputs) && hex_of(color) != s.color)
    actions.typed(cmd::StageUpdate{s.id, json{{"color", hex_of(color)}}}, {color_field});
  items().add_last_item(color_field.name);
  frame_if_rejected(ctx, ui, color_field.name);
  field_error_text(ui, color_field.name);
  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-1);
  FieldTarget name = editor_field(p, "stagename:" + s.id, "/set/name");
  if (field_text(ctx, ui, name, s.name)) actions.typed(cmd::StageRename{s.id, name.text}, {name});
  ImGui::TableNextColumn();
  int_field(ctx, p, s, "probability", "stageprob:" + s.id, s.probability, ui, actions);
  ImGui::TableNextColumn();
  int_field(ctx, p, s, "rotting_days", "stagerot:" + s.id, s.rotting_days, ui, actions);
  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-1);
  static const char* kKinds[] = {"Open", "Won", "Lost"};
  const FieldTarget kind = editor_field(p, "stagekind:" + s.id, "/set/kind");
  if (ImGui::BeginCombo("##kind", kKinds[static_cast<int>(s.kind)])) {
    for (int k = 0; k < 3; ++k)
      if (ImGui::Selectable(kKinds[k], k == static_cast<int>(s.kind)) && k != static_cast<int>(s.kind))
        actions.typed(cmd::StageUpdate{s.id, json{{"kind", to_string(static_cast<StageKind>(k))}}}, {kind});
    ImGui::EndCombo();
  }
  items().add_last_item(kind.name);
  frame_if_rejected(ctx, ui, kind.name);
  field_error_text(ui, kind.name);
  ImGui::TableNextColumn();
  if (ImGui::SmallButton("Copy")) actions.push(cmd::StageDuplicate{s.id, ""});
  ImGui::SameLine();
  if (ImGui::SmallButton("Delete")) {
    if (ctx.ws.count_deals_in_stage(s.id) == 0) actions.push(cmd::StageDelete{s.id, ""});
    else {
      ui.dialog.choice = s.id;  // ask where its deals go, below the table
      ui.dialog.choice2.clear();
    }
  }
  items().add_last_item("stagedelete:" + s.id);
  ImGui::PopID();
}

void stages_tab(const Ctx& ctx, const Pipeline& p, UiState& ui, Actions& actions) {
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("stages", 7, flags)) {
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ctx.px(30));
    ImGui::TableSetupColumn("Color", ImGuiTableColumnFlags_WidthFixed, ctx.px(44));
    ImGui::TableSetupColumn("Stage", ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn("Win %", ImGuiTableColumnFlags_WidthFixed, ctx.px(96));
    ImGui::TableSetupColumn("Rots after (days)", ImGuiTableColumnFlags_WidthFixed, ctx.px(120));
    ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthFixed, ctx.px(90));
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ctx.px(110));
    ImGui::TableHeadersRow();
    for (int i = 0; i < static_cast<int>(p.stages.size()); ++i) stage_row(ctx, p, i, ui, actions);
    ImGui::EndTable();
  }
  // Deleting a stage that holds deals: choose where they go.
  if (const Stage* doomed = p.stage(ui.dialog.choice)) {
    ImGui::Separator();
    ImGui::TextWrapped("\"%s\" holds %zu deals. Move them to:", doomed->name.c_str(), ctx.ws.count_deals_in_stage(doomed->id));
    const Stage* target = p.stage(ui.dialog.choice2);
    ImGui::SetNextItemWidth(ctx.px(220));
    if (ImGui::BeginCombo("##moveto", target ? target->name.c_str() : "Choose a stage")) {
      for (const auto& s : p.stages)
        if (s.id != doomed->id && ImGui::Selectable(s.name.c_str(), s.id == ui.dialog.choice2)) ui.dialog.choice2 = s.id;
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(!target);
    if (ImGui::Button("Delete stage")) {
      actions.push(cmd::StageDelete{doomed->id, target->id});
      ui.dialog.choice.clear();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Keep it")) ui.dialog.choice.clear();
  }
  ImGui::Spacing();
  FieldTarget add = editor_field(p, "input:newstage", "/stage");
  add.clear_on_success = true;
  TextBuffer& buf = ui.edit_buffers[add.name];
  ImGui::SetNextItemWidth(ctx.px(260));
  const bool enter = ImGui::InputTextWithHint("##newstage", "New stage name", buf.data(), buf.size(),
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  items().add_last_item(add.name);
  focus_claim(ui, "newstage");
  frame_if_rejected(ctx, ui, add.name);
  ImGui::SameLine();
  const bool clicked = ImGui::Button("Add stage");
  items().add_last_item("button:addstage");
  field_error_text(ui, add.name);
  if (enter || clicked) {
    // New stages go before the first closed stage, where a new step of the sale belongs.
    std::int64_t at = static_cast<std::int64_t>(p.stages.size());
    for (std::size_t i = 0; i < p.stages.size(); ++i)
      if (p.stages[i].kind != StageKind::Open) {
        at = static_cast<std::int64_t>(i);
        break;
      }
    add.text = buf.data();
    actions.typed(cmd::StageCreate{p.id, json{{"name", add.text}, {"probability", 50}}, at}, {add});
    if (enter) refocus_after_submit(ui, "newstage");
  }
}

// [SECTION] Fields

void fields_tab(const Ctx& ctx, const Pipeline& p, UiState& ui, Actions& actions) {
  ImGui::TextDisabled("Custom fields are shared by every pipeline.");
  if (ImGui::BeginTable("fields", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn("Type", ImGuiTableColumnFlags_WidthFixed, ctx.px(80));
    ImGui::TableSetupColumn("Options (comma separated)", ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ctx.px(70));
    ImGui::TableHeadersRow();
    for (const auto& f : ctx.ws.fields) {
      ImGui::PushID(f.id.c_str());
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      FieldTarget name = editor_field(p, "fieldname:" + f.id, "/name");
      if (field_text(ctx, ui, name, f.name)) actions.typed(cmd::FieldUpdate{f.id, name.text, std::nullopt, {}}, {name});
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(std::string(to_string(f.type)).c_str());
      ImGui::TableNextColumn();
      if (f.type == FieldType::Choice) {
        ImGui::SetNextItemWidth(-1);
        FieldTarget options = editor_field(p, "fieldoptions:" + f.id, "/options");
        if (field_text(ctx, ui, options, join(f.options)))
          actions.typed(cmd::FieldUpdate{f.id, std::nullopt, split_options(options.text), {}}, {options});
      }
      ImGui::TableNextColumn();
      if (ImGui::SmallButton("Delete")) actions.push(cmd::FieldDelete{f.id});
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  ImGui::Spacing();
  FieldTarget name = editor_field(p, "input:newfield", "/field/name");
  FieldTarget options = editor_field(p, "input:newfieldoptions", "/field/options");
  name.clear_on_success = options.clear_on_success = true;
  TextBuffer& name_buf = ui.edit_buffers[name.name];
  TextBuffer& options_buf = ui.edit_buffers[options.name];
  static const char* kTypes[] = {"text", "number", "money", "date", "choice"};
  ImGui::SetNextItemWidth(ctx.px(200));
  ImGui::InputTextWithHint("##newfield", "New field name", name_buf.data(), name_buf.size());
  items().add_last_item(name.name);
  frame_if_rejected(ctx, ui, name.name);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ctx.px(110));
  ImGui::Combo("##type", &ui.editor_tab_field_type, kTypes, 5);
  items().add_last_item("combo:newfieldtype");
  const bool choice = ui.editor_tab_field_type == 4;
  if (choice) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ctx.px(220));
    ImGui::InputTextWithHint("##newoptions", "Options, comma separated", options_buf.data(), options_buf.size());
    items().add_last_item(options.name);
    frame_if_rejected(ctx, ui, options.name);
  }
  ImGui::SameLine();
  const bool add = ImGui::Button("Add field");
  items().add_last_item("button:addfield");
  field_error_text(ui, name.name);
  if (choice) field_error_text(ui, options.name);
  if (add) {
    name.text = name_buf.data();
    options.text = options_buf.data();
    json field{{"name", name.text}, {"type", kTypes[ui.editor_tab_field_type]}};
    if (choice) field["options"] = split_options(options.text);
    actions.typed(cmd::FieldCreate{field}, {name, options});
  }
}

// [SECTION] People

void people_tab(const Ctx& ctx, const Pipeline& p, UiState& ui, Actions& actions) {
  ImGui::TextDisabled("The managers who own deals.");
  if (ImGui::BeginTable("people", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn("Email", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ctx.px(260));
    ImGui::TableHeadersRow();
    for (const auto& person : ctx.ws.people) {
      ImGui::PushID(person.id.c_str());
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      FieldTarget name = editor_field(p, "personname:" + person.id, "/set/name");
      if (field_text(ctx, ui, name, person.name)) actions.typed(cmd::PersonUpdate{person.id, json{{"name", name.text}}}, {name});
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      FieldTarget email = editor_field(p, "personemail:" + person.id, "/set/email");
      if (field_text(ctx, ui, email, person.email, {.hint = "name@example.com"}))
        actions.typed(cmd::PersonUpdate{person.id, json{{"email", email.text}}}, {email});
      ImGui::TableNextColumn();
      std::size_t owned = 0;
      for (const auto& d : ctx.ws.deals) owned += d.owner == person.id;
      if (owned == 0) {
        if (ImGui::SmallButton("Delete")) actions.push(cmd::PersonDelete{person.id, "", false});
      } else {
        // Their deals go to someone else, or stay without an owner: never silently.
        ImGui::SetNextItemWidth(ctx.px(170));
        if (ImGui::BeginCombo("##reassign", ("Delete, give " + std::to_string(owned) + " deals to…").c_str())) {
          for (const auto& other : ctx.ws.people)
            if (other.id != person.id && ImGui::Selectable(other.name.c_str()))
              actions.push(cmd::PersonDelete{person.id, other.id, false});
          if (ImGui::Selectable("Nobody (no owner)")) actions.push(cmd::PersonDelete{person.id, "", true});
          ImGui::EndCombo();
        }
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  FieldTarget name = editor_field(p, "input:newperson", "/person/name");
  FieldTarget email = editor_field(p, "input:newpersonemail", "/person/email");
  name.clear_on_success = email.clear_on_success = true;
  TextBuffer& name_buf = ui.edit_buffers[name.name];
  TextBuffer& email_buf = ui.edit_buffers[email.name];
  ImGui::SetNextItemWidth(ctx.px(200));
  ImGui::InputTextWithHint("##newperson", "Name", name_buf.data(), name_buf.size());
  items().add_last_item(name.name);
  frame_if_rejected(ctx, ui, name.name);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ctx.px(220));
  ImGui::InputTextWithHint("##newemail", "Email", email_buf.data(), email_buf.size());
  items().add_last_item(email.name);
  frame_if_rejected(ctx, ui, email.name);
  ImGui::SameLine();
  const bool add = ImGui::Button("Add person");
  items().add_last_item("button:addperson");
  field_error_text(ui, name.name);
  field_error_text(ui, email.name);
  if (add) {
    name.text = name_buf.data();
    email.text = email_buf.data();
    json person{{"name", name.text}};
    if (!email.text.empty()) person["email"] = email.text;
    actions.typed(cmd::PersonCreate{person}, {name, email});
  }
}

}  // namespace

void draw_pipeline_editor(const Ctx& ctx, UiState& ui, Actions& actions) {
  const Pipeline* p = ctx.ws.pipelines.find(ui.dialog.target);
  if (!p) {
    ui.dialog.kind = Dialog::None;
    return;
  }
  if (ui.dialog.just_opened) {
    ImGui::OpenPopup("Edit pipeline");
    ui.dialog.just_opened = false;
  }
  ImGui::SetNextWindowSize(ImVec2(ctx.px(860), ctx.px(560)), ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  bool open = true;
  if (!ImGui::BeginPopupModal("Edit pipeline", &open)) {
    ui.dialog.kind = Dialog::None;
    return;
  }
  ImGui::PushFont(ctx.fonts.large);
  ImGui::TextUnformatted(p->name.c_str());
  ImGui::PopFont();
  // Errors of whole-pipeline actions (deleting the last open stage); field errors show in place.
  if (!ui.message.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, error_color());
    ImGui::TextUnformatted(ui.message.c_str());
    ImGui::PopStyleColor();
  }
  if (ImGui::BeginTabBar("tabs")) {
    // Tab items are named right after BeginTabItem (the tab itself), before their contents.
    const bool stages = ImGui::BeginTabItem("Stages");
    items().add_last_item("tab:stages");
    if (stages) {
      stages_tab(ctx, *p, ui, actions);
      ImGui::EndTabItem();
    }
    const bool fields = ImGui::BeginTabItem("Custom fields");
    items().add_last_item("tab:fields");
    if (fields) {
      fields_tab(ctx, *p, ui, actions);
      ImGui::EndTabItem();
    }
    const bool people = ImGui::BeginTabItem("People");
    items().add_last_item("tab:people");
    if (people) {
      people_tab(ctx, *p, ui, actions);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  const float button_w = ctx.px(100);
  ImGui::SetCursorPosY(ImGui::GetWindowHeight() - ImGui::GetFrameHeightWithSpacing() - ImGui::GetStyle().WindowPadding.y);
  ImGui::SetCursorPosX(ImGui::GetWindowWidth() - button_w - ctx.px(180) - ImGui::GetStyle().WindowPadding.x);
  const bool share = ImGui::Button("Export / share…", ImVec2(ctx.px(170), 0));
  items().add_last_item("button:editorshare");
  ImGui::SameLine();
  const bool done = ImGui::Button("Done", ImVec2(button_w, 0));
  items().add_last_item("button:editordone");
  // Escape in a text field leaves the field (WantTextInput is last frame's): a second one closes.
  if (done || (ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !ImGui::GetIO().WantTextInput)) {
    ui.dialog.kind = Dialog::None;
    ImGui::CloseCurrentPopup();
  }
  if (share) {  // the share dialog takes over from the editor
    ImGui::CloseCurrentPopup();
    open_dialog(ui, Dialog::Share, p->id);
  }
  ImGui::EndPopup();
}

}  // namespace pb::ui
