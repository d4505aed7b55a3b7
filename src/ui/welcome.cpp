#include "welcome.hpp"

#include <imgui.h>

#include "item_registry.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace pb::ui {
namespace {

using From = effect::StartWorkspace::From;

struct Start {
  From from;
  const char* title;
  const char* text;
  const char* item;
};

constexpr Start kStarts[] = {
    {From::Demo, "Explore the demo workspace",
     "Eight pipelines side by side: SMB and enterprise sales, inbound and outbound, Amazon FBA beside a web store, "
     "and a real-estate agent's referrals, with a year of history behind every report.",
     "welcome:demo"},
    {From::Template, "Start from a template",
     "Pick a ready pipeline (SaaS, agency, real estate, e-commerce and more) with its stages, fields and views.",
     "welcome:template"},
    {From::Empty, "Start empty", "A blank workspace: create your first pipeline and its stages yourself.", "welcome:empty"},
};

// One start: a large card-like button with its title and a line of explanation.
bool start_card(const Ctx& ctx, const Start& s, float width) {
  ImGui::PushID(s.item);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const float height = ctx.px(92);
  const bool pressed = ImGui::Button("##start", ImVec2(width, height));
  items().add_last_item(s.item);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGui::PushFont(ctx.fonts.large);
  dl->AddText(ImVec2(top.x + ctx.px(16), top.y + ctx.px(12)), ImGui::GetColorU32(ImGuiCol_Text), s.title);
  ImGui::PopFont();
  dl->AddText(nullptr, 0, ImVec2(top.x + ctx.px(16), top.y + ctx.px(42)), ImGui::GetColorU32(ImGuiCol_TextDisabled), s.text,
              nullptr, width - ctx.px(32));
  ImGui::PopID();
  return pressed;
}

}  // namespace

void draw_welcome(const Ctx& ctx, UiState& ui, Actions& actions) {
  if (!ui.show_welcome) return;
  if (!ImGui::IsPopupOpen("Welcome to Pipeboard")) ImGui::OpenPopup("Welcome to Pipeboard");
  const float width = ctx.px(620);
  ImGui::SetNextWindowSize(ImVec2(width, 0));
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal("Welcome to Pipeboard", nullptr,
                              ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize))
    return;
  const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  items().add("dialog:welcome", Rect{pos.x, pos.y, size.x, size.y});
  ImGui::Dummy(ImVec2(0, ctx.px(6)));
  ImGui::PushFont(ctx.fonts.large);
  ImGui::TextUnformatted("Welcome to Pipeboard");
  ImGui::PopFont();
  ImGui::TextWrapped(
      "Every product and channel gets its own pipeline, with its own stages, reports and forecast. "
      "No sign-up: everything stays in this browser, and your 14-day free trial starts now.");
  ImGui::Dummy(ImVec2(0, ctx.px(6)));
  const float card_width = ImGui::GetContentRegionAvail().x;
  for (const Start& s : kStarts)
    if (start_card(ctx, s, card_width)) {
      actions.effect(effect::StartWorkspace{s.from});
      ui.show_welcome = false;
      ImGui::CloseCurrentPopup();
    }
  ImGui::Dummy(ImVec2(0, ctx.px(2)));
  // The quickest way to see why several pipelines beat one: the demo with its guided tour.
  if (named_button("New here? Explore the demo with a 3-minute guided tour", "welcome:tour", card_width)) {
    actions.effect(effect::StartWorkspace{From::Demo, true});
    ui.show_welcome = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::Dummy(ImVec2(0, ctx.px(2)));
  ImGui::TextDisabled("You can come back here from the ? menu.");
  if (ui.show_welcome && ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {  // Escape: keep what is on screen
    ui.show_welcome = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace pb::ui
