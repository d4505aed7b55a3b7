#include "presenter_bar.hpp"

#include <imgui.h>

#include "item_registry.hpp"
#include "widgets.hpp"

namespace pb::ui {
namespace {

constexpr int kZooms[] = {100, 125, 150};

// Goes on beside the last group when `width` more fits in the bar, else starts a new row: at
// 150% on a small projector the controls take two rows rather than falling off the edge.
void next_group(const Ctx& ctx, float width) {
  ImGui::SameLine(0, ctx.px(24));
  if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

float text_w(const char* s) { return ImGui::CalcTextSize(s).x + ImGui::GetStyle().FramePadding.x * 2; }

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
  std::size_t& chosen = t.start_tour;
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
  // A tinted strip, so its buttons stand out from it and the audience sees it is not the product.
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ui.dark ? ImVec4(0.13f, 0.19f, 0.33f, 1.0f) : ImVec4(0.82f, 0.88f, 0.98f, 1.0f));
  ImGui::BeginChild("presenter-bar", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
  items().add("banner:presenter", Rect{ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowSize().x,
                                       ImGui::GetWindowSize().y});
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Presenter mode");
  next_group(ctx, ImGui::CalcTextSize("Size").x + 3 * ctx.px(64));
  zoom_buttons(ctx, ui);
  next_group(ctx, text_w("Reset demo"));
  if (named_button("Reset demo", "button:reset-demo")) actions.effect(effect::ResetDemo{});
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("A fresh demo workspace for the next audience (Undo brings back this one)");
  next_group(ctx, ctx.px(190 + 230 + 16) + text_w("Start tour"));
  tour_controls(ctx, t);
  next_group(ctx, text_w("Exit"));
  if (named_button("Exit", "button:presenter-exit")) {
    ui.presenter = false;
    ui.zoom_percent = 100;
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

}  // namespace pb::ui
