#include "report_export.hpp"

#include <cctype>

#include "app.hpp"
#include "report_csv.hpp"
#include "report_json.hpp"

extern "C" {
void pb_download(const char* name, const char* text);
}

namespace pb::app {
namespace {

// "pipeboard-report-enterprise-2026-03-01-2026-03-31": the scope and the period.
std::string file_stem(const Report& r) {
  std::string scope = r.pipelines.size() == 1 ? r.pipelines.front().name : "all-pipelines";
  std::string slug;
  for (char c : scope) {
    if (std::isalnum(static_cast<unsigned char>(c))) slug += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!slug.empty() && slug.back() != '-') slug += '-';
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return "pipeboard-report-" + (slug.empty() ? "pipeline" : slug) + "-" + format_date(r.params.period.from) + "-" +
         format_date(r.params.period.to);
}

const Report* shown_report(App& app) {
  if (app.report_cache.result.ok) return &app.report_cache.result.report;
  say(app, "Nothing to export: " + app.report_cache.result.error, true);
  return nullptr;
}

}  // namespace

void export_report_csv(App& app, const std::string& table) {
  const Report* r = shown_report(app);
  if (!r) return;
  std::string csv, error;
  if (!report_csv(*r, table, csv, error)) return say(app, error, true);
  pb_download((file_stem(*r) + "-" + table + ".csv").c_str(), csv.c_str());
  say(app, "Exported the " + table + " table as CSV", false);
}

void export_report_json(App& app) {
  const Report* r = shown_report(app);
  if (!r) return;
  pb_download((file_stem(*r) + ".json").c_str(), report_json_text(*r).c_str());
  say(app, "Exported the report as JSON", false);
}

}  // namespace pb::app
