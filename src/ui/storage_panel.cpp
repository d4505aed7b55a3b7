#include "storage_panel.hpp"

#include <imgui.h>

#include <cstdio>

#include "codec.hpp"
#include "item_registry.hpp"
#include "widgets.hpp"

namespace pb::ui {
namespace {

const ImVec4 kGood(0.45f, 0.8f, 0.55f, 1.0f);
const ImVec4 kBusy(0.95f, 0.75f, 0.35f, 1.0f);
const ImVec4 kBad(1.0f, 0.5f, 0.45f, 1.0f);

std::string megabytes(double bytes) {
  if (bytes < 0) return "unknown";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", bytes / 1048576.0);
  return buf;
}

void name_window(const char* name) {
  const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  items().add(name, Rect{pos.x, pos.y, size.x, size.y});
}

const char* kind_label(RecordKind kind) {
  switch (kind) {
    case RecordKind::Pipeline: return "Pipeline";
    case RecordKind::Person: return "Person";
    case RecordKind::Field: return "Field";
    case RecordKind::View: return "View";
    case RecordKind::Deal: return "Deal";
  }
  return "";
}

// The record's display name, from its JSON.
std::string name_of(const json& record) {
  for (const char* key : {"title", "name"})
    if (record.is_object() && record.contains(key) && record[key].is_string()) return record[key].get<std::string>();
  return "";
}

std::string short_json(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  std::string s = v.is_null() ? "(empty)" : v.dump();
  return s.size() > 60 ? s.substr(0, 57) + "..." : s;
}

// Mine against theirs, field by field, only where they differ.
void draw_both(const Ctx& ctx, const Workspace& ws, const Conflict& c) {
  json mine;
  if (c.kind == RecordKind::Deal) { if (const Deal* d = ws.deals.find(c.id)) mine = to_json(*d); }
  else if (c.kind == RecordKind::Pipeline) { if (const Pipeline* p = ws.pipelines.find(c.id)) mine = to_json(*p); }
  else if (c.kind == RecordKind::Person) { if (const Person* p = ws.people.find(c.id)) mine = to_json(*p); }
  else if (c.kind == RecordKind::Field) { if (const FieldDef* f = ws.fields.find(c.id)) mine = to_json(*f); }
  else if (const View* v = ws.views.find(c.id)) mine = to_json(*v);
  if (!ImGui::BeginTable(("both" + c.id).c_str(), 3, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) return;
  ImGui::TableSetupColumn("Field", ImGuiTableColumnFlags_WidthFixed, ctx.px(110));
  ImGui::TableSetupColumn("Yours (this tab)");
  ImGui::TableSetupColumn("Theirs (saved by another tab)");
  ImGui::TableHeadersRow();
  json keys = json::object();
  if (mine.is_object()) for (auto& [k, v] : mine.items()) keys[k] = true;
  if (c.theirs.is_object()) for (auto& [k, v] : c.theirs.items()) keys[k] = true;
  for (auto& [k, unused] : keys.items()) {
    const json a = mine.is_object() ? mine.value(k, json()) : json();
    const json b = c.theirs.is_object() ? c.theirs.value(k, json()) : json();
    if (a == b || k == "updated") continue;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(k.c_str());
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", short_json(a).c_str());
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", short_json(b).c_str());
  }
  ImGui::EndTable();
}

}  // namespace

void draw_save_indicator(const Ctx& ctx, const StorageSnapshot& s, StorageUi& ui) {
  const char* label = "Saved";
  ImVec4 color = kGood;
  switch (s.state) {
    case SaveState::Saved: break;
    case SaveState::Pending:
    case SaveState::Saving: label = "Saving…"; color = kBusy; break;
    case SaveState::Failed: label = "Not saved"; color = kBad; break;
    case SaveState::Conflict: label = "Conflict"; color = kBad; break;
    case SaveState::Unavailable: label = "Not kept"; color = kBad; break;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
  char text[64];
  std::snprintf(text, sizeof text, "    %s###save-status", label);  // room for the dot
  if (ImGui::Button(text, ImVec2(ctx.px(104), 0))) ui.show_details = !ui.show_details;
  items().add_last_item("button:storage");
  ImGui::PopStyleColor(2);
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  const float text_w = ImGui::CalcTextSize(label).x + ImGui::CalcTextSize("    ").x;
  const ImVec2 dot(min.x + (max.x - min.x - text_w) * 0.5f + ctx.px(6), (min.y + max.y) * 0.5f);
  ImGui::GetWindowDrawList()->AddCircleFilled(dot, ctx.px(4), ImGui::ColorConvertFloat4ToU32(color));
  if (ImGui::IsItemHovered()) {
    if (s.state == SaveState::Failed || s.state == SaveState::Unavailable) ImGui::SetTooltip("%s", s.error.c_str());
    else ImGui::SetTooltip("Every change is saved in this browser. Click for details.");
  }
}

bool draw_storage_banner(const Ctx& ctx, const StorageSnapshot& s, StorageUi& ui, Actions& actions) {
  std::string message;
  bool offer_backup = false;
  if (s.state == SaveState::Failed) {
    message = "Changes are not being saved: " + s.error + ". They are kept in this tab and retried; download a backup now to be safe.";
    offer_backup = true;
  } else if (s.state == SaveState::Unavailable) {
    message = "Nothing you do here will be kept: storage is unavailable (" + s.error + "). Download a backup before you leave.";
    offer_backup = true;
  } else if (!s.quarantine_note.empty()) {
    message = s.quarantine_note;
  } else if (!s.notice.empty() && !ui.notice_dismissed) {
    message = s.notice;
  } else {
    return false;
  }
  const bool problem = offer_backup || !s.quarantine_note.empty();
  ImGui::PushStyleColor(ImGuiCol_ChildBg, problem ? ImVec4(0.45f, 0.16f, 0.16f, 1.0f) : ImVec4(0.16f, 0.3f, 0.45f, 1.0f));
  ImGui::BeginChild("storage-banner", ImVec2(0, ImGui::GetFrameHeightWithSpacing() + ctx.px(8)), false);
  ImGui::SetCursorPos(ImVec2(ctx.px(10), ctx.px(4)));
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(ImVec4(1, 1, 1, 1), "%s", message.c_str());
  items().add_last_item("text:storage-banner");
  ImGui::SameLine();
  if (offer_backup && named_button("Download backup", "button:backup")) actions.effect(effect::DownloadBackup{});
  if (!offer_backup && !s.quarantine_note.empty()) {
    if (named_button("Export them", "button:quarantine-export")) actions.effect(effect::ExportQuarantine{});
    ImGui::SameLine();
    if (named_button("Dismiss", "button:quarantine-dismiss")) actions.effect(effect::DismissQuarantine{});
  } else if (!offer_backup) {
    if (named_button("OK", "button:notice-ok")) ui.notice_dismissed = true;
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
  return true;
}

void draw_storage_details(const Ctx& ctx, const StorageSnapshot& s, StorageUi& ui, Actions& actions) {
  if (!ui.show_details) return;
  ImGui::SetNextWindowSize(ImVec2(ctx.px(420), 0), ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::Begin("Storage", &ui.show_details, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    return;
  }
  name_window("window:storage");
  ImGui::TextWrapped("Your pipelines live in this browser's storage (IndexedDB). Every change is saved as you make it.");
  ImGui::Separator();
  ImGui::Text("Status: %s", std::string(to_string(s.state)).c_str());
  if (!s.error.empty()) ImGui::TextColored(kBad, "%s", s.error.c_str());
  ImGui::Text("Changes waiting: %zu", s.pending);
  ImGui::Text("Protected from automatic clean-up: %s", s.persisted ? "yes" : "not granted by the browser");
  ImGui::Text("Used: %s of %s available", megabytes(s.usage).c_str(), megabytes(s.quota).c_str());
  ImGui::Text("Records set aside: %zu", s.quarantined);
  ImGui::Spacing();
  if (named_button("Download backup", "button:details-backup")) actions.effect(effect::DownloadBackup{});
  if (s.quarantined > 0) {
    ImGui::SameLine();
    if (named_button("Export set-aside records", "button:details-quarantine")) actions.effect(effect::ExportQuarantine{});
  }
  ImGui::End();
}

void draw_conflict_dialog(const Ctx& ctx, const StorageSnapshot& s, StorageUi& ui, Actions& actions) {
  if (s.state != SaveState::Conflict || !s.conflicts || s.conflicts->empty()) return;
  const char* title = "Changed in another tab";
  if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
  ImGui::SetNextWindowSize(ImVec2(ctx.px(ui.view_both ? 720 : 480), 0), ImGuiCond_Always);
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
  name_window("dialog:conflict");
  ImGui::TextWrapped("Another tab saved a different version of what you just changed. Nothing has been overwritten. "
                     "Choose which version to keep:");
  for (const Conflict& c : *s.conflicts) {
    std::string name = name_of(c.theirs);
    if (name.empty()) name = c.id;
    ImGui::BulletText("%s \u201C%s\u201D%s", kind_label(c.kind), name.c_str(),
                      c.theirs.is_null() ? " (deleted there)" : "");
    if (ui.view_both) draw_both(ctx, ctx.ws, c);
  }
  ImGui::Spacing();
  if (named_button("Keep mine", "button:conflict-mine")) {
    actions.effect(effect::KeepMine{});
    ui.view_both = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (named_button("Take theirs", "button:conflict-theirs")) {
    actions.effect(effect::TakeTheirs{});
    ui.view_both = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (named_button(ui.view_both ? "Hide details" : "View both", "button:conflict-both")) ui.view_both = !ui.view_both;
  ImGui::EndPopup();
}

}  // namespace pb::ui
