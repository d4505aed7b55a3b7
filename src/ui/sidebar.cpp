#include "sidebar.hpp"

#include <imgui.h>

#include "format.hpp"
#include "theme.hpp"

namespace pb::ui {

void draw_sidebar(const Workspace& ws, const std::vector<PipelineSummary>& summaries, const Fonts& fonts,
                  UiState& ui, Actions& actions) {
  (void)actions;
  ImGui::PushFont(fonts.small);
  ImGui::TextDisabled("PIPELINES");
  ImGui::PopFont();
  for (std::size_t i = 0; i < ws.pipelines.size(); ++i) {
    const Pipeline& p = ws.pipelines.at(i);
    const PipelineSummary& s = summaries[i];
    ImGui::PushID(p.id.c_str());
    const bool selected = ui.pipeline == p.id;
    const float row_h = ImGui::GetTextLineHeight() * 2.0f + ImGui::GetStyle().FramePadding.y * 2.0f;
    if (ImGui::Selectable("##pipeline", selected, 0, ImVec2(0, row_h))) ui.pipeline = p.id;
    const ImVec2 min = ImGui::GetItemRectMin();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = ImGui::GetStyle().FramePadding.x;
    dl->AddText(ImVec2(min.x + pad, min.y + ImGui::GetStyle().FramePadding.y), ImGui::GetColorU32(ImGuiCol_Text),
                p.name.c_str());
    const std::string detail = std::to_string(s.deals) + " deals · " + compact_totals(s.open_value) + " open";
    ImGui::PushFont(fonts.small);
    dl->AddText(ImVec2(min.x + pad, min.y + ImGui::GetStyle().FramePadding.y + ImGui::GetTextLineHeight() * 1.45f),
                ImGui::GetColorU32(ImGuiCol_TextDisabled), detail.c_str());
    ImGui::PopFont();
    ImGui::PopID();
  }
}

}  // namespace pb::ui
