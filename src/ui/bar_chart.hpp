// Bar charts drawn with ImGui's draw list: vertical bars per category (stacked or grouped
// series) and horizontal bars (ranked rows, or a centred funnel). One chart is one item: the
// caller names its bars for pipeboard.itemRect ("chart:<id>:<bar>", segments
// "chart:<id>:<bar>:<series>"), gets which bar and segment the mouse is on, and a click.
#pragma once
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "ui_state.hpp"

namespace pb::ui {

struct ChartSeries {
  const char* name;
  unsigned int color;  // packed ImU32
};

struct ChartBar {
  std::string key;             // item name part: "2026-03", a stage id
  std::string label;           // under a vertical bar, left of a horizontal one
  std::vector<double> values;  // one per series (in the axis' unit)
  std::string tooltip;         // exact figures, shown while hovered
  std::string note;            // beside a horizontal bar's end ("62% to next")
  bool marked = false;         // outlined and tagged (the bottleneck)
};

enum class BarLayout { Stacked, Grouped, Funnel };

struct BarChart {
  std::string id;  // "forecast": items are "chart:forecast:<key>"
  BarLayout layout = BarLayout::Stacked;
  std::vector<ChartSeries> series;
  std::vector<ChartBar> bars;
  std::function<std::string(double)> axis_label;  // gridline labels (vertical charts)
  const char* mark_label = "";  // tag of a marked bar
  const char* empty_text = "Nothing to show for this period";
};

struct ChartHit {
  int bar = -1;
  int series = -1;  // the segment under the mouse (-1: the bar's label or gap)
  bool clicked = false;
};

// Columns over a value axis with gridlines; a legend above when there are several series.
ChartHit draw_vertical_bars(const Ctx& ctx, const BarChart& chart, float height);
// One row per bar, longest to the full width: Stacked and Grouped from the left, Funnel centred.
ChartHit draw_horizontal_bars(const Ctx& ctx, const BarChart& chart);

}  // namespace pb::ui
