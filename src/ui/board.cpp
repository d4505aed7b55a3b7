// [SECTION] Index
// - Cards: draw_card (title, company, value, owner, close date, rotting flag, won/lost badge)
// - Columns: draw_column (header with totals, quick add, virtualised cards, drop target)
// - Won / Lost zones while dragging
// - Keyboard: board_keyboard
#include "board.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

#include "format.hpp"
#include "item_registry.hpp"
#include "regroup.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace pb::ui {
namespace {

constexpr const char* kDealPayload = "PB_DEAL";
constexpr ImU32 kChangedColor = IM_COL32(240, 170, 40, 255);  // the past-day bar's "changed since"

struct Metrics {
  float column_w, collapsed_w, card_h, gap;
};

bool is_rotting(const Ctx& ctx, const Deal& d) {
  if (d.status != DealStatus::Open) return false;
  const Pipeline* p = ctx.ws.pipelines.find(d.pipeline);
  const Stage* s = p ? p->stage(d.stage) : nullptr;
  return s && s->rotting_days > 0 && ctx.now - d.updated > static_cast<Timestamp>(s->rotting_days) * 86'400'000;
}

// [SECTION] Cards

// `changed`: on a past day, the deal's stage changed since (drawn with an amber outline).
void draw_card(const Ctx& ctx, const Deal& d, const Metrics& m, bool changed, UiState& ui) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x;
  ImGui::PushID(d.id.c_str());
  ImGui::InvisibleButton("card", ImVec2(w, m.card_h - m.gap));
  items().add_last_item("deal:" + d.id);
  const bool hovered = ImGui::IsItemHovered();
  if (ImGui::IsItemClicked()) ui.focused_deal = d.id;
  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) ui.open_deal = d.id;
  if (ImGui::IsItemDeactivated() && !ImGui::IsMouseDragPastThreshold(ImGuiMouseButton_Left) && hovered)
    ui.open_deal = d.id;
  if (ImGui::BeginDragDropSource(ImGuiDragDropFlags_SourceNoPreviewTooltip)) {
    ImGui::SetDragDropPayload(kDealPayload, d.id.data(), d.id.size());
    ui.focused_deal = d.id;
    ImGui::EndDragDropSource();
  }
  const bool dragging = [&] {
    const ImGuiPayload* p = ImGui::GetDragDropPayload();
    return p && p->IsDataType(kDealPayload) && std::string_view(static_cast<const char*>(p->Data), p->DataSize) == d.id;
  }();
  ImGui::PopID();

  const ImVec2 max(pos.x + w, pos.y + m.card_h - m.gap);
  const float r = ctx.px(6);
  ImU32 bg = ImGui::GetColorU32(hovered ? ImGuiCol_ButtonHovered : ImGuiCol_FrameBg);
  dl->AddRectFilled(pos, max, dragging ? ImGui::GetColorU32(ImGuiCol_FrameBg, 0.4f) : bg, r);
  if (changed) dl->AddRect(pos, max, kChangedColor, r, 0, ctx.px(2));
  if (ui.focused_deal == d.id) dl->AddRect(pos, max, IM_COL32(79, 124, 255, 255), r, 0, ctx.px(2));
  const float pad = ctx.px(10);
  const float line = ImGui::GetTextLineHeight();
  dl->PushClipRect(pos, ImVec2(max.x - pad * 0.5f, max.y), true);
  float badge_w = 0;
  ImGui::PushFont(ctx.fonts.small);
  const float small = ImGui::GetTextLineHeight();
  auto badge = [&](const char* text, ImU32 color) {
    const ImVec2 ts = ImGui::CalcTextSize(text);
    const ImVec2 bmax(max.x - pad - badge_w, pos.y + pad * 0.7f + ts.y + ctx.px(4));
    const ImVec2 bmin(bmax.x - ts.x - ctx.px(10), pos.y + pad * 0.7f);
    dl->AddRectFilled(bmin, bmax, color, ctx.px(4));
    dl->AddText(ImVec2(bmin.x + ctx.px(5), bmin.y + ctx.px(2)), IM_COL32_WHITE, text);
    badge_w += ts.x + ctx.px(16);
  };
  if (d.status == DealStatus::Won) badge("WON", IM_COL32(47, 182, 124, 255));
  if (d.status == DealStatus::Lost) badge("LOST", IM_COL32(224, 86, 91, 255));
  if (is_rotting(ctx, d)) badge("ROTTING", IM_COL32(214, 138, 36, 255));
  ImGui::PopFont();
  dl->PushClipRect(pos, ImVec2(max.x - pad - badge_w, max.y), true);
  dl->AddText(ImVec2(pos.x + pad, pos.y + pad * 0.8f), ImGui::GetColorU32(ImGuiCol_Text), d.title.c_str());
  dl->PopClipRect();
  ImGui::PushFont(ctx.fonts.small);
  dl->AddText(ImVec2(pos.x + pad, pos.y + pad * 0.8f + line + ctx.px(2)), ImGui::GetColorU32(ImGuiCol_TextDisabled),
              d.company.c_str());
  const std::string value = compact_money(d.value);
  ImGui::PushFont(ctx.fonts.regular);
  dl->AddText(ImVec2(pos.x + pad, max.y - pad * 0.7f - line), ImGui::GetColorU32(ImGuiCol_Text), value.c_str());
  ImGui::PopFont();
  std::string owner;
  if (const Person* p = ctx.ws.people.find(d.owner)) owner = p->name;
  if (d.expected_close) owner += (owner.empty() ? "" : "  ·  ") + format_date(*d.expected_close);
  const float ow = ImGui::CalcTextSize(owner.c_str()).x;
  dl->AddText(ImVec2(max.x - pad - ow, max.y - pad * 0.7f - small), ImGui::GetColorU32(ImGuiCol_TextDisabled),
              owner.c_str());
  ImGui::PopFont();
  dl->PopClipRect();
}

// Where the focused deal is on the board: the remembered spot when it is still right, else
// one search (the board changed). Keeps frames O(visible cards) at 100,000 deals.
bool locate_focus(const QueryResult& board, UiState& ui, int& col, int& row) {
  if (ui.focused_deal.empty()) return false;
  auto at = [&](int c, int r) {
    return c >= 0 && c < static_cast<int>(board.groups.size()) && r >= 0 &&
           r < static_cast<int>(board.groups[c].deals.size()) && board.groups[c].deals[r]->id == ui.focused_deal;
  };
  if (!at(ui.focus_col, ui.focus_row)) {
    ui.focus_col = ui.focus_row = -1;
    for (int c = 0; c < static_cast<int>(board.groups.size()) && ui.focus_col < 0; ++c)
      for (int r = 0; r < static_cast<int>(board.groups[c].deals.size()); ++r)
        if (board.groups[c].deals[r]->id == ui.focused_deal) {
          ui.focus_col = c;
          ui.focus_row = r;
          break;
        }
    if (ui.focus_col < 0) ui.focused_deal.clear();  // filtered out or gone: nothing to keep
  }
  col = ui.focus_col;
  row = ui.focus_row;
  return col >= 0;
}

// [SECTION] Columns

std::string deal_payload(const ImGuiPayload* p) { return std::string(static_cast<const char*>(p->Data), p->DataSize); }

void accept_drop(const Ctx& ctx, const ImRect& rect, ImGuiID id, const std::string& key, UiState& ui, Actions& actions) {
  if (!ImGui::BeginDragDropTargetCustom(rect, id)) return;
  if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload(kDealPayload)) {
    if (const Deal* d = ctx.ws.deals.find(deal_payload(p))) drop_deal(ctx, *d, key, ui, actions);
  }
  ImGui::EndDragDropTarget();
}

void draw_quick_add(const Ctx& ctx, const Group& g, UiState& ui, Actions& actions) {
  TextBuffer& buf = ui.quick_add[g.key];
  ImGui::SetNextItemWidth(-1);
  const bool submitted =
      ImGui::InputTextWithHint("##quickadd", "+ Add a deal", buf.data(), buf.size(), ImGuiInputTextFlags_EnterReturnsTrue);
  items().add_last_item("quickadd:" + g.key);
  focus_claim(ui, "quickadd:" + g.key);
  if (!submitted || !buf[0]) return;
  const Pipeline* p = ctx.ws.pipelines.find(ui.pipeline);
  if (!p) return;
  json deal{{"title", buf.data()}, {"pipeline", p->id}, {"value", {{"amount", 0}, {"currency", p->currency}}}};
  if (ui.group_by == "stage") deal["stage"] = g.key;
  else if (!g.key.empty() && column_sets_field(ui.group_by)) deal[ui.group_by] = g.key;
  actions.push(cmd::DealCreate{deal});
  buf[0] = '\0';
  refocus_after_submit(ui, "quickadd:" + g.key);  // keep typing the next one
}

void draw_column(const Ctx& ctx, const Group& g, int focus_row, ImU32 color, const Metrics& m, const PastDay* past,
                 UiState& ui, Actions& actions) {
  const bool collapsed = ui.collapsed.count(g.key) > 0;
  const float width = collapsed ? m.collapsed_w : m.column_w;
  ImGui::PushID(g.key.c_str());
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ctx.px(10), ctx.px(10)));
  ImGui::BeginChild("column", ImVec2(width, 0), true, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleVar();
  const ImVec2 wpos = ImGui::GetWindowPos(), wsize = ImGui::GetWindowSize();
  items().add("column:" + g.key, Rect{wpos.x, wpos.y, wsize.x, wsize.y});
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(wpos, ImVec2(wpos.x + wsize.x, wpos.y + ctx.px(4)), color, ctx.px(8), ImDrawFlags_RoundCornersTop);

  if (ImGui::SmallButton(collapsed ? ">" : "<")) {
    if (collapsed) ui.collapsed.erase(g.key);
    else ui.collapsed.insert(g.key);
  }
  items().add_last_item("collapse:" + g.key);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip(collapsed ? "Expand column" : "Collapse column");
  if (collapsed) {
    ImGui::TextDisabled("%zu", g.totals.count);
    // Vertical label: one character per line reads well enough for short stage names.
    for (char c : g.label.substr(0, 14)) ImGui::Text("%c", c);
  } else {
    ImGui::SameLine();
    ImGui::PushFont(ctx.fonts.large);
    ImGui::TextUnformatted(g.label.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("%zu", g.totals.count);
    ImGui::PushFont(ctx.fonts.small);
    ImGui::TextDisabled("%s  ·  weighted %s", compact_totals(g.totals.value).c_str(),
                        compact_totals(g.totals.weighted).c_str());
    ImGui::PopFont();
    if (!past) draw_quick_add(ctx, g, ui, actions);  // the past is read-only
    ImGui::BeginChild("cards", ImVec2(0, 0), false);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(g.deals.size()), m.card_h);
    // Keep the focused card reachable by the keyboard even when it is scrolled out.
    if (focus_row >= 0) clipper.IncludeItemByIndex(focus_row);
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const Deal& d = *g.deals[i];
        draw_card(ctx, d, m, past && past->is_changed.count(d.id) > 0, ui);
      }
    if (g.deals.empty()) ImGui::TextDisabled(past ? "No deals here that day" : "Drop deals here");
    ImGui::EndChild();
  }
  ImGui::EndChild();
  if (!past) accept_drop(ctx, ImRect(wpos, ImVec2(wpos.x + wsize.x, wpos.y + wsize.y)), ImGui::GetID("drop"), g.key, ui, actions);
  ImGui::PopID();
}

// [SECTION] Won / Lost zones

void draw_close_zones(const Ctx& ctx, UiState& ui, Actions& actions) {
  const ImGuiPayload* payload = ImGui::GetDragDropPayload();
  if (!payload || !payload->IsDataType(kDealPayload)) return;
  const Deal* d = ctx.ws.deals.find(deal_payload(payload));
  if (!d) return;
  const ImVec2 vp = ImGui::GetMainViewport()->Size;
  const float zone_w = ctx.px(220), zone_h = ctx.px(64), gap = ctx.px(16);
  const float y = vp.y - zone_h - ctx.px(20);
  const float x0 = (vp.x - 2 * zone_w - gap) * 0.5f;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  struct Zone {
    const char* label;
    const char* name;
    ImU32 color;
    bool won;
  } zones[] = {{"Won", "zone:won", IM_COL32(47, 182, 124, 235), true}, {"Lost", "zone:lost", IM_COL32(224, 86, 91, 235), false}};
  for (int i = 0; i < 2; ++i) {
    const ImVec2 min(x0 + i * (zone_w + gap), y), max(min.x + zone_w, y + zone_h);
    const bool hovered = ImGui::IsMouseHoveringRect(min, max, false);
    dl->AddRectFilled(min, max, zones[i].color, ctx.px(12));
    if (hovered) dl->AddRect(min, max, IM_COL32_WHITE, ctx.px(12), 0, ctx.px(3));
    ImGui::PushFont(ctx.fonts.large);
    const ImVec2 ts = ImGui::CalcTextSize(zones[i].label);
    dl->AddText(ImVec2(min.x + (zone_w - ts.x) * 0.5f, min.y + (zone_h - ts.y) * 0.5f), IM_COL32_WHITE, zones[i].label);
    ImGui::PopFont();
    items().add(zones[i].name, Rect{min.x, min.y, zone_w, zone_h});
    if (!ImGui::BeginDragDropTargetCustom(ImRect(min, max), ImGui::GetID(zones[i].name))) continue;
    if (ImGui::AcceptDragDropPayload(kDealPayload)) {
      if (zones[i].won) {
        if (d->status != DealStatus::Won) actions.push(cmd::DealWin{d->id});
      } else if (d->status != DealStatus::Lost) {
        open_dialog(ui, Dialog::LostReason, d->id);
        ui.dialog.pending = cmd::DealLose{d->id, ""};
      }
    }
    ImGui::EndDragDropTarget();
  }
}

ImU32 column_color(const Ctx& ctx, const UiState& ui, const Group& g) {
  if (ui.group_by == "stage") {
    const Pipeline* p = ctx.ws.pipelines.find(ui.pipeline);
    if (const Stage* s = p ? p->stage(g.key) : nullptr) return color_from_hex(s->color);
  }
  if (ui.group_by == "status") {
    if (g.key == "won") return IM_COL32(47, 182, 124, 255);
    if (g.key == "lost") return IM_COL32(224, 86, 91, 255);
  }
  static const ImU32 kPalette[] = {IM_COL32(91, 141, 239, 255), IM_COL32(187, 154, 247, 255), IM_COL32(240, 160, 48, 255),
                                   IM_COL32(47, 182, 124, 255), IM_COL32(122, 162, 247, 255), IM_COL32(224, 175, 104, 255)};
  return g.key.empty() ? IM_COL32(120, 130, 150, 255) : kPalette[std::hash<std::string>{}(g.key) % 6];
}

}  // namespace

void drop_deal(const Ctx& ctx, const Deal& deal, const std::string& key, UiState& ui, Actions& actions) {
  Regroup r = regroup_command(ctx.ws, deal, ui.group_by, key);
  if (!r.error.empty()) {
    ui.message = r.error;
    ui.message_is_error = true;
    return;
  }
  if (!r.command) return;
  if (r.needs_lost_reason) {
    open_dialog(ui, Dialog::LostReason, deal.id);
    ui.dialog.pending = std::move(r.command);
    return;
  }
  actions.push(std::move(*r.command));
}

void draw_board(const Ctx& ctx, const ViewData& data, UiState& ui, Actions& actions) {
  const QueryResult& board = data.board;
  const Metrics m{ctx.px(290), ctx.px(46), ctx.px(96), ctx.px(8)};
  if (!board.error.empty()) {
    ImGui::TextColored(ImVec4(1, 0.45f, 0.45f, 1), "%s", board.error.c_str());
    return;
  }
  int focus_col = -1, focus_row = -1;
  locate_focus(board, ui, focus_col, focus_row);
  ImGui::BeginChild("board", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  for (std::size_t i = 0; i < board.groups.size(); ++i) {
    if (i > 0) ImGui::SameLine(0, ctx.px(12));
    draw_column(ctx, board.groups[i], static_cast<int>(i) == focus_col ? focus_row : -1,
                column_color(ctx, ui, board.groups[i]), m, data.past, ui, actions);
  }
  ImGui::EndChild();
  if (!data.past) draw_close_zones(ctx, ui, actions);
}

// [SECTION] Keyboard

bool board_keyboard(const Ctx& ctx, const QueryResult& board, UiState& ui, Actions& actions) {
  if (board.groups.empty()) return false;
  if (ImGui::IsKeyPressed(ImGuiKey_N, false)) {  // a new deal in the first column
    ui.focus_request = "quickadd:" + board.groups.front().key;
    return true;
  }
  int col = -1, row = -1;
  locate_focus(board, ui, col, row);
  const bool shift = ImGui::GetIO().KeyShift;
  auto focus = [&](int c, int r) {
    const auto& deals = board.groups[c].deals;
    if (deals.empty()) return;
    ui.focused_deal = deals[std::clamp(r, 0, static_cast<int>(deals.size()) - 1)]->id;
  };
  auto first_non_empty = [&](int from, int step) {
    for (int c = from; c >= 0 && c < static_cast<int>(board.groups.size()); c += step)
      if (!board.groups[c].deals.empty()) return c;
    return -1;
  };
  const bool left = ImGui::IsKeyPressed(ImGuiKey_LeftArrow), right = ImGui::IsKeyPressed(ImGuiKey_RightArrow);
  const bool up = ImGui::IsKeyPressed(ImGuiKey_UpArrow), down = ImGui::IsKeyPressed(ImGuiKey_DownArrow);
  if (!(left || right || up || down || ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_W) ||
        ImGui::IsKeyPressed(ImGuiKey_L)))
    return false;
  if (col < 0) {  // nothing focused yet: start at the first card
    const int c = first_non_empty(0, 1);
    if (c >= 0) focus(c, 0);
    return true;
  }
  const Deal& deal = *board.groups[col].deals[row];
  if (shift && (left || right)) {  // move the deal one column over
    const int target = col + (right ? 1 : -1);
    if (target >= 0 && target < static_cast<int>(board.groups.size()))
      drop_deal(ctx, deal, board.groups[target].key, ui, actions);
    return true;
  }
  if (left || right) {
    const int c = first_non_empty(col + (right ? 1 : -1), right ? 1 : -1);
    if (c >= 0) focus(c, row);
  } else if (up || down) {
    focus(col, row + (down ? 1 : -1));
  } else if (ImGui::IsKeyPressed(ImGuiKey_Enter)) {
    ui.open_deal = deal.id;
  } else if (ImGui::IsKeyPressed(ImGuiKey_W)) {
    if (deal.status != DealStatus::Won) actions.push(cmd::DealWin{deal.id});
  } else if (ImGui::IsKeyPressed(ImGuiKey_L) && deal.status != DealStatus::Lost) {
    open_dialog(ui, Dialog::LostReason, deal.id);
    ui.dialog.pending = cmd::DealLose{deal.id, ""};
  }
  return true;
}

}  // namespace pb::ui
