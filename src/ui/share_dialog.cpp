#include "share_dialog.hpp"

#include <imgui.h>

#include <cfloat>

#include "item_registry.hpp"
#include "theme.hpp"

namespace pb::ui {

void draw_share_dialog(const Ctx& ctx, UiState& ui, ShareUi& share, Actions& actions) {
  const Pipeline* p = ctx.ws.pipelines.find(ui.dialog.target);
  if (!p) {
    ui.dialog.kind = Dialog::None;
    return;
  }
  if (ui.dialog.just_opened) {
    ImGui::OpenPopup("Share pipeline");
    ui.dialog.just_opened = false;
    share.status.clear();
    share.offer_download = false;
  }
  ImGui::SetNextWindowSizeConstraints(ImVec2(ctx.px(520), 0), ImVec2(ctx.px(520), FLT_MAX));
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  bool open = true;
  if (!ImGui::BeginPopupModal("Share pipeline", &open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) {
    ui.dialog.kind = Dialog::None;
    return;
  }
  const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  items().add("dialog:share", Rect{pos.x, pos.y, size.x, size.y});
  ImGui::PushFont(ctx.fonts.large);
  ImGui::TextUnformatted(p->name.c_str());
  ImGui::PopFont();
  ImGui::TextWrapped("A template holds the pipeline's stages, custom fields and saved views%s.",
                     share.include_deals ? ", and its deals with their owners" : "");
  ImGui::Checkbox("Include deals", &share.include_deals);
  items().add_last_item("check:includedeals");
  ImGui::Spacing();
  const effect::DownloadTemplate download{p->id, share.include_deals};
  if (ImGui::Button("Download template file", ImVec2(ctx.px(220), 0))) actions.effect(download);
  items().add_last_item("button:share-download");
  ImGui::SameLine();
  if (ImGui::Button("Copy share link", ImVec2(ctx.px(160), 0)))
    actions.effect(effect::CopyShareLink{p->id, share.include_deals});
  items().add_last_item("button:share-link");
  if (ImGui::Button("Save as template", ImVec2(ctx.px(220), 0))) actions.effect(effect::SaveUserTemplate{p->id});
  items().add_last_item("button:share-save");
  if (!share.status.empty()) {
    if (share.status_is_error) ImGui::PushStyleColor(ImGuiCol_Text, error_color());
    ImGui::TextWrapped("%s", share.status.c_str());
    if (share.status_is_error) ImGui::PopStyleColor();
    items().add_last_item("text:share-status");
    if (share.offer_download) {  // too long for a link: the file carries any size
      if (ImGui::Button("Download the file instead", ImVec2(ctx.px(220), 0))) actions.effect(download);
      items().add_last_item("button:share-download-instead");
    }
  }
  ImGui::Spacing();
  const bool close = ImGui::Button("Close", ImVec2(ctx.px(100), 0));
  items().add_last_item("button:share-close");
  if (close || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
    ui.dialog.kind = Dialog::None;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace pb::ui
