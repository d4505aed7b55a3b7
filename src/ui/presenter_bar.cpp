#include "presenter_bar.hpp"

#include <imgui.h>

#include "item_registry.hpp"
#include "widgets.hpp"

namespace pb::ui {
namespace {

constexpr int kZooms[] = {100, 125, 150};

void zoom_buttons(const Ctx& ctx, UiState& ui) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Size");
  for (int z : kZooms) {
    ImGui::SameLine();
    const std::string label = std::to_string(z) + "%";
    const std::string name = "button:zoom-" + std::to_string(z);
    const bool on = ui.zoom_percent == z;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (named_button(label.c_str(), name.c_str(), ctx.px(56))) ui.zoom_percent = z;
    if (on) ImGui::PopStyleColor();
  }
}

// Which tour, from which step, and Start.
void tour_controls(const Ctx& ctx, TourUi& t) {
  if (t.tours.empty()) return;
  static std::size_t chosen = 0;
  if (chosen >= t.tours.size()) chosen = 0;
  const Tour& tour = t.tours[chosen];
  ImGui::SetNextItemWidth(ctx.px(190));
  if (ImGui::BeginCombo("##tour", tour.name.c_str())) {
    for (std::size_t i = 0; i < t.tours.size(); ++i)
      if (ImGui::Selectable((t.tours[i].name + "##" + std::to_string(i)).c_str(), i == chosen)) chosen = i, t.start_step = 1;
    ImGui::EndCombo();
  }
  items().add_last_item("combo:tour");
  ImGui::SameLine();
  const int steps = static_cast<int>(tour.steps.size());
  if (t.start_step < 1 || t.start_step > steps) t.start_step = 1;
  const std::string preview = std::to_string(t.start_step) + ". " + tour.steps[t.start_step - 1].title;
  ImGui::SetNextItemWidth(ctx.px(230));
  if (ImGui::BeginCombo("##from", preview.c_str())) {
    for (int i = 1; i <= steps; ++i) {
      const std::string label = std::to_string(i) + ". " + tour.steps[i - 1].title;
      if (ImGui::Selectable(label.c_str(), i == t.start_step)) t.start_step = i;
      items().add_last_item("tourstep:" + std::to_string(i));
    }
    ImGui::EndCombo();
  }
  items().add_last_item("combo:tour-step");
  ImGui::SameLine();
  if (named_button("Start tour", "button:tour-start")) start_tour(t, tour, static_cast<std::size_t>(t.start_step - 1));
}

}  // namespace

void draw_presenter_bar(const Ctx& ctx, UiState& ui, TourUi& t, Actions& actions) {
  if (!ui.presenter) return;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
  ImGui::BeginChild("presenter-bar", ImVec2(0, ImGui::GetFrameHeightWithSpacing() + ctx.px(8)), false);
  items().add("banner:presenter", Rect{ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowSize().x,
                                       ImGui::GetWindowSize().y});
  ImGui::SetCursorPos(ImVec2(ctx.px(10), ctx.px(4)));
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Presenter mode");
  ImGui::SameLine(0, ctx.px(24));
  zoom_buttons(ctx, ui);
  ImGui::SameLine(0, ctx.px(24));
  if (named_button("Reset demo", "button:reset-demo")) actions.effect(effect::ResetDemo{});
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("A fresh demo workspace for the next audience (Undo brings back this one)");
  ImGui::SameLine(0, ctx.px(24));
  tour_controls(ctx, t);
  ImGui::SameLine(0, ctx.px(24));
  if (named_button("Exit", "button:presenter-exit")) {
    ui.presenter = false;
    ui.zoom_percent = 100;
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

}  // namespace pb::ui
