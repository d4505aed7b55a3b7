// Colors, sizes and fonts. Everything is sized in device pixels: `scale` is devicePixelRatio.
#pragma once
#include <string>

struct ImFont;

namespace pb::ui {

struct Fonts {
  ImFont* regular = nullptr;
  ImFont* large = nullptr;
  ImFont* small = nullptr;
};

// (Re)builds the font atlas for the given scale; the caller re-uploads the texture.
Fonts load_fonts(const std::string& ttf_path, float scale);
void apply_theme(bool dark, float scale);
// Rejected input (packed ImU32): text and frame, and a tinted field background, for the current
// theme (red that reads on dark and on light backgrounds).
unsigned int error_color();
unsigned int error_field_bg();
// Parses "#rrggbb" to a packed ImU32 (opaque); gray when malformed.
unsigned int color_from_hex(const std::string& hex);

}  // namespace pb::ui
