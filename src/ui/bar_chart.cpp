#include "bar_chart.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "item_registry.hpp"
#include "theme.hpp"

namespace pb::ui {
namespace {

double bar_total(const BarChart& chart, const ChartBar& bar) {
  double total = 0, most = 0;
  for (double v : bar.values) {
    total += std::max(v, 0.0);
    most = std::max(most, v);
  }
  return chart.layout == BarLayout::Grouped ? most : total;
}

double largest_bar(const BarChart& chart) {
  double most = 0;
  for (const ChartBar& b : chart.bars) most = std::max(most, bar_total(chart, b));
  return most;
}

// A round step for about `lines` gridlines: 1, 2 or 5 times a power of ten.
double nice_step(double max, int lines) {
  const double raw = max / lines;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0})
    if (raw <= m * power) return m * power;
  return 10 * power;
}

void legend(const Ctx& ctx, const BarChart& chart) {
  if (chart.series.size() < 2) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (std::size_t i = 0; i < chart.series.size(); ++i) {
    if (i > 0) ImGui::SameLine(0, ctx.px(16));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    dl->AddRectFilled(ImVec2(p.x, p.y + h * 0.2f), ImVec2(p.x + h * 0.6f, p.y + h * 0.8f), chart.series[i].color, ctx.px(2));
    ImGui::Dummy(ImVec2(h * 0.8f, h));
    ImGui::SameLine(0, 0);
    ImGui::TextDisabled("%s", chart.series[i].name);
  }
}

void tooltip(const ChartBar& bar) {
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(bar.label.c_str());
  ImGui::Separator();
  ImGui::TextUnformatted(bar.tooltip.c_str());
  ImGui::EndTooltip();
}

bool empty_chart(const Ctx& ctx, const BarChart& chart, float height) {
  if (!chart.bars.empty() && largest_bar(chart) > 0) return false;
  ImGui::Dummy(ImVec2(0, ctx.px(8)));
  ImGui::TextDisabled("%s", chart.empty_text);
  ImGui::Dummy(ImVec2(0, std::max(0.0f, height - ctx.px(40))));
  return true;
}

std::string item_name(const BarChart& chart, const ChartBar& bar) { return "chart:" + chart.id + ":" + bar.key; }

}  // namespace

ChartHit draw_vertical_bars(const Ctx& ctx, const BarChart& chart, float height) {
  ChartHit hit;
  legend(ctx, chart);
  if (empty_chart(ctx, chart, height)) return hit;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = std::max(ImGui::GetContentRegionAvail().x, ctx.px(200));
  ImGui::InvisibleButton(("chart:" + chart.id).c_str(), ImVec2(width, height));
  items().add_last_item("chart:" + chart.id);  // the whole chart
  const bool hovered = ImGui::IsItemHovered();
  const bool clicked = ImGui::IsItemClicked();
  const float line = ImGui::GetTextLineHeight();
  const float axis_w = ctx.px(64), label_h = line + ctx.px(6);
  const ImVec2 plot_min(origin.x + axis_w, origin.y + line * 0.5f);
  const ImVec2 plot_max(origin.x + width, origin.y + height - label_h);
  const float plot_h = plot_max.y - plot_min.y;

  // Gridlines at round values, labelled on the left.
  const double step = nice_step(largest_bar(chart), 4);
  const double top = std::ceil(largest_bar(chart) / step) * step;
  const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border, 0.6f), muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  for (double v = 0; v <= top + step * 0.5; v += step) {
    const float y = plot_max.y - static_cast<float>(v / top) * plot_h;
    dl->AddLine(ImVec2(plot_min.x, y), ImVec2(plot_max.x, y), grid);
    const std::string text = chart.axis_label ? chart.axis_label(v) : std::to_string(static_cast<long long>(v));
    const float tw = ImGui::CalcTextSize(text.c_str()).x;
    dl->AddText(ImVec2(plot_min.x - tw - ctx.px(8), y - line * 0.5f), muted, text.c_str());
  }

  const int n = static_cast<int>(chart.bars.size());
  const float slot = (plot_max.x - plot_min.x) / static_cast<float>(n);
  const float bar_w = std::min(slot * 0.7f, ctx.px(chart.layout == BarLayout::Grouped ? 96 : 56));
  // Every k-th label, so that labels never overlap.
  float widest = 0;
  for (const ChartBar& b : chart.bars) widest = std::max(widest, ImGui::CalcTextSize(b.label.c_str()).x);
  const int label_every = std::max(1, static_cast<int>(std::ceil((widest + ctx.px(8)) / slot)));
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  for (int i = 0; i < n; ++i) {
    const ChartBar& bar = chart.bars[i];
    const float x0 = plot_min.x + slot * static_cast<float>(i) + (slot - bar_w) * 0.5f;
    const bool in_slot = hovered && mouse.x >= plot_min.x + slot * i && mouse.x < plot_min.x + slot * (i + 1);
    if (in_slot) {
      dl->AddRectFilled(ImVec2(plot_min.x + slot * i, plot_min.y), ImVec2(plot_min.x + slot * (i + 1), plot_max.y),
                        ImGui::GetColorU32(ImGuiCol_FrameBgHovered, 0.5f));
      hit.bar = i;
    }
    const std::string name = item_name(chart, bar);
    float y = plot_max.y;
    const std::size_t series = std::min(bar.values.size(), chart.series.size());
    const float seg_w = chart.layout == BarLayout::Grouped ? bar_w / static_cast<float>(std::max<std::size_t>(series, 1)) : bar_w;
    float bar_top = plot_max.y;
    for (std::size_t s = 0; s < series; ++s) {
      const float h = static_cast<float>(std::max(bar.values[s], 0.0) / top) * plot_h;
      float sx = x0, sy1 = y;
      if (chart.layout == BarLayout::Grouped) {
        sx = x0 + seg_w * static_cast<float>(s);
        sy1 = plot_max.y;
      }
      const ImVec2 a(sx + (chart.layout == BarLayout::Grouped ? ctx.px(1) : 0), sy1 - h), b(sx + seg_w, sy1);
      if (h > 0) {
        dl->AddRectFilled(a, b, chart.series[s].color);
        items().add(name + ":" + std::to_string(s), Rect{a.x, a.y, b.x - a.x, b.y - a.y});
        if (in_slot && mouse.y >= a.y && mouse.y < b.y && mouse.x >= a.x && mouse.x < b.x) hit.series = static_cast<int>(s);
      }
      if (chart.layout == BarLayout::Stacked) y -= h;
      bar_top = std::min(bar_top, a.y);
    }
    items().add(name, Rect{x0, std::min(bar_top, plot_max.y - ctx.px(3)), bar_w, std::max(plot_max.y - bar_top, ctx.px(3))});
    if (i % label_every == 0) {
      const float tw = ImGui::CalcTextSize(bar.label.c_str()).x;
      dl->AddText(ImVec2(x0 + (bar_w - tw) * 0.5f, plot_max.y + ctx.px(4)), muted, bar.label.c_str());
    }
  }
  if (hit.bar >= 0) {
    tooltip(chart.bars[hit.bar]);
    hit.clicked = clicked;
  }
  return hit;
}

ChartHit draw_horizontal_bars(const Ctx& ctx, const BarChart& chart) {
  ChartHit hit;
  legend(ctx, chart);
  const float row_h = ImGui::GetTextLineHeight() * 1.7f;
  if (empty_chart(ctx, chart, row_h * 3)) return hit;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = std::max(ImGui::GetContentRegionAvail().x, ctx.px(200));
  const float height = row_h * static_cast<float>(chart.bars.size());
  ImGui::InvisibleButton(("chart:" + chart.id).c_str(), ImVec2(width, height));
  items().add_last_item("chart:" + chart.id);  // the whole chart
  const bool hovered = ImGui::IsItemHovered();
  const bool clicked = ImGui::IsItemClicked();
  float label_w = 0, note_w = 0;
  for (const ChartBar& b : chart.bars) {
    label_w = std::max(label_w, ImGui::CalcTextSize(b.label.c_str()).x);
    std::string note = b.note;
    if (b.marked && *chart.mark_label) note += std::string("  ") + chart.mark_label;
    note_w = std::max(note_w, ImGui::CalcTextSize(note.c_str()).x);
  }
  label_w = std::min(label_w + ctx.px(12), width * 0.3f);
  note_w = std::min(note_w + ctx.px(12), width * 0.35f);
  const float bar_x = origin.x + label_w, bar_span = std::max(width - label_w - note_w, ctx.px(40));
  const double top = largest_bar(chart);
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const float line = ImGui::GetTextLineHeight();
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    const ChartBar& bar = chart.bars[i];
    const float y0 = origin.y + row_h * static_cast<float>(i), y1 = y0 + row_h;
    const bool in_row = hovered && mouse.y >= y0 && mouse.y < y1;
    if (in_row) {
      dl->AddRectFilled(ImVec2(origin.x, y0), ImVec2(origin.x + width, y1), ImGui::GetColorU32(ImGuiCol_FrameBgHovered, 0.5f),
                        ctx.px(4));
      hit.bar = static_cast<int>(i);
    }
    items().add(item_name(chart, bar), Rect{origin.x, y0, width, row_h});
    dl->PushClipRect(ImVec2(origin.x, y0), ImVec2(bar_x - ctx.px(6), y1), true);
    dl->AddText(ImVec2(origin.x, y0 + (row_h - line) * 0.5f), text, bar.label.c_str());
    dl->PopClipRect();
    const float total_w = static_cast<float>(bar_total(chart, bar) / top) * bar_span;
    float x = chart.layout == BarLayout::Funnel ? bar_x + (bar_span - total_w) * 0.5f : bar_x;
    const float by0 = y0 + row_h * 0.15f, by1 = y1 - row_h * 0.15f;
    const std::size_t series = std::min(bar.values.size(), chart.series.size());
    for (std::size_t s = 0; s < series; ++s) {
      const float w = static_cast<float>(std::max(bar.values[s], 0.0) / top) * bar_span;
      if (w <= 0) continue;
      dl->AddRectFilled(ImVec2(x, by0), ImVec2(x + w, by1), chart.series[s].color, ctx.px(3));
      if (in_row && mouse.x >= x && mouse.x < x + w) hit.series = static_cast<int>(s);
      x += w;
    }
    const float end = chart.layout == BarLayout::Funnel ? bar_x + bar_span : bar_x + total_w;
    if (bar.marked) {
      const ImU32 mark = error_color();
      const float left = chart.layout == BarLayout::Funnel ? bar_x + (bar_span - total_w) * 0.5f : bar_x;
      dl->AddRect(ImVec2(left - ctx.px(2), by0 - ctx.px(2)), ImVec2(left + total_w + ctx.px(2), by1 + ctx.px(2)), mark,
                  ctx.px(4), 0, ctx.px(2));
    }
    std::string note = bar.note;
    dl->AddText(ImVec2(end + ctx.px(8), y0 + (row_h - line) * 0.5f), muted, note.c_str());
    if (bar.marked && *chart.mark_label) {
      const float nw = ImGui::CalcTextSize((note + "  ").c_str()).x;
      dl->AddText(ImVec2(end + ctx.px(8) + nw, y0 + (row_h - line) * 0.5f), error_color(), chart.mark_label);
    }
  }
  if (hit.bar >= 0) {
    tooltip(chart.bars[hit.bar]);
    hit.clicked = clicked;
  }
  return hit;
}

}  // namespace pb::ui
