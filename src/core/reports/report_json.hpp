// The JSON form of a report ("format": "pipeboard.report", "version": 1; README "Reports"), with
// a fixed key order and number form, so that the JS API and `pipeboard-json report --json`
// give byte-identical text for the same workspace and params.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "report.hpp"

namespace pb {

inline constexpr std::string_view kReportFormat = "pipeboard.report";
inline constexpr int kReportVersion = 1;

// Keys in the order of README "Reports". Money is {"EUR": 125000} (minor units, codes sorted),
// ratios and days are numbers with at most 4 and 2 decimals, a figure with nothing to measure is null.
nlohmann::ordered_json report_to_json(const Report& report);
// report_to_json(report) with a 2-space indent and a final newline: what the CLI prints and the JS API returns.
std::string report_json_text(const Report& report);

// The JS API in one call: params as JSON text (report_params.hpp), the report as text.
struct ReportText {
  bool ok = false;
  std::string text;   // report_json_text when ok
  std::string error;  // "/from: ..." otherwise
};
ReportText report_json_for_params(const Workspace& ws, std::string_view params_json, Timestamp clock_now);

}  // namespace pb
