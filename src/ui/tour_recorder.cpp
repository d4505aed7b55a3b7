#include "tour_recorder.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>

#include "item_registry.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace pb::ui {

void start_recording(TourUi& t) {
  stop_tour(t);
  t.recorder = TourRecorder{};
  t.recorder.recording = true;
}

namespace {

// A first title the salesperson replaces: what was clicked, by its name.
std::string default_title(const std::string& target) {
  const auto colon = target.find(':');
  std::string what = colon == std::string::npos ? target : target.substr(colon + 1);
  for (char& c : what)
    if (c == '-' || c == '_') c = ' ';
  return "Click " + what;
}

void note_click(TourRecorder& r) {
  const Rect& panel = r.panel;
  if (!ImGui::IsMouseClicked(ImGuiMouseButton_Left)) return;
  const ImVec2 m = ImGui::GetIO().MousePos;
  if (m.x >= panel.x && m.y >= panel.y && m.x < panel.x + panel.w && m.y < panel.y + panel.h) return;
  const std::string name = items().name_at(m.x, m.y);
  if (name.empty() || (!r.steps.empty() && r.steps.back().target == name)) return;
  if (r.steps.size() >= kMaxTourSteps) return;
  TourStep s;
  s.target = name;
  s.title = default_title(name);
  r.steps.push_back(std::move(s));
}

void open_editor(TourRecorder& r) {
  r.recording = false;
  r.editing = true;
  r.just_opened = true;
  r.error.clear();
  r.titles.assign(r.steps.size(), {});
  r.texts.assign(r.steps.size(), {});
  for (std::size_t i = 0; i < r.steps.size(); ++i)
    std::snprintf(r.titles[i].data(), r.titles[i].size(), "%s", r.steps[i].title.c_str());
  if (r.name[0] == '\0') std::snprintf(r.name.data(), r.name.size(), "%s", "My demo tour");
}

// The recording's panel, bottom right: how many steps so far, Finish and Cancel.
void draw_panel(const Ctx& ctx, TourRecorder& r) {
  note_click(r);
  const ImVec2 vp = ImGui::GetMainViewport()->Size;
  ImGui::SetNextWindowPos(ImVec2(vp.x - ctx.px(16), vp.y - ctx.px(16)), ImGuiCond_Always, ImVec2(1, 1));
  ImGui::Begin("##recorder", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
  ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
  r.panel = Rect{ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowSize().x, ImGui::GetWindowSize().y};
  items().add("tour:recorder", r.panel);
  // A red recording dot, drawn: the UI font has no U+25CF.
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float dot = ImGui::GetTextLineHeight() * 0.3f;
  ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(at.x + dot, at.y + ImGui::GetTextLineHeight() * 0.5f), dot,
                                              IM_COL32(235, 70, 70, 255));
  ImGui::Dummy(ImVec2(dot * 2, ImGui::GetTextLineHeight()));
  ImGui::SameLine();
  const std::string label = "Recording a tour: " + std::to_string(r.steps.size()) + (r.steps.size() == 1 ? " step" : " steps");
  ImGui::TextUnformatted(label.c_str());
  items().add_last_item("text:record-count");
  ImGui::TextDisabled("Click through the app; each named part you click becomes a step.");
  ImGui::BeginDisabled(r.steps.empty());
  if (named_button("Finish…", "button:record-finish")) open_editor(r);
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (named_button("Cancel", "button:record-cancel")) r = TourRecorder{};
  ImGui::End();
}

Tour edited_tour(const TourRecorder& r) {
  Tour t;
  t.name = r.name.data();
  t.id = "recorded";
  for (std::size_t i = 0; i < r.steps.size(); ++i) {
    TourStep s = r.steps[i];
    s.title = r.titles[i].data();
    s.text = r.texts[i].data();
    t.steps.push_back(std::move(s));
  }
  return t;
}

void remove_step(TourRecorder& r, std::size_t i) {
  r.steps.erase(r.steps.begin() + static_cast<std::ptrdiff_t>(i));
  r.titles.erase(r.titles.begin() + static_cast<std::ptrdiff_t>(i));
  r.texts.erase(r.texts.begin() + static_cast<std::ptrdiff_t>(i));
}

// Titles and texts for each recorded step, then Save (kept with the workspace's data and offered
// in the help menu) or Download (a .pipeboard-tour.json file to share).
void draw_editor(const Ctx& ctx, TourRecorder& r, Actions& actions) {
  if (r.just_opened) {
    ImGui::OpenPopup("Save your tour");
    r.just_opened = false;
  }
  const float tall = ImGui::GetMainViewport()->Size.y - ctx.px(80);  // as many steps on screen as fit
  ImGui::SetNextWindowSize(ImVec2(ctx.px(640), std::max(ctx.px(320), tall)), ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  bool open = true;
  if (!ImGui::BeginPopupModal("Save your tour", &open, ImGuiWindowFlags_NoSavedSettings)) {
    r.editing = false;
    return;
  }
  items().add("dialog:tour-editor", Rect{ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowSize().x,
                                         ImGui::GetWindowSize().y});
  ImGui::TextUnformatted("Name");
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputText("##tourname", r.name.data(), r.name.size());
  items().add_last_item("input:tour-name");
  ImGui::BeginChild("steps", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 2.2f), true);
  std::optional<std::size_t> remove;
  for (std::size_t i = 0; i < r.steps.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    ImGui::TextDisabled("Step %zu  ·  points at %s", i + 1, r.steps[i].target.c_str());
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ctx.px(70));
    if (ImGui::SmallButton("Remove")) remove = i;
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint("##title", "Title", r.titles[i].data(), r.titles[i].size());
    items().add_last_item("input:tour-title:" + std::to_string(i));
    ImGui::InputTextMultiline("##text", r.texts[i].data(), r.texts[i].size(), ImVec2(-FLT_MIN, ctx.px(44)));
    items().add_last_item("input:tour-text:" + std::to_string(i));
    ImGui::Separator();
    ImGui::PopID();
  }
  ImGui::EndChild();
  if (remove) remove_step(r, *remove);
  if (!r.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, error_color());
    ImGui::TextWrapped("%s", r.error.c_str());
    ImGui::PopStyleColor();
    items().add_last_item("text:tour-error");
  }
  ImGui::BeginDisabled(r.steps.empty());
  if (named_button("Save tour", "button:tour-save", ctx.px(130))) actions.effect(effect::SaveTour{edited_tour(r), false});
  ImGui::SameLine();
  if (named_button("Save and download", "button:tour-download", ctx.px(170)))
    actions.effect(effect::SaveTour{edited_tour(r), true});
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (named_button("Cancel", "button:tour-cancel", ctx.px(100)) || !open) {
    r = TourRecorder{};
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace

void draw_tour_recorder(const Ctx& ctx, TourUi& t, Actions& actions) {
  if (t.recorder.recording) draw_panel(ctx, t.recorder);
  if (t.recorder.editing) draw_editor(ctx, t.recorder, actions);
}

}  // namespace pb::ui
