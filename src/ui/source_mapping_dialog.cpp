// [SECTION] Index
// - The choices: one combo per list, column or option, under their section's heading
// - The live preview: the first deals as they would import, and the rows that would be skipped
// - The dialog: title, summary, choices, preview, progress, buttons
#include "source_mapping_dialog.hpp"

#include <imgui.h>

#include <algorithm>

#include "dialogs.hpp"
#include "item_registry.hpp"
#include "money.hpp"
#include "theme.hpp"

namespace pb::ui {
namespace {

// [SECTION] The choices

void choice_row(const Ctx& ctx, MappingChoice& c, bool& changed) {
  ImGui::PushID(c.key.c_str());
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(c.label.c_str());
  if (!c.detail.empty()) {  // on the same line, cut at the column's edge: one row per choice
    ImGui::SameLine();
    ImGui::PushFont(ctx.fonts.small);
    ImGui::TextDisabled("%s", c.detail.c_str());
    ImGui::PopFont();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", c.detail.c_str());
  }
  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-1);
  const int n = static_cast<int>(c.options.size());
  const char* shown = c.selected >= 0 && c.selected < n ? c.options[static_cast<std::size_t>(c.selected)].c_str() : "";
  const bool open = ImGui::BeginCombo("##choice", shown, ImGuiComboFlags_HeightLarge);
  items().add_last_item("mapping:" + c.key);
  if (open) {
    for (int i = 0; i < n; ++i) {
      if (ImGui::Selectable(c.options[static_cast<std::size_t>(i)].c_str(), i == c.selected) && i != c.selected) {
        c.selected = i;
        changed = true;
      }
      items().add_last_item("mappingoption:" + c.key + ":" + std::to_string(i));
    }
    ImGui::EndCombo();
  }
  ImGui::PopID();
}

// Scrolls within what the page leaves for it, so the preview and the buttons stay on screen.
bool choices(const Ctx& ctx, MappingForm& form) {
  bool changed = false;
  std::size_t sections = 0;
  std::string last = "\x01";
  for (const auto& c : form.choices) sections += c.section != last ? (last = c.section, 1) : 0;
  // A row per choice and about one per section heading.
  const float wanted = (static_cast<float>(form.choices.size()) + 1.2f * static_cast<float>(sections) + 0.3f) *
                       ImGui::GetFrameHeightWithSpacing();
  const float room = std::max(ctx.px(120), ImGui::GetMainViewport()->Size.y - ctx.px(430));
  ImGui::BeginChild("choices", ImVec2(0, std::min(wanted, room)), false);
  std::string section = "\x01";
  bool table = false;
  for (auto& c : form.choices) {
    if (c.section != section) {
      if (table) ImGui::EndTable();
      section = c.section;
      if (!section.empty()) ImGui::SeparatorText(section.c_str());
      table = ImGui::BeginTable(("##" + section).c_str(), 2, ImGuiTableFlags_SizingStretchProp);
      if (table) {
        ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthStretch, 0.55f);
        ImGui::TableSetupColumn("becomes", ImGuiTableColumnFlags_WidthStretch, 0.45f);
      }
    }
    if (table) choice_row(ctx, c, changed);
  }
  if (table) ImGui::EndTable();
  ImGui::EndChild();
  return changed;
}

// [SECTION] The live preview

std::string text_of(const json& deal, const char* key) {
  const auto it = deal.find(key);
  return it != deal.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Names for the ids of the sample document: its stages and people.
std::string name_in(const json& list, const std::string& id) {
  if (!list.is_array()) return id;
  for (const auto& r : list)
    if (r.is_object() && r.value("id", std::string()) == id) return r.value("name", id);
  return id;
}

std::string stage_name(const json& doc, const std::string& pipeline, const std::string& stage) {
  for (const auto& p : doc.value("pipelines", json::array()))
    if (p.value("id", std::string()) == pipeline) return name_in(p.value("stages", json::array()), stage);
  return stage;
}

void live_preview(const Ctx& ctx, const SourceMappingUi& m) {
  const json& doc = m.sample.document;
  const json deals = doc.is_object() ? doc.value("deals", json::array()) : json::array();
  ImGui::SeparatorText("Preview: the first deals as they will import");
  items().add_last_item("text:mapping-preview");
  if (deals.empty() && m.sample.errors.ok()) ImGui::TextDisabled("No deals in the first rows.");
  const bool many_pipelines = doc.is_object() && doc.value("pipelines", json::array()).size() > 1;
  if (!deals.empty() && ImGui::BeginTable("##sample", 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                                             ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollX,
                                          ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 5.5f))) {
    for (const char* h : {"Title", "Stage", "Status", "Value", "Owner", "Expected close"}) ImGui::TableSetupColumn(h);
    ImGui::TableHeadersRow();
    for (const auto& d : deals) {
      ImGui::TableNextRow();
      const std::string pipeline = text_of(d, "pipeline");
      std::string stage = stage_name(doc, pipeline, text_of(d, "stage"));
      if (many_pipelines) stage = name_in(doc["pipelines"], pipeline) + " / " + stage;
      const json value = d.value("value", json::object());
      // No value (0) shows blank, as on the board's cards.
      const std::string money = value.contains("amount") && value["amount"].is_number_integer() && value["amount"] != 0
                                    ? format_amount(value["amount"].get<std::int64_t>(), value.value("currency", std::string())) +
                                          " " + value.value("currency", std::string())
                                    : std::string();
      const std::string cells[] = {text_of(d, "title"), stage, text_of(d, "status"), money,
                                   name_in(doc.value("people", json::array()), text_of(d, "owner")),
                                   text_of(d, "expected_close")};
      for (const auto& cell : cells) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(cell.c_str());
      }
    }
    ImGui::EndTable();
  }
  const Issues& problems = m.sample.errors;
  if (!problems.ok()) {
    ImGui::PushFont(ctx.fonts.small);
    error_text(std::to_string(problems.count()) + (problems.count() == 1 ? " row" : " rows") +
               " in the first rows cannot be read and will be skipped:");
    for (std::size_t i = 0; i < std::min<std::size_t>(problems.list().size(), 4); ++i) {
      ImGui::TextWrapped("%s", problems.list()[i].str().c_str());
      items().add_last_item("text:mapping-error:" + std::to_string(i));
    }
    ImGui::PopFont();
  }
}

}  // namespace

void open_source_mapping(UiState& ui, SourceMappingUi& m, MappingForm form, std::string source) {
  m = SourceMappingUi{};
  m.form = std::move(form);
  m.source = std::move(source);
  m.dirty = m.form.errors.ok();
  open_dialog(ui, Dialog::SourceMapping);
}

// [SECTION] The dialog

void draw_source_mapping(const Ctx& ctx, UiState& ui, SourceMappingUi& m, Actions& actions) {
  if (!begin_modal(ctx, ui, "Import from another tool", 760, "dialog:mapping", true)) return;
  ImGui::PushFont(ctx.fonts.large);
  ImGui::TextWrapped("%s", m.form.title.c_str());
  ImGui::PopFont();
  if (!m.source.empty()) ImGui::TextDisabled("From %s", m.source.c_str());
  if (!m.form.summary.empty()) ImGui::TextWrapped("%s", m.form.summary.c_str());
  items().add_last_item("text:mapping-summary");
  const bool usable = m.form.errors.ok();
  if (!usable) {
    for (std::size_t i = 0; i < m.form.errors.list().size(); ++i) {
      error_text(m.form.errors.list()[i].message);
      items().add_last_item("text:mapping-error:" + std::to_string(i));
    }
  } else {
    ImGui::BeginDisabled(m.running);
    if (choices(ctx, m.form)) m.dirty = true;
    ImGui::EndDisabled();
    live_preview(ctx, m);
  }
  if (!ui.dialog.error.empty()) error_text(ui.dialog.error);
  ImGui::Spacing();
  bool close = false;
  if (m.running) {
    ImGui::ProgressBar(static_cast<float>(m.progress), ImVec2(ctx.px(420), 0), m.status.c_str());
    items().add_last_item("progress:import");
    ImGui::SameLine();
    if (ImGui::Button("Cancel import", ImVec2(ctx.px(130), 0))) actions.effect(effect::CancelSourceImport{});
    items().add_last_item("button:import-stop");
  } else {
    if (!m.status.empty()) ImGui::TextDisabled("%s", m.status.c_str());
    ImGui::BeginDisabled(!usable);
    if (ImGui::Button("Continue", ImVec2(ctx.px(150), 0))) actions.effect(effect::ImportFromSource{});
    items().add_last_item("button:mapping-continue");
    ImGui::EndDisabled();
    ImGui::SameLine();
    close = ImGui::Button(usable ? "Cancel" : "Close", ImVec2(ctx.px(100), 0));
    items().add_last_item("button:mapping-cancel");
  }
  if (m.running) {  // Escape stops the conversion; the screen stays, so nothing imports behind it
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) actions.effect(effect::CancelSourceImport{});
    ImGui::EndPopup();
    return;
  }
  end_modal(ui, close);
}

}  // namespace pb::ui
