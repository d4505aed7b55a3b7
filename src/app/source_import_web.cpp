#include "source_import_web.hpp"

#include <emscripten.h>

#include "app.hpp"
#include "import_preview.hpp"
#include "mapping_form.hpp"
#include "money.hpp"
#include "share_web.hpp"
#include "source_detect.hpp"
#include "storage_web.hpp"
#include "ui/import_dialog.hpp"

namespace pb::app {

// The file(s) behind the open mapping screen, and the conversion while it runs.
struct SourceImportState {
  SourceKind kind = SourceKind::Unknown;
  std::vector<std::string> texts, names;
  std::unique_ptr<SourceImportJob> job;
  std::vector<std::string_view> views() const { return {texts.begin(), texts.end()}; }
};

namespace {

// A slice of the conversion per frame: well under the 100 ms a task may take, with room for the frame.
constexpr double kSliceMs = 30.0;
constexpr std::size_t kRecordsPerStep = 500;
constexpr std::size_t kSampleRecords = 8;

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// Another file of the same account (Pipedrive's pipelines, stages and deals come as three).
bool joins_open_screen(const App& app, SourceKind kind) {
  const auto& s = app.source_import;
  return s && s->kind == kind && (kind == SourceKind::Pipedrive || kind == SourceKind::HubSpot) && !s->job &&
         app.ui.dialog.kind == ui::Dialog::SourceMapping;
}

// Trello boards and CSV files do not say their currency: values without one are in the current
// pipeline's (the form offers USD otherwise).
void prefer_workspace_currency(const App& app, MappingForm& form) {
  if (form.kind != SourceKind::Trello && form.kind != SourceKind::Csv) return;
  const Pipeline* p = app.session.workspace().pipelines.find(app.ui.pipeline);
  if (!p || p->currency.empty()) return;
  for (auto& c : form.choices)
    if (c.key == "currency")
      for (std::size_t i = 0; i < c.options.size(); ++i)
        if (c.options[i] == p->currency) c.selected = static_cast<int>(i);
}

// The user's answers for a CSV header set seen before, where the screen still offers them.
void apply_remembered(const App& app, MappingForm& form) {
  if (form.remember_key.empty() || !app.csv_mappings.contains(form.remember_key)) return;
  const json& answers = app.csv_mappings[form.remember_key];
  if (!answers.is_object()) return;
  for (auto& c : form.choices) {
    const auto it = answers.find(c.key);
    if (it == answers.end() || !it->is_number_integer()) continue;
    const int n = it->get<int>();
    if (n >= 0 && n < static_cast<int>(c.options.size())) c.selected = n;
  }
}

void remember_answers(App& app, const MappingForm& form) {
  if (form.kind != SourceKind::Csv || form.remember_key.empty()) return;
  json answers = json::object();
  for (const auto& c : form.choices) answers[c.key] = c.selected;
  constexpr std::size_t kMaxRemembered = 50;  // header sets; the oldest are dropped
  if (!app.csv_mappings.contains(form.remember_key) && app.csv_mappings.size() >= kMaxRemembered)
    app.csv_mappings.erase(app.csv_mappings.begin());
  app.csv_mappings[form.remember_key] = std::move(answers);
  save_meta(app, "CSV mapping", "csv_mappings", app.csv_mappings);
}

void hand_to_preview(App& app, SourceImport result) {
  ui::SourceMappingUi& screen = app.import_ui.mapping_screen;
  if (!result.ok) {
    screen.status = "Nothing was imported: " + result.errors.summary();
    return request_redraw(app);
  }
  remember_answers(app, screen.form);
  // One pipeline: a template, which adds it. Moved, never copied: the deals can be 100,000.
  const bool one = result.document.contains("pipelines") && result.document["pipelines"].size() == 1;
  json doc = one ? single_pipeline_template(std::move(result.document), "") : std::move(result.document);
  ImportPreview preview = preview_import_document(app.session.workspace(), std::move(doc));
  ui::open_import_preview(app.ui, app.import_ui, std::move(preview), screen.source);
  ui::ImportUi& imp = app.import_ui;
  imp.mapping = std::move(result.mapping);
  imp.skipped = result.skipped;
  imp.row_errors = result.errors.count();
  imp.warnings = result.errors.list();
  for (const auto& w : result.warnings.list()) imp.warnings.push_back(w);
  imp.warning_count = result.errors.count() + result.warnings.count();
  app.source_import.reset();
  request_redraw(app);
}

}  // namespace

void load_csv_mappings(App& app, const json& meta) {
  const auto it = meta.find("csv_mappings");
  app.csv_mappings = it != meta.end() && it->is_object() ? *it : json::object();
}

bool open_source_import(App& app, std::string_view text, std::string file_name) {
  const SourceKind kind = detect_source(text, file_name);
  // Pipeboard's own files, and JSON of no tool we know: the import preview says what is wrong
  // with them (its /format error).
  if (kind == SourceKind::Pipeboard || kind == SourceKind::Unknown) return false;
  if (!joins_open_screen(app, kind)) {
    app.source_import = std::make_shared<SourceImportState>();
    app.source_import->kind = kind;
  }
  SourceImportState& s = *app.source_import;
  s.texts.emplace_back(text);  // copied only now: Pipeboard's own files (backups of 100 MB) never are
  s.names.push_back(file_name.empty() ? "pasted text" : std::move(file_name));
  MappingForm form = mapping_form(kind, s.views());
  prefer_workspace_currency(app, form);
  apply_remembered(app, form);
  ui::open_source_mapping(app.ui, app.import_ui.mapping_screen, std::move(form), joined(s.names));
  app.ui.show_welcome = false;
  request_redraw(app);
  return true;
}

void start_source_import(App& app) {
  if (!app.source_import || app.source_import->job) return;
  SourceImportState& s = *app.source_import;
  s.job = std::make_unique<SourceImportJob>(app.import_ui.mapping_screen.form, s.views(), now_ms());
  app.import_ui.mapping_screen.running = true;
  app.import_ui.mapping_screen.progress = 0;
  app.import_ui.mapping_screen.status = "Reading…";
  request_redraw(app);
}

void cancel_source_import(App& app) {
  if (!app.source_import) return;
  app.source_import->job.reset();
  ui::SourceMappingUi& screen = app.import_ui.mapping_screen;
  screen.running = false;
  screen.status = "Stopped: nothing was imported.";
  request_redraw(app);
}

bool source_import_running(const App& app) { return app.source_import && app.source_import->job; }

void step_source_import(App& app) {
  if (!app.source_import) return;
  SourceImportState& s = *app.source_import;
  ui::SourceMappingUi& screen = app.import_ui.mapping_screen;
  if (screen.dirty && !s.job) {
    screen.sample = import_with_form(screen.form, s.views(), now_ms(), kSampleRecords);
    screen.dirty = false;
    request_redraw(app);
  }
  if (!s.job) return;
  const double start = emscripten_get_now();
  bool done = false;
  while (!done && emscripten_get_now() - start < kSliceMs) done = s.job->step(kRecordsPerStep);
  screen.progress = s.job->progress();
  const std::size_t total = screen.form.records;
  screen.status = "Read " + group_thousands(s.job->records_read()) + (total ? " of " + group_thousands(total) : std::string()) +
                  (s.kind == SourceKind::Csv ? " rows" : " records");
  request_redraw(app);
  if (!done) return;
  SourceImport result = s.job->finish();
  s.job.reset();
  screen.running = false;
  hand_to_preview(app, std::move(result));
}

}  // namespace pb::app
