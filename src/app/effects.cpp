#include "effects.hpp"

#include "app.hpp"
#include "deals_export_web.hpp"
#include "first_run.hpp"
#include "report_export.hpp"
#include "share_web.hpp"
#include "source_import_web.hpp"
#include "storage_web.hpp"
#include "tours_web.hpp"
#include "ui/field_errors.hpp"
#include "ui/tour_state.hpp"
#include "ui/views.hpp"

namespace pb::app {
namespace {

// Selects what a command created, when its origin asked for it (a new pipeline, a saved view).
void select_created(App& app, ui::Origin::Select what, const Change* change) {
  if (!change || what == ui::Origin::Select::Nothing) return;
  if (what == ui::Origin::Select::CreatedPipeline)
    for (const auto& d : change->pipelines)
      if (!d.before && d.after) {
        app.ui.pipeline = d.id;
        ui::reset_board_settings(app.ui);
      }
  if (what == ui::Origin::Select::CreatedView)
    for (const auto& d : change->views)
      if (!d.before && d.after) app.ui.view = d.id;
}

// Runs one command; returns false when it was rejected, with the reason where the user asked:
// beside the field typed into, in the dialog (reopened as it was), else the message line.
bool run(App& app, const ui::QueuedCommand& c) {
  const Outcome o = app.session.dispatch(c.command, now_ms());
  const ui::Origin& from = c.origin;
  if (!from.fields.empty()) {
    if (!o.ok) {
      ui::reject(app.ui, from.fields, o.error);  // the field keeps the text for correction
      app.ui.message.clear();
      return false;
    }
    ui::accept(app.ui, from.fields);
  }
  if (!o.ok) {
    app.ui.message = o.error;
    app.ui.message_is_error = true;
    if (from.dialog) {
      app.ui.dialog = *from.dialog;
      app.ui.dialog.just_opened = true;
      app.ui.dialog.error = o.error;
    }
    return false;
  }
  app.ui.message.clear();
  select_created(app, from.select, o.change);
  workspace_changed(app);
  return true;
}

// One handler per effect (ui/effects.hpp).
struct Perform {
  App& app;
  void operator()(const ui::effect::Undo&) const {
    const Outcome o = undo(app);
    app.ui.message = o.ok ? "Undid " + app.session.redo_label() : app.session.refusal();
    app.ui.message_is_error = !o.ok;
  }
  void operator()(const ui::effect::Redo&) const {
    const Outcome o = redo(app);
    app.ui.message = o.ok ? "Redid " + app.session.undo_label() : app.session.refusal();
    app.ui.message_is_error = !o.ok;
  }
  void operator()(const ui::effect::DownloadBackup&) const { download_backup(app); }
  void operator()(const ui::effect::ExportQuarantine&) const { export_quarantine(app); }
  void operator()(const ui::effect::DismissQuarantine&) const { dismiss_quarantine(app); }
  void operator()(const ui::effect::KeepMine&) const { keep_mine(app); }
  void operator()(const ui::effect::TakeTheirs&) const { take_theirs(app); }
  void operator()(const ui::effect::PickImportFile&) const { pick_import_file(); }
  void operator()(const ui::effect::OpenPaste&) const {
    ui::open_dialog(app.ui, ui::Dialog::ImportPaste);
    request_redraw(app);
  }
  void operator()(const ui::effect::SubmitPaste&) const { open_import(app, app.import_ui.paste, "pasted text"); }
  void operator()(const ui::effect::ConfirmImport&) const { confirm_import(app); }
  void operator()(const ui::effect::ImportFromSource&) const { start_source_import(app); }
  void operator()(const ui::effect::CancelSourceImport&) const { cancel_source_import(app); }
  void operator()(const ui::effect::OpenCsvExport&) const { open_csv_export(app); }
  void operator()(const ui::effect::ExportDealsCsv& e) const { export_deals_csv(app, e.columns); }
  void operator()(const ui::effect::DownloadTemplate& e) const {
    download_template(app, e.pipeline, e.include_deals);
    ui::notify_tour(app.tours, TourEvent::TemplateShared);
  }
  void operator()(const ui::effect::CopyShareLink& e) const {
    copy_share_link(app, e.pipeline, e.include_deals);
    ui::notify_tour(app.tours, TourEvent::TemplateShared);
  }
  void operator()(const ui::effect::SaveUserTemplate& e) const {
    save_user_template(app, e.pipeline);
    ui::notify_tour(app.tours, TourEvent::TemplateShared);
  }
  void operator()(const ui::effect::DeleteUserTemplate& e) const { delete_user_template(app, e.index); }
  void operator()(const ui::effect::ExportReportCsv& e) const { export_report_csv(app, e.table); }
  void operator()(const ui::effect::ExportReportJson&) const { export_report_json(app); }
  void operator()(const ui::effect::ActivateLicence& e) const { activate_licence(app, e.key); }
  void operator()(const ui::effect::StartWorkspace& e) const { start_workspace(app, e.from, e.tour); }
  void operator()(const ui::effect::SaveTour& e) const { save_tour(app, e.tour, e.download); }
  void operator()(const ui::effect::ResetDemo&) const { reset_demo(app); }
};

// Changes to the workspace asked for while the board shows a past day: refused, since the
// screen shows the past and the change would land on today's deals unseen.
bool changes_the_workspace(const ui::Effect& e) {
  return std::holds_alternative<ui::effect::Undo>(e) || std::holds_alternative<ui::effect::Redo>(e) ||
         std::holds_alternative<ui::effect::ConfirmImport>(e);
}

void refuse_in_past(App& app, ui::Actions& actions) {
  const bool any = !actions.commands.empty() || std::any_of(actions.effects.begin(), actions.effects.end(), changes_the_workspace);
  if (!any) return;
  actions.commands.clear();
  std::erase_if(actions.effects, changes_the_workspace);
  say(app, "The board shows " + format_date(*app.ui.past.day) + " and is read-only: press Today to make changes.", true);
}

}  // namespace

void apply_actions(App& app, ui::Actions actions) {
  if (ui::showing_past(app.ui)) refuse_in_past(app, actions);
  // After a rejection the rest of the frame's commands are dropped: they may depend on it.
  for (const ui::QueuedCommand& c : actions.commands)
    if (!run(app, c)) break;
  for (const ui::Effect& e : actions.effects) std::visit(Perform{app}, e);
}

}  // namespace pb::app
