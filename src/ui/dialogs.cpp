// [SECTION] Index
// - Helpers: begin_dialog, dialog_buttons
// - Pipelines: new, rename, delete (with what happens to its deals)
// - Deals: lost reason, bulk delete
// - Views: save, delete
// - Template gallery
#include "dialogs.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstring>

#include "format.hpp"
#include "item_registry.hpp"
#include "pipeline_editor.hpp"
#include "theme.hpp"

namespace pb::ui {

bool begin_dialog(const Ctx& ctx, UiState& ui, const char* title, float width, bool recentre) {
  if (ui.dialog.just_opened) {
    ImGui::OpenPopup(title);
    ui.dialog.just_opened = false;
  }
  // Fixed width, height following the content: an error line appearing under the input must not
  // push the buttons out of sight.
  ImGui::SetNextWindowSizeConstraints(ImVec2(ctx.px(width), 0), ImVec2(ctx.px(width), FLT_MAX));
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), recentre ? ImGuiCond_Always : ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  bool open = true;
  if (!ImGui::BeginPopupModal(title, &open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) {
    ui.dialog.kind = Dialog::None;  // closed with the title bar's x
    return false;
  }
  return true;
}

bool begin_modal(const Ctx& ctx, UiState& ui, const char* title, float width, const char* item_name, bool recentre) {
  if (!begin_dialog(ctx, ui, title, width, recentre)) return false;
  const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  items().add(item_name, Rect{pos.x, pos.y, size.x, size.y});
  return true;
}

void end_modal(UiState& ui, bool close) {
  if (close || (ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !ImGui::GetIO().WantTextInput)) {
    ui.dialog.kind = Dialog::None;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void error_text(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, error_color());
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

namespace {

bool blank(const TextBuffer& b) {
  for (char c : b) {
    if (!c) return true;
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

void end_dialog(UiState& ui, bool close) {
  if (close || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
    ui.dialog.kind = Dialog::None;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void show_error(const UiState& ui) {
  if (ui.dialog.error.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, error_color());
  ImGui::TextWrapped("%s", ui.dialog.error.c_str());
  ImGui::PopStyleColor();
}

// A text field that takes focus when the dialog opens; Enter submits.
bool focused_input(const char* label, const char* hint, TextBuffer& buf) {
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(-1);
  const bool enter = ImGui::InputTextWithHint(label, hint, buf.data(), buf.size(), ImGuiInputTextFlags_EnterReturnsTrue);
  items().add_last_item(std::string("dialog:input"));
  return enter;
}

// OK / Cancel row; returns 1 for OK, -1 for Cancel, 0 otherwise.
int dialog_buttons(const Ctx& ctx, const char* ok_label, bool danger = false) {
  ImGui::Spacing();
  if (danger) ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(196, 64, 70, 255));
  const bool ok = ImGui::Button(ok_label, ImVec2(ctx.px(120), 0));
  items().add_last_item("dialog:ok");
  if (danger) ImGui::PopStyleColor();
  ImGui::SameLine();
  const bool cancel = ImGui::Button("Cancel", ImVec2(ctx.px(100), 0));
  items().add_last_item("dialog:cancel");
  return ok ? 1 : (cancel ? -1 : 0);
}

// [SECTION] Pipelines

void new_pipeline(const Ctx& ctx, UiState& ui, Actions& actions) {
  if (!begin_dialog(ctx, ui, "New pipeline", 420)) return;
  ImGui::TextUnformatted("Name");
  const bool enter = focused_input("##name", "e.g. Partner deals", ui.dialog.text);
  ImGui::TextDisabled("Starts with New, Presentation, Negotiation, Won and Lost; edit them any time.");
  show_error(ui);
  const int b = dialog_buttons(ctx, "Create");
  bool close = b < 0;
  if (b > 0 || enter) {
    if (blank(ui.dialog.text)) {
      ui.dialog.error = "Give the pipeline a name.";
    } else {
      const Pipeline* current = ctx.ws.pipelines.find(ui.pipeline);
      const json pipeline{{"name", ui.dialog.text.data()}, {"currency", current ? current->currency : "EUR"}};
      actions.push(cmd::PipelineCreate{pipeline, std::nullopt}, Origin{.select = Origin::Select::CreatedPipeline});
      close = true;
    }
  }
  end_dialog(ui, close);
}

void rename_pipeline(const Ctx& ctx, UiState& ui, Actions& actions) {
  if (!begin_dialog(ctx, ui, "Rename pipeline", 420)) return;
  const bool enter = focused_input("##name", "Pipeline name", ui.dialog.text);
  show_error(ui);
  const int b = dialog_buttons(ctx, "Rename");
  bool close = b < 0;
  if (b > 0 || enter) {
    if (blank(ui.dialog.text)) ui.dialog.error = "The name cannot be empty.";
    else {
      actions.push(cmd::PipelineRename{ui.dialog.target, ui.dialog.text.data()});
      close = true;
    }
  }
  end_dialog(ui, close);
}

void delete_pipeline(const Ctx& ctx, UiState& ui, Actions& actions) {
  const Pipeline* p = ctx.ws.pipelines.find(ui.dialog.target);
  if (!p) {
    ui.dialog.kind = Dialog::None;
    return;
  }
  if (!begin_dialog(ctx, ui, "Delete pipeline", 480)) return;
  const std::size_t n = ctx.ws.count_deals_in_pipeline(p->id);
  ImGui::TextWrapped("Delete \"%s\" and its saved views?", p->name.c_str());
  if (n > 0) {
    ImGui::TextWrapped("It holds %zu deals. What should happen to them?", n);
    if (ui.dialog.choice.empty()) ui.dialog.choice = "move";
    if (ImGui::RadioButton("Move them to another pipeline", ui.dialog.choice == "move")) ui.dialog.choice = "move";
    items().add_last_item("dialog:move");
    if (ui.dialog.choice == "move") {
      ImGui::Indent();
      const Pipeline* target = ctx.ws.pipelines.find(ui.dialog.choice2);
      ImGui::SetNextItemWidth(ctx.px(280));
      if (ImGui::BeginCombo("##target", target ? target->name.c_str() : "Choose a pipeline")) {
        for (const auto& other : ctx.ws.pipelines)
          if (other.id != p->id && ImGui::Selectable(other.name.c_str(), other.id == ui.dialog.choice2))
            ui.dialog.choice2 = other.id;
        ImGui::EndCombo();
      }
      ImGui::TextDisabled("Deals keep stages of the same name, else the first open stage.");
      ImGui::Unindent();
    }
    if (ImGui::RadioButton("Delete the deals too", ui.dialog.choice == "delete")) ui.dialog.choice = "delete";
    items().add_last_item("dialog:delete");
  }
  ImGui::TextDisabled("You can undo this.");
  show_error(ui);
  const int b = dialog_buttons(ctx, "Delete", true);
  bool close = b < 0;
  if (b > 0) {
    if (n > 0 && ui.dialog.choice == "move" && ui.dialog.choice2.empty()) {
      ui.dialog.error = "Choose where the deals go.";
    } else {
      actions.push(cmd::PipelineDelete{p->id, n > 0 ? ui.dialog.choice : "", ui.dialog.choice2, {}});
      close = true;
    }
  }
  end_dialog(ui, close);
}

// [SECTION] Deals

void lost_reason(const Ctx& ctx, UiState& ui, Actions& actions) {
  const Deal* d = ctx.ws.deals.find(ui.dialog.target);
  if (!d && ui.dialog.deals.empty()) {
    ui.dialog.kind = Dialog::None;
    return;
  }
  if (!begin_dialog(ctx, ui, "Mark as lost", 440)) return;
  if (d) ImGui::TextWrapped("Why was \"%s\" lost?", d->title.c_str());
  else ImGui::TextWrapped("Why were these %zu deals lost?", ui.dialog.deals.size());
  const bool enter = focused_input("##reason", "Reason", ui.dialog.text);
  for (const char* common : {"Price too high", "Chose a competitor", "No budget", "No response"}) {
    if (ImGui::SmallButton(common)) std::snprintf(ui.dialog.text.data(), ui.dialog.text.size(), "%s", common);
    ImGui::SameLine();
  }
  ImGui::NewLine();
  show_error(ui);
  const int b = dialog_buttons(ctx, "Mark lost", true);
  bool close = b < 0;
  if (b > 0 || enter) {
    if (blank(ui.dialog.text)) {
      ui.dialog.error = "A lost deal needs a reason.";
    } else if (ui.dialog.pending) {
      Command c = *ui.dialog.pending;
      if (auto* lose = std::get_if<cmd::DealLose>(&c)) lose->reason = ui.dialog.text.data();
      if (auto* move = std::get_if<cmd::DealMove>(&c)) move->lost_reason = ui.dialog.text.data();
      if (auto* bulk = std::get_if<cmd::DealsMove>(&c)) bulk->lost_reason = ui.dialog.text.data();
      actions.push(std::move(c));
      close = true;
    }
  }
  end_dialog(ui, close);
}

void delete_deals(const Ctx& ctx, UiState& ui, Actions& actions) {
  if (!begin_dialog(ctx, ui, "Delete deals", 420)) return;
  const std::size_t n = ui.dialog.deals.size();
  if (n == 1) {
    const Deal* d = ctx.ws.deals.find(ui.dialog.deals.front());
    ImGui::TextWrapped("Delete \"%s\"?", d ? d->title.c_str() : "this deal");
  } else {
    ImGui::TextWrapped("Delete %zu deals?", n);
  }
  ImGui::TextDisabled("You can undo this.");
  const int b = dialog_buttons(ctx, "Delete", true);
  if (b > 0) {
    actions.push(cmd::DealsDelete{ui.dialog.deals});
    ui.selected.clear();
    if (std::find(ui.dialog.deals.begin(), ui.dialog.deals.end(), ui.open_deal) != ui.dialog.deals.end())
      ui.open_deal.clear();
  }
  end_dialog(ui, b != 0);
}

// [SECTION] Views

void save_view(const Ctx& ctx, UiState& ui, Actions& actions) {
  if (!begin_dialog(ctx, ui, "Save view", 440)) return;
  ImGui::TextUnformatted("Name");
  const bool enter = focused_input("##name", "e.g. My hot deals", ui.dialog.text);
  if (ui.dialog.choice.empty()) ui.dialog.choice = "pipeline";
  if (ImGui::RadioButton("This pipeline", ui.dialog.choice == "pipeline")) ui.dialog.choice = "pipeline";
  ImGui::SameLine();
  if (ImGui::RadioButton("All pipelines", ui.dialog.choice == "all")) ui.dialog.choice = "all";
  ImGui::TextDisabled("Saves the search filters, grouping, sort and hidden columns.");
  show_error(ui);
  const int b = dialog_buttons(ctx, "Save");
  bool close = b < 0;
  if (b > 0 || enter) {
    std::string error;
    const json bar = to_filter(quick_filter_from(ctx.ws, ui, error));
    if (blank(ui.dialog.text)) ui.dialog.error = "Give the view a name.";
    else if (!error.empty()) ui.dialog.error = error;
    else {
      json filter = bar;
      if (!ui.filter.extra.is_null()) filter = bar.is_null() ? ui.filter.extra : json{{"all", json::array({ui.filter.extra, bar})}};
      if (ui.search[0]) {
        const json text{{"text", ui.search.data()}};
        filter = filter.is_null() ? json{{"all", json::array({text})}} : json{{"all", json::array({filter, text})}};
      }
      json sort = json::array();
      for (const auto& k : ui.sort) sort.push_back(json{{"field", k.field}, {"desc", k.descending}});
      const bool all = ui.dialog.choice == "all";
      json view{{"name", ui.dialog.text.data()}, {"group_by", ui.group_by}, {"sort", sort}, {"filter", filter}};
      if (!all) {
        view["pipeline"] = ui.pipeline;
        view["hidden_stages"] = ui.hidden_stages;
      }
      actions.push(cmd::ViewCreate{view}, Origin{.select = Origin::Select::CreatedView});
      close = true;
    }
  }
  end_dialog(ui, close);
}

void delete_view(const Ctx& ctx, UiState& ui, Actions& actions) {
  const View* v = ctx.ws.views.find(ui.dialog.target);
  if (!v) {
    ui.dialog.kind = Dialog::None;
    return;
  }
  if (!begin_dialog(ctx, ui, "Delete view", 400)) return;
  ImGui::TextWrapped("Delete the view \"%s\"? Its deals stay.", v->name.c_str());
  const int b = dialog_buttons(ctx, "Delete", true);
  if (b > 0) {
    actions.push(cmd::ViewDelete{v->id});
    if (ui.view == v->id) ui.view.clear();
  }
  end_dialog(ui, b != 0);
}

// [SECTION] Template gallery

void templates(const Ctx& ctx, const std::vector<GalleryItem>& gallery, UiState& ui, Actions& actions) {
  if (!begin_dialog(ctx, ui, "New pipeline from a template", 760)) return;
  ImGui::TextDisabled("Each template brings its stages, probabilities, custom fields, saved views and sample deals.");
  ImGui::TextDisabled("Save your own with \"Save as template\" in a pipeline's menu (right-click it on the left).");
  ImGui::BeginChild("gallery", ImVec2(0, ctx.px(420)), false);
  std::size_t builtin = 0;  // built-in templates are "template:<n>" in their own order
  for (std::size_t i = 0; i < gallery.size(); ++i) {
    const GalleryItem& t = gallery[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::BeginGroup();
    ImGui::PushFont(ctx.fonts.large);
    ImGui::TextUnformatted(t.name.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("%s", t.category.c_str());
    ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x - ctx.px(150));
    ImGui::TextWrapped("%s", t.description.c_str());
    ImGui::PopTextWrapPos();
    // Stage preview: colored chips.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGui::PushFont(ctx.fonts.small);
    for (const auto& [name, color] : t.stages) {
      const ImVec2 ts = ImGui::CalcTextSize(name.c_str());
      const ImVec2 pos = ImGui::GetCursorScreenPos();
      const ImVec2 size(ts.x + ctx.px(14), ts.y + ctx.px(6));
      dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), (color & 0x00ffffff) | 0x66000000, ctx.px(4));
      dl->AddText(ImVec2(pos.x + ctx.px(7), pos.y + ctx.px(3)), ImGui::GetColorU32(ImGuiCol_Text), name.c_str());
      ImGui::Dummy(size);
      ImGui::SameLine(0, ctx.px(6));
    }
    ImGui::NewLine();
    ImGui::PopFont();
    ImGui::EndGroup();
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ctx.px(130));
    ImGui::BeginGroup();
    if (ImGui::Button("Use template", ImVec2(ctx.px(120), 0))) {
      actions.push(cmd::TemplateImport{t.doc, ""}, Origin{.select = Origin::Select::CreatedPipeline});
      ui.dialog.kind = Dialog::None;
    }
    items().add_last_item(t.user ? "usertemplate:" + std::to_string(t.user_index) : "template:" + std::to_string(builtin++));
    if (t.user) {
      if (ImGui::Button("Delete", ImVec2(ctx.px(120), 0))) actions.effect(effect::DeleteUserTemplate{t.user_index});
      items().add_last_item("usertemplate-delete:" + std::to_string(t.user_index));
    }
    ImGui::EndGroup();
    ImGui::Separator();
    ImGui::PopID();
  }
  ImGui::EndChild();
  const bool cancel = ImGui::Button("Close", ImVec2(ctx.px(100), 0));
  end_dialog(ui, cancel || ui.dialog.kind == Dialog::None);
}

}  // namespace

void draw_dialogs(const Ctx& ctx, const std::vector<GalleryItem>& gallery, UiState& ui, Actions& actions) {
  const DialogState asked_from = ui.dialog;  // as the user saw it, before this frame closes it
  Actions asked;
  switch (ui.dialog.kind) {
    case Dialog::None: break;
    case Dialog::NewPipeline: new_pipeline(ctx, ui, asked); break;
    case Dialog::RenamePipeline: rename_pipeline(ctx, ui, asked); break;
    case Dialog::DeletePipeline: delete_pipeline(ctx, ui, asked); break;
    case Dialog::LostReason: lost_reason(ctx, ui, asked); break;
    case Dialog::SaveView: save_view(ctx, ui, asked); break;
    case Dialog::DeleteDeals: delete_deals(ctx, ui, asked); break;
    case Dialog::DeleteView: delete_view(ctx, ui, asked); break;
    case Dialog::Templates: templates(ctx, gallery, ui, asked); break;
    case Dialog::PipelineEditor:
    case Dialog::DeleteStage: draw_pipeline_editor(ctx, ui, asked); break;
    case Dialog::Share:
    case Dialog::ImportPaste:
    case Dialog::ImportPreview:
    case Dialog::SourceMapping:
    case Dialog::ExportCsv: break;  // share_dialog.hpp, import_dialog.hpp, source_mapping_dialog.hpp, csv_export_dialog.hpp
  }
  // A rejected command reopens its dialog with the reason; field edits (the pipeline editor's)
  // show theirs beside the field and leave the dialog as it is.
  for (QueuedCommand& c : asked.commands) {
    if (c.origin.fields.empty()) c.origin.dialog = asked_from;
    actions.commands.push_back(std::move(c));
  }
  for (Effect& e : asked.effects) actions.effect(std::move(e));
}

}  // namespace pb::ui
