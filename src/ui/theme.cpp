#include "theme.hpp"

#include <imgui.h>

#include <cstdlib>

namespace pb::ui {

Fonts load_fonts(const std::string& ttf_path, float scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  // The embedded font's characters (PIPEBOARD_FONT_UNICODES in cmake/app.cmake): Latin-1,
  // Latin Extended-A, the Extended-B letters of Azeri, Vietnamese, Pinyin and Romanian, Welsh and
  // German extras, Vietnamese, punctuation, currency, arrows, shapes.
  static const ImWchar kRanges[] = {0x0020, 0x007E, 0x00A0, 0x017F, 0x018F, 0x018F, 0x0192, 0x0192,
                                    0x01A0, 0x01B0, 0x01CD, 0x01DC, 0x0218, 0x021B, 0x0259, 0x0259,
                                    0x1E80, 0x1E85, 0x1E9E, 0x1E9E, 0x1EA0, 0x1EF9, 0x2000, 0x206F,
                                    0x20A0, 0x20CF, 0x2190, 0x21FF, 0x2212, 0x2212, 0x25A0, 0x25FF,
                                    0x2713, 0x2715, 0};
  ImFontConfig config;
  config.OversampleH = 2;
  config.OversampleV = 1;
  Fonts fonts;
  fonts.regular = io.Fonts->AddFontFromFileTTF(ttf_path.c_str(), 15.0f * scale, &config, kRanges);
  fonts.large = io.Fonts->AddFontFromFileTTF(ttf_path.c_str(), 19.0f * scale, &config, kRanges);
  fonts.small = io.Fonts->AddFontFromFileTTF(ttf_path.c_str(), 13.0f * scale, &config, kRanges);
  if (!fonts.regular) {
    // The embedded font is part of the build; fall back rather than draw nothing.
    ImFontConfig fallback;
    fallback.SizePixels = 13.0f * scale;
    fonts.regular = fonts.large = fonts.small = io.Fonts->AddFontDefault(&fallback);
  }
  io.Fonts->Build();
  return fonts;
}

void apply_theme(bool dark, float scale) {
  ImGuiStyle style;
  if (dark) ImGui::StyleColorsDark(&style);
  else ImGui::StyleColorsLight(&style);
  style.WindowRounding = 0.0f;
  style.ChildRounding = 8.0f;
  style.FrameRounding = 6.0f;
  style.PopupRounding = 8.0f;
  style.GrabRounding = 6.0f;
  style.ScrollbarRounding = 8.0f;
  style.FramePadding = ImVec2(10, 6);
  style.ItemSpacing = ImVec2(8, 8);
  style.WindowPadding = ImVec2(12, 12);
  style.WindowBorderSize = 0.0f;
  style.ChildBorderSize = 0.0f;
  ImVec4* c = style.Colors;
  if (dark) {
    c[ImGuiCol_WindowBg] = ImVec4(0.082f, 0.090f, 0.110f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(0.118f, 0.129f, 0.157f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(0.165f, 0.180f, 0.216f, 1.0f);
    c[ImGuiCol_Button] = ImVec4(0.165f, 0.180f, 0.216f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.23f, 0.26f, 0.33f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.31f, 0.49f, 1.0f, 0.35f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.31f, 0.49f, 1.0f, 0.25f);
    c[ImGuiCol_Text] = ImVec4(0.91f, 0.92f, 0.94f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.60f, 0.64f, 0.70f, 1.0f);
  } else {
    c[ImGuiCol_WindowBg] = ImVec4(0.96f, 0.965f, 0.975f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(0.91f, 0.92f, 0.94f, 1.0f);
  }
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

namespace {
bool dark_theme() {
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  return bg.x + bg.y + bg.z < 1.5f;
}
}  // namespace

unsigned int error_color() {
  return dark_theme() ? IM_COL32(255, 120, 110, 255) : IM_COL32(190, 30, 30, 255);
}

unsigned int error_field_bg() {
  return dark_theme() ? IM_COL32(90, 36, 40, 255) : IM_COL32(252, 226, 226, 255);
}

unsigned int color_from_hex(const std::string& hex) {
  unsigned int r = 128, g = 128, b = 128;
  if (hex.size() == 7 && hex[0] == '#') {
    const unsigned long v = std::strtoul(hex.c_str() + 1, nullptr, 16);
    r = (v >> 16) & 0xff;
    g = (v >> 8) & 0xff;
    b = v & 0xff;
  }
  return IM_COL32(r, g, b, 255);
}

}  // namespace pb::ui
