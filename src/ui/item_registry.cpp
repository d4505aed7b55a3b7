#include "item_registry.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace pb::ui {

namespace {
// Popups are laid out hidden for a frame before they show; their rectangles are not real yet.
bool window_hidden() {
  const ImGuiWindow* w = ImGui::GetCurrentContext() ? ImGui::GetCurrentWindowRead() : nullptr;
  return w && (w->Hidden || w->HiddenFramesCannotSkipItems > 0 || w->HiddenFramesCanSkipItems > 0);
}
}  // namespace

// Keeps only the part of a rectangle the current window shows (scrolled-out columns and cards
// are not clickable, so automation should not see them).
void ItemRegistry::add(std::string name, Rect r) {
  if (window_hidden()) return;
  if (const ImGuiWindow* w = ImGui::GetCurrentWindowRead()) {
    const ImRect clip = w->ClipRect;
    const float x0 = ImMax(r.x, clip.Min.x), y0 = ImMax(r.y, clip.Min.y);
    const float x1 = ImMin(r.x + r.w, clip.Max.x), y1 = ImMin(r.y + r.h, clip.Max.y);
    if (x1 <= x0 || y1 <= y0) return;
    r = Rect{x0, y0, x1 - x0, y1 - y0};
  }
  items_[std::move(name)] = r;
}

void ItemRegistry::add_last_item(std::string name) {
  if (window_hidden()) return;
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  add(std::move(name), Rect{min.x, min.y, max.x - min.x, max.y - min.y});
}

std::string ItemRegistry::name_at(float x, float y) const {
  std::string best;
  float best_area = 0;
  for (const auto& [name, r] : items_) {
    if (x < r.x || y < r.y || x >= r.x + r.w || y >= r.y + r.h) continue;
    if (name.starts_with("dialog:") || name.starts_with("banner:") || name.starts_with("tour:")) continue;
    const float area = r.w * r.h;
    if (best.empty() || area < best_area || (area == best_area && name < best)) best = name, best_area = area;
  }
  return best;
}

ItemRegistry& items() {
  static ItemRegistry registry;
  return registry;
}

}  // namespace pb::ui
