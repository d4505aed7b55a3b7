// [SECTION] Index
// - Stages tab: one row per stage, drag rows to reorder, delete with a target for its deals
// - Fields tab: custom fields and their options
// - People tab: the managers who own deals
#include "pipeline_editor.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>
#include <sstream>

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
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    const auto b = item.find_first_not_of(' '), e = item.find_last_not_of(' ');
    if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
  }
  return out;
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
      if (id != s.id) actions.commands.push_back(cmd::StageReorder{id, index});
    }
    ImGui::EndDragDropTarget();
  }
  items().add_last_item("stagehandle:" + s.id);
  ImGui::TableNextColumn();
  float color[3] = {((color_from_hex(s.color) >> IM_COL32_R_SHIFT) & 0xff) / 255.0f,
                    ((color_from_hex(s.color) >> IM_COL32_G_SHIFT) & 0xff) / 255.0f,
                    ((color_from_hex(s.color) >> IM_COL32_B_SHIFT) & 0xff) / 255.0f};
  if (ImGui::ColorEdit3("##color", color, ImGuiColorEditFlags_NoInputs) && hex_of(color) != s.color)
    actions.commands.push_back(cmd::StageUpdate{s.id, json{{"color", hex_of(color)}}});
  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-1);
  std::string name;
  if (edit_text("##name", s.name, ui.edit_buffers, "stage-name:" + s.id, name))
    actions.commands.push_back(cmd::StageRename{s.id, name});
  items().add_last_item("stagename:" + s.id);
  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-1);
  int value;
  if (edit_int("##prob", s.probability, 0, 100, value))
    actions.commands.push_back(cmd::StageUpdate{s.id, json{{"probability", value}}});
  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-1);
  if (edit_int("##rot", s.rotting_days, 0, 3650, value))
    actions.commands.push_back(cmd::StageUpdate{s.id, json{{"rotting_days", value}}});
  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-1);
  static const char* kKinds[] = {"Open", "Won", "Lost"};
  if (ImGui::BeginCombo("##kind", kKinds[static_cast<int>(s.kind)])) {
    for (int k = 0; k < 3; ++k)
      if (ImGui::Selectable(kKinds[k], k == static_cast<int>(s.kind)) && k != static_cast<int>(s.kind))
        actions.commands.push_back(cmd::StageUpdate{s.id, json{{"kind", to_string(static_cast<StageKind>(k))}}});
    ImGui::EndCombo();
  }
  ImGui::TableNextColumn();
  if (ImGui::SmallButton("Copy")) actions.commands.push_back(cmd::StageDuplicate{s.id, ""});
  ImGui::SameLine();
  if (ImGui::SmallButton("Delete")) {
    if (ctx.ws.count_deals_in_stage(s.id) == 0) actions.commands.push_back(cmd::StageDelete{s.id, ""});
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
    ImGui::TableSetupColumn("Win %", ImGuiTableColumnFlags_WidthFixed, ctx.px(64));
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
      actions.commands.push_back(cmd::StageDelete{doomed->id, target->id});
      ui.dialog.choice.clear();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Keep it")) ui.dialog.choice.clear();
  }
  ImGui::Spacing();
  TextBuffer& add = ui.edit_buffers["new-stage"];
  ImGui::SetNextItemWidth(ctx.px(260));
  const bool enter = ImGui::InputTextWithHint("##newstage", "New stage name", add.data(), add.size(),
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  items().add_last_item("input:newstage");
  focus_claim(ui, "newstage");
  ImGui::SameLine();
  const bool clicked = ImGui::Button("Add stage");
  items().add_last_item("button:addstage");
  if ((enter || clicked) && add[0]) {
    // New stages go before the first closed stage, where a new step of the sale belongs.
    std::int64_t at = static_cast<std::int64_t>(p.stages.size());
    for (std::size_t i = 0; i < p.stages.size(); ++i)
      if (p.stages[i].kind != StageKind::Open) {
        at = static_cast<std::int64_t>(i);
        break;
      }
    actions.commands.push_back(cmd::StageCreate{p.id, json{{"name", add.data()}, {"probability", 50}}, at});
    add[0] = '\0';
    if (enter) refocus_after_submit(ui, "newstage");
  }
}

// [SECTION] Fields

void fields_tab(const Ctx& ctx, UiState& ui, Actions& actions) {
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
      std::string text;
      if (edit_text("##name", f.name, ui.edit_buffers, "field-name:" + f.id, text))
        actions.commands.push_back(cmd::FieldUpdate{f.id, text, {}, {}});
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(std::string(to_string(f.type)).c_str());
      ImGui::TableNextColumn();
      if (f.type == FieldType::Choice) {
        ImGui::SetNextItemWidth(-1);
        if (edit_text("##options", join(f.options), ui.edit_buffers, "field-options:" + f.id, text)) {
          auto options = split_options(text);
          if (options.empty()) ui.message = "A choice field needs at least one option.";
          else actions.commands.push_back(cmd::FieldUpdate{f.id, "", options, {}});
        }
      }
      ImGui::TableNextColumn();
      if (ImGui::SmallButton("Delete")) actions.commands.push_back(cmd::FieldDelete{f.id});
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  ImGui::Spacing();
  TextBuffer& name = ui.edit_buffers["new-field"];
  TextBuffer& options = ui.edit_buffers["new-field-options"];
  static const char* kTypes[] = {"text", "number", "money", "date", "choice"};
  ImGui::SetNextItemWidth(ctx.px(200));
  ImGui::InputTextWithHint("##newfield", "New field name", name.data(), name.size());
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ctx.px(110));
  ImGui::Combo("##type", &ui.editor_tab_field_type, kTypes, 5);
  if (ui.editor_tab_field_type == 4) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ctx.px(220));
    ImGui::InputTextWithHint("##newoptions", "Options, comma separated", options.data(), options.size());
  }
  ImGui::SameLine();
  if (ImGui::Button("Add field") && name[0]) {
    json field{{"name", name.data()}, {"type", kTypes[ui.editor_tab_field_type]}};
    if (ui.editor_tab_field_type == 4) field["options"] = split_options(options.data());
    actions.commands.push_back(cmd::FieldCreate{field});
    name[0] = options[0] = '\0';
  }
}

// [SECTION] People

void people_tab(const Ctx& ctx, UiState& ui, Actions& actions) {
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
      std::string text;
      if (edit_text("##name", person.name, ui.edit_buffers, "person-name:" + person.id, text))
        actions.commands.push_back(cmd::PersonUpdate{person.id, json{{"name", text}}});
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      if (edit_text("##email", person.email, ui.edit_buffers, "person-email:" + person.id, text))
        actions.commands.push_back(cmd::PersonUpdate{person.id, json{{"email", text}}});
      ImGui::TableNextColumn();
      std::size_t owned = 0;
      for (const auto& d : ctx.ws.deals) owned += d.owner == person.id;
      if (owned == 0) {
        if (ImGui::SmallButton("Delete")) actions.commands.push_back(cmd::PersonDelete{person.id, "", false});
      } else {
        // Their deals go to someone else, or stay without an owner: never silently.
        ImGui::SetNextItemWidth(ctx.px(170));
        if (ImGui::BeginCombo("##reassign", ("Delete, give " + std::to_string(owned) + " deals to…").c_str())) {
          for (const auto& other : ctx.ws.people)
            if (other.id != person.id && ImGui::Selectable(other.name.c_str()))
              actions.commands.push_back(cmd::PersonDelete{person.id, other.id, false});
          if (ImGui::Selectable("Nobody (no owner)")) actions.commands.push_back(cmd::PersonDelete{person.id, "", true});
          ImGui::EndCombo();
        }
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  TextBuffer& name = ui.edit_buffers["new-person"];
  TextBuffer& email = ui.edit_buffers["new-person-email"];
  ImGui::SetNextItemWidth(ctx.px(200));
  ImGui::InputTextWithHint("##newperson", "Name", name.data(), name.size());
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ctx.px(220));
  ImGui::InputTextWithHint("##newemail", "Email", email.data(), email.size());
  ImGui::SameLine();
  if (ImGui::Button("Add person") && name[0]) {
    actions.commands.push_back(cmd::PersonCreate{json{{"name", name.data()}, {"email", email.data()}}});
    name[0] = email[0] = '\0';
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
  if (!ui.message.empty()) ImGui::TextColored(ImVec4(1.0f, 0.5f, 0.45f, 1.0f), "%s", ui.message.c_str());
  if (ImGui::BeginTabBar("tabs")) {
    if (ImGui::BeginTabItem("Stages")) {
      stages_tab(ctx, *p, ui, actions);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("Custom fields")) {
      fields_tab(ctx, ui, actions);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem("People")) {
      people_tab(ctx, ui, actions);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  const float button_w = ctx.px(100);
  ImGui::SetCursorPosY(ImGui::GetWindowHeight() - ImGui::GetFrameHeightWithSpacing() - ImGui::GetStyle().WindowPadding.y);
  ImGui::SetCursorPosX(ImGui::GetWindowWidth() - button_w - ImGui::GetStyle().WindowPadding.x);
  const bool done = ImGui::Button("Done", ImVec2(button_w, 0));
  items().add_last_item("button:editordone");
  if (done || (ImGui::IsKeyPressed(ImGuiKey_Escape) && ImGui::GetActiveID() == 0)) {
    ui.dialog.kind = Dialog::None;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace pb::ui
