// Rectangles of named UI elements from the last frame ("deal:<id>", "column:<key>", buttons),
// for pipeboard.itemRect() in automation and tests.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>

namespace pb::ui {

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;  // device pixels
};

class ItemRegistry {
 public:
  void begin_frame() { items_.clear(); }
  void add(std::string name, Rect r);
  // Names the last ImGui item.
  void add_last_item(std::string name);
  const Rect* find(std::string_view name) const {
    auto it = items_.find(std::string(name));
    return it == items_.end() ? nullptr : &it->second;
  }

  // The smallest named element under a point, leaving out what only frames others (dialogs,
  // banners, the tour's own card): what a click there pressed. "" when none.
  std::string name_at(float x, float y) const;

 private:
  std::unordered_map<std::string, Rect> items_;
};

ItemRegistry& items();

}  // namespace pb::ui
