#include "board.hpp"

#include <imgui.h>

#include "format.hpp"
#include "item_registry.hpp"
#include "theme.hpp"

namespace pb::ui {
namespace {

struct Metrics {
  float column_w, card_h, gap, header_h;
};

void draw_card(const Workspace& ws, const Deal& d, const Fonts& fonts, const Metrics& m, float scale) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x;
  ImGui::InvisibleButton(d.id.c_str(), ImVec2(w, m.card_h - m.gap));
  items().add_last_item("deal:" + d.id);
  const bool hovered = ImGui::IsItemHovered();
  const ImVec2 max(pos.x + w, pos.y + m.card_h - m.gap);
  dl->AddRectFilled(pos, max, ImGui::GetColorU32(hovered ? ImGuiCol_ButtonHovered : ImGuiCol_FrameBg), 6.0f * scale);
  const float pad = 10.0f * scale;
  const float line = ImGui::GetTextLineHeight();
  dl->PushClipRect(pos, max, true);
  dl->AddText(ImVec2(pos.x + pad, pos.y + pad * 0.8f), ImGui::GetColorU32(ImGuiCol_Text), d.title.c_str());
  ImGui::PushFont(fonts.small);
  const float small = ImGui::GetTextLineHeight();
  dl->AddText(ImVec2(pos.x + pad, pos.y + pad * 0.8f + line + 2 * scale), ImGui::GetColorU32(ImGuiCol_TextDisabled),
              d.company.c_str());
  const std::string value = compact_money(d.value);
  dl->AddText(ImVec2(pos.x + pad, max.y - pad * 0.8f - small), ImGui::GetColorU32(ImGuiCol_Text), value.c_str());
  std::string owner;
  if (const Person* p = ws.people.find(d.owner)) owner = p->name;
  if (d.expected_close) owner += (owner.empty() ? "" : " · ") + format_date(*d.expected_close);
  const float ow = ImGui::CalcTextSize(owner.c_str()).x;
  dl->AddText(ImVec2(max.x - pad - ow, max.y - pad * 0.8f - small), ImGui::GetColorU32(ImGuiCol_TextDisabled),
              owner.c_str());
  ImGui::PopFont();
  if (d.status != DealStatus::Open) {
    const bool won = d.status == DealStatus::Won;
    const char* badge = won ? "WON" : "LOST";
    ImGui::PushFont(fonts.small);
    const ImVec2 ts = ImGui::CalcTextSize(badge);
    const ImVec2 bmin(max.x - pad - ts.x - 8 * scale, pos.y + pad * 0.7f);
    dl->AddRectFilled(bmin, ImVec2(max.x - pad, bmin.y + ts.y + 4 * scale),
                      won ? IM_COL32(47, 182, 124, 255) : IM_COL32(224, 86, 91, 255), 4 * scale);
    dl->AddText(ImVec2(bmin.x + 4 * scale, bmin.y + 2 * scale), IM_COL32_WHITE, badge);
    ImGui::PopFont();
  }
  dl->PopClipRect();
}

void draw_column(const Workspace& ws, const Group& g, unsigned int color, const Fonts& fonts, const Metrics& m,
                 float scale) {
  ImGui::BeginChild(("col:" + g.key).c_str(), ImVec2(m.column_w, 0), false, ImGuiWindowFlags_NoScrollbar);
  items().add("column:" + g.key, Rect{ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowSize().x,
                                      ImGui::GetWindowSize().y});
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 top = ImGui::GetCursorScreenPos();
  dl->AddRectFilled(ImVec2(top.x, top.y - 4 * scale), ImVec2(top.x + m.column_w - 24 * scale, top.y - 1 * scale), color,
                    2 * scale);
  ImGui::PushFont(fonts.large);
  ImGui::TextUnformatted(g.label.c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextDisabled("%zu", g.totals.count);
  ImGui::PushFont(fonts.small);
  ImGui::TextDisabled("%s  ·  weighted %s", compact_totals(g.totals.value).c_str(),
                      compact_totals(g.totals.weighted).c_str());
  ImGui::PopFont();
  ImGui::BeginChild("cards", ImVec2(0, 0), false);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(g.deals.size()), m.card_h);
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) draw_card(ws, *g.deals[i], fonts, m, scale);
  ImGui::EndChild();
  ImGui::EndChild();
}

}  // namespace

void draw_board(const Workspace& ws, const QueryResult& board, const Fonts& fonts, float scale, UiState& ui,
                Actions& actions) {
  (void)actions;
  (void)ui;
  const Metrics m{280.0f * scale, 92.0f * scale, 8.0f * scale, 56.0f * scale};
  if (!board.error.empty()) {
    ImGui::TextColored(ImVec4(1, 0.45f, 0.45f, 1), "%s", board.error.c_str());
    return;
  }
  const Pipeline* pipeline = ws.pipelines.find(ui.pipeline);
  ImGui::BeginChild("board", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  for (std::size_t i = 0; i < board.groups.size(); ++i) {
    const Group& g = board.groups[i];
    unsigned int color = IM_COL32(120, 130, 150, 255);
    if (pipeline)
      if (const Stage* s = pipeline->stage(g.key)) color = color_from_hex(s->color);
    if (i > 0) ImGui::SameLine(0, 12.0f * scale);
    draw_column(ws, g, color, fonts, m, scale);
  }
  ImGui::EndChild();
}

}  // namespace pb::ui
