#include "item_registry.hpp"

#include <imgui.h>

namespace pb::ui {

void ItemRegistry::add_last_item(std::string name) {
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  add(std::move(name), Rect{min.x, min.y, max.x - min.x, max.y - min.y});
}

ItemRegistry& items() {
  static ItemRegistry registry;
  return registry;
}

}  // namespace pb::ui
