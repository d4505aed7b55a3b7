#include "past_day_bar.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

#include "item_registry.hpp"

namespace pb::ui {
namespace {

constexpr ImU32 kBannerColor = IM_COL32(240, 170, 40, 255);  // the board's "changed since" outline

void sync_text(UiState& ui, Date today) {
  const std::string text = format_date(ui.past.day.value_or(today));
  std::copy_n(text.c_str(), text.size() + 1, ui.past.day_text.data());
}

// Play: one step per kPlayStepMs, from a quarter back when started on the live board.
void play(const Ctx& ctx, UiState& ui, Date today) {
  PastUi& p = ui.past;
  if (p.playing && !p.day) p.playing = false;  // back on today (the slider, Today)
  if (!p.playing || ctx.now < p.next_step_at) return;
  p.next_step_at = ctx.now + kPlayStepMs;
  show_day(ui, Date{p.day->days + p.step_days}, today);
}

void controls(const Ctx& ctx, const ViewData& data, UiState& ui, Date today) {
  PastUi& p = ui.past;
  const Date first = std::min(data.first_day, Date{today.days - 1});
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled(p.day ? "Board on" : "Board as of");
  ImGui::SameLine();
  if (ImGui::ArrowButton("##pastback", ImGuiDir_Left)) show_day(ui, Date{p.day.value_or(today).days - p.step_days}, today);
  items().add_last_item("past:back");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip(p.step_days == 7 ? "A week earlier" : "A day earlier");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ctx.px(104));
  const ImGuiID field = ImGui::GetID("##pastday");
  if (ImGui::GetActiveID() != field) sync_text(ui, today);
  if (ImGui::InputText("##pastday", p.day_text.data(), p.day_text.size(), ImGuiInputTextFlags_EnterReturnsTrue)) {
    if (const std::optional<Date> d = parse_date(p.day_text.data())) {
      show_day(ui, std::max(*d, first), today);
    } else {
      ui.message = std::string("Not a day: \"") + p.day_text.data() + "\" (YYYY-MM-DD)";
      ui.message_is_error = true;
    }
  }
  items().add_last_item("past:date");
  ImGui::SameLine();
  ImGui::BeginDisabled(!p.day);
  if (ImGui::ArrowButton("##pastforward", ImGuiDir_Right)) show_day(ui, Date{p.day.value_or(today).days + p.step_days}, today);
  items().add_last_item("past:forward");
  ImGui::SameLine();
  if (ImGui::Button("Today")) {
    show_day(ui, std::nullopt, today);
    p.playing = false;
  }
  items().add_last_item("past:today");
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(p.playing ? "Pause" : "Play")) {
    p.playing = !p.playing;
    if (p.playing && !p.day) show_day(ui, std::max(first, Date{today.days - 91}), today);
    p.next_step_at = ctx.now + kPlayStepMs;
  }
  items().add_last_item("past:play");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Step through the days up to today");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ctx.px(84));
  if (ImGui::BeginCombo("##paststep", p.step_days == 7 ? "By week" : "By day")) {
    if (ImGui::Selectable("By day", p.step_days == 1)) p.step_days = 1;
    items().add_last_item("past:step:day");
    if (ImGui::Selectable("By week", p.step_days == 7)) p.step_days = 7;
    items().add_last_item("past:step:week");
    ImGui::EndCombo();
  }
  items().add_last_item("past:step");
  ImGui::SameLine();
  int day = p.day.value_or(today).days;
  const std::string label = p.day ? format_date(*p.day) : "Today";
  ImGui::SetNextItemWidth(-1);
  if (ImGui::SliderInt("##pastslider", &day, first.days, today.days, label.c_str(), ImGuiSliderFlags_AlwaysClamp))
    show_day(ui, Date{day}, today);
  items().add_last_item("past:slider");
}

void changes_list(const Ctx& ctx, const PastDay& past, UiState& ui) {
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float h = line * static_cast<float>(std::min<std::size_t>(past.changed.size(), 8)) + ctx.px(8);
  ImGui::BeginChild("changedsince", ImVec2(0, h), true);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(past.changed.size()));
  auto stage_name = [](const Workspace& ws, const Deal* d) -> std::string {
    if (!d) return "";
    const Pipeline* p = ws.pipelines.find(d->pipeline);
    const Stage* s = p ? p->stage(d->stage) : nullptr;
    return s ? (ws.pipelines.size() > 1 ? p->name + " / " + s->name : s->name) : d->stage;
  };
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const Id& id = past.changed[i];
      const Deal* then = ctx.ws.deals.find(id);
      const Deal* now = past.live.deals.find(id);
      if (!then || !now) continue;
      const std::string text = then->title + "   " + stage_name(ctx.ws, then) + "  ->  " + stage_name(past.live, now);
      ImGui::PushID(i);
      if (ImGui::Selectable(text.c_str(), ui.focused_deal == id)) ui.focused_deal = id;
      items().add_last_item("changed:" + id);
      ImGui::PopID();
    }
  ImGui::EndChild();
}

void banner(const Ctx& ctx, const PastDay& past, UiState& ui) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetFrameHeight() + ctx.px(8);
  dl->AddRectFilled(p, ImVec2(p.x + ImGui::GetContentRegionAvail().x, p.y + h), kBannerColor & 0x40FFFFFF, ctx.px(6));
  dl->AddRectFilled(p, ImVec2(p.x + ctx.px(4), p.y + h), kBannerColor, ctx.px(2));
  ImGui::SetCursorScreenPos(ImVec2(p.x + ctx.px(12), p.y + ctx.px(4)));
  ImGui::AlignTextToFramePadding();
  ImGui::Text("Read-only: the board as it stood at the end of %s.", format_date(past.day).c_str());
  items().add_last_item("past:banner");
  ImGui::SameLine();
  ImGui::TextDisabled("%zu created later %s hidden.", past.hidden, past.hidden == 1 ? "is" : "are");
  ImGui::SameLine();
  const std::string label = "Changes since (" + std::to_string(past.changed.size()) + ")";
  if (ImGui::SmallButton(label.c_str())) ui.past.show_changes = !ui.past.show_changes;
  items().add_last_item("past:changes");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Deals whose stage changed after that day, outlined on the board");
  ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h + ctx.px(4)));
  if (ui.past.show_changes) changes_list(ctx, past, ui);
}

}  // namespace

void show_day(UiState& ui, std::optional<Date> day, Date today) {
  if (day && *day >= today) day.reset();  // today is the live board
  ui.past.day = day;
}

void draw_past_day_bar(const Ctx& ctx, const ViewData& data, UiState& ui) {
  const Date today = date_of(ctx.now);
  play(ctx, ui, today);
  controls(ctx, data, ui, today);
  if (data.past) banner(ctx, *data.past, ui);
}

}  // namespace pb::ui
