#include "tour_overlay.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

#include "item_registry.hpp"
#include "past_day_bar.hpp"
#include "sidebar.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace pb::ui {

void start_tour(TourUi& t, Tour tour, std::size_t step) {
  if (tour.steps.empty()) return;
  t.player.step = std::min(step, tour.steps.size() - 1);
  t.player.tour = std::move(tour);
  t.player.entered = false;
}

void stop_tour(TourUi& t) { t.player = TourPlayer{}; }

namespace {

const ImVec4 kSpotlight(1.0f, 0.77f, 0.25f, 1.0f);  // amber: the ring and the card's border

const TourStep& current_step(const TourPlayer& p) { return p.tour->steps[p.step]; }

void go_to(TourUi& t, std::size_t step) {
  if (!t.player.playing()) return;
  if (step >= t.player.tour->steps.size()) return stop_tour(t);  // Next on the last step ends it
  t.player.step = step;
  t.player.entered = false;
}

}  // namespace

void notify_tour(TourUi& t, TourEvent e) {
  if (!t.player.playing() || !t.player.entered) return;
  const TourStep& s = current_step(t.player);
  if (s.advance.event == e) go_to(t, t.player.step + 1);
}

void apply_tour_action(const Ctx& ctx, const TourAction& a, UiState& ui) {
  switch (a.kind) {
    case TourActionKind::Pipeline:
      if (!ctx.ws.pipelines.find(a.value)) return;
      ui.pipeline = a.value;
      ui.view.clear();
      reset_board_settings(ui);
      ui.mode = "board";
      return;
    case TourActionKind::Group: ui.group_by = a.value; return;
    case TourActionKind::View:
      if (const View* v = ctx.ws.views.find(a.value)) select_view(ctx, *v, ui);
      ui.mode = "board";
      return;
    case TourActionKind::Reports:
      ui.mode = "reports";
      if (a.value == "all") ui.reports.scope = "all";
      else if (ctx.ws.pipelines.find(a.value)) {
        ui.pipeline = a.value;
        ui.reports.scope = "pipeline";
      }
      return;
    case TourActionKind::Board: ui.mode = "board"; return;
    case TourActionKind::PastDay:
      ui.mode = "board";
      show_day(ui, a.value.empty() ? std::nullopt : parse_date(a.value), date_of(ctx.now));
      return;
  }
}

namespace {

// Runs the step's action once, then notes what the user may change to move it on.
void enter_step(const Ctx& ctx, UiState& ui, TourPlayer& p) {
  if (p.entered) return;
  if (const auto& a = current_step(p).action) apply_tour_action(ctx, *a, ui);
  p.entered = true;
  p.seen_group = ui.group_by;
  p.seen_pipeline = ui.pipeline;
  p.seen_mode = ui.mode;
}

// Events the UI causes itself: seen by comparing with what the step found.
void watch_ui_events(const UiState& ui, TourUi& t) {
  TourPlayer& p = t.player;
  const bool grouped = ui.group_by != p.seen_group;
  const bool switched = ui.pipeline != p.seen_pipeline;
  const bool reports = ui.mode != p.seen_mode && ui.mode == "reports";
  p.seen_group = ui.group_by;
  p.seen_pipeline = ui.pipeline;
  p.seen_mode = ui.mode;
  if (grouped) notify_tour(t, TourEvent::GroupingChanged);
  if (switched) notify_tour(t, TourEvent::PipelineSwitched);
  if (reports) notify_tour(t, TourEvent::ReportsOpened);
}

// Dims the screen but for `hole` (device pixels), with a ring round it.
void draw_spotlight(const Ctx& ctx, const Rect* hole) {
  ImGuiWindow* dim = ImGui::GetCurrentWindow();
  ImDrawList* dl = dim->DrawList;
  const ImVec2 vp = ImGui::GetMainViewport()->Size;
  const ImU32 shade = IM_COL32(0, 0, 0, 140);
  if (!hole) {
    dl->AddRectFilled(ImVec2(0, 0), vp, shade);
    return;
  }
  const float pad = ctx.px(6);
  const float x0 = std::max(0.0f, hole->x - pad), y0 = std::max(0.0f, hole->y - pad);
  const float x1 = std::min(vp.x, hole->x + hole->w + pad), y1 = std::min(vp.y, hole->y + hole->h + pad);
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(vp.x, y0), shade);
  dl->AddRectFilled(ImVec2(0, y1), vp, shade);
  dl->AddRectFilled(ImVec2(0, y0), ImVec2(x0, y1), shade);
  dl->AddRectFilled(ImVec2(x1, y0), ImVec2(vp.x, y1), shade);
  dl->AddRect(ImVec2(x0, y0), ImVec2(x1, y1), ImGui::ColorConvertFloat4ToU32(kSpotlight), ctx.px(6), 0, ctx.px(2.5f));
}

// Below the element when there is room, else above, else beside; always on screen.
ImVec2 card_position(const Ctx& ctx, const Rect* hole, ImVec2 card) {
  const ImVec2 vp = ImGui::GetMainViewport()->Size;
  const float gap = ctx.px(14);
  if (!hole) return ImVec2((vp.x - card.x) / 2, (vp.y - card.y) / 2);
  ImVec2 at(hole->x, hole->y + hole->h + gap);
  if (at.y + card.y > vp.y) at.y = hole->y - gap - card.y;
  if (at.y < 0) {  // a tall element: beside it
    at.y = hole->y;
    at.x = hole->x + hole->w + gap;
    if (at.x + card.x > vp.x) at.x = hole->x - gap - card.x;
  }
  at.x = std::clamp(at.x, ctx.px(8), std::max(ctx.px(8), vp.x - card.x - ctx.px(8)));
  at.y = std::clamp(at.y, ctx.px(8), std::max(ctx.px(8), vp.y - card.y - ctx.px(8)));
  return at;
}

void draw_card(const Ctx& ctx, TourUi& t, const Rect* hole, bool modal_open) {
  TourPlayer& p = t.player;
  const TourStep& s = current_step(p);
  const std::size_t n = p.tour->steps.size();
  const float width = ctx.px(380);
  ImVec2 pos = card_position(ctx, hole, ImVec2(width, p.card_height > 0 ? p.card_height : ctx.px(180)));
  if (modal_open) pos = ImVec2(ctx.px(12), ImGui::GetMainViewport()->Size.y - p.card_height - ctx.px(12));
  ImGui::SetNextWindowPos(pos, ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(width, 0));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyleColorVec4(ImGuiCol_PopupBg));
  ImGui::PushStyleColor(ImGuiCol_Border, kSpotlight);  // the card and its spotlight belong together
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, ctx.px(1.5f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ctx.px(14), ctx.px(12)));
  ImGui::Begin("##tourcard", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(2);
  ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
  const ImVec2 size = ImGui::GetWindowSize();
  p.card_height = size.y;
  items().add("tour:card", Rect{ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, size.x, size.y});
  const std::string count = std::to_string(p.step + 1) + " of " + std::to_string(n);
  ImGui::TextDisabled("%s", (p.tour->name + "  ·  " + count).c_str());
  items().add_last_item("text:tour-count");
  ImGui::PushFont(ctx.fonts.large);
  ImGui::TextWrapped("%s", s.title.c_str());
  ImGui::PopFont();
  items().add_last_item("text:tour-title");
  if (!s.text.empty()) ImGui::TextWrapped("%s", s.text.c_str());
  if (!s.target.empty() && !hole) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("The part of the screen this step points at (%s) is not shown right now. Next goes on.",
                       s.target.c_str());
    ImGui::PopStyleColor();
    items().add_last_item("text:tour-missing");
  }
  if (s.advance.event) {
    ImGui::PushStyleColor(ImGuiCol_Text, kSpotlight);
    ImGui::TextWrapped("Try it: the tour goes on when you do.");
    ImGui::PopStyleColor();
  }
  ImGui::Spacing();
  ImGui::BeginDisabled(p.step == 0);
  const bool back = named_button("Back", "button:tour-back");
  ImGui::EndDisabled();
  ImGui::SameLine();
  const bool last = p.step + 1 == n;
  const bool next = named_button(last ? "Finish" : (s.advance.event ? "Skip step" : "Next"), "button:tour-next");
  ImGui::SameLine(width - ImGui::GetStyle().WindowPadding.x - ctx.px(70));
  const bool skip = named_button("End tour", "button:tour-skip", ctx.px(70));
  ImGui::End();
  // Arrow keys and Esc, unless a text field or a dialog has the keyboard.
  const bool keys = !ImGui::GetIO().WantTextInput && !modal_open;
  if (skip || (keys && ImGui::IsKeyPressed(ImGuiKey_Escape, false))) return stop_tour(t);
  if (back || (keys && ImGui::IsKeyPressed(ImGuiKey_LeftArrow, false) && p.step > 0)) return go_to(t, p.step - 1);
  if (next || (keys && ImGui::IsKeyPressed(ImGuiKey_RightArrow, false))) go_to(t, p.step + 1);
}

}  // namespace

bool tour_has_keyboard(const TourUi& t) { return t.player.playing(); }

namespace {

// Why a tour file or link cannot be played: every problem with its JSON Pointer.
void draw_refusal(const Ctx& ctx, TourUi& t) {
  if (t.refused.empty()) return;
  const char* title = "This tour cannot be played";
  if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
  ImGui::SetNextWindowSizeConstraints(ImVec2(ctx.px(520), 0), ImVec2(ctx.px(720), FLT_MAX));
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) return;
  items().add("dialog:tour-refused", Rect{ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowSize().x,
                                          ImGui::GetWindowSize().y});
  ImGui::TextWrapped("%s has problems, so it was not opened and nothing changed. Each line says where:",
                     t.refused_source.c_str());
  ImGui::Spacing();
  for (const std::string& line : t.refused) {
    ImGui::PushStyleColor(ImGuiCol_Text, error_color());
    ImGui::Bullet();
    ImGui::TextWrapped("%s", line.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::Spacing();
  if (named_button("OK", "button:tour-refused-ok", ctx.px(100)) || ImGui::IsKeyPressed(ImGuiKey_Escape, false) ||
      ImGui::IsKeyPressed(ImGuiKey_Enter, false)) {
    t.refused.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace

void draw_tour_overlay(const Ctx& ctx, UiState& ui, TourUi& t) {
  draw_refusal(ctx, t);
  if (!t.player.playing()) return;
  enter_step(ctx, ui, t.player);
  watch_ui_events(ui, t);
  if (!t.player.playing()) return;
  enter_step(ctx, ui, t.player);  // an event moved it on: the next step's action runs now
  const TourStep& s = current_step(t.player);
  const Rect* hole = s.target.empty() ? nullptr : items().find(s.target);
  if (hole && (hole->w <= 0 || hole->h <= 0)) hole = nullptr;
  // A dialog the step led to stays usable: no dimming over it, and the card moves to a corner.
  const bool modal_open = ImGui::GetTopMostPopupModal() != nullptr || ui.dialog.kind != Dialog::None;
  if (!modal_open) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    // Clicks go through the dimming, so the user can do what a step asks anywhere.
    ImGui::Begin("##tourdim", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoBackground |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    draw_spotlight(ctx, s.target.empty() ? nullptr : hole);
    ImGui::End();
  }
  draw_card(ctx, t, hole, modal_open);
}

}  // namespace pb::ui
