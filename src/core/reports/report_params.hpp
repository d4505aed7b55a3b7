// What a report is asked for: its scope (one pipeline, every pipeline, or a saved view's deals)
// and its period. The JS API reads them from a JSON object, the CLI from its flags; both go
// through read_report_params, so the same request gives the same report.
//
// JSON (README "Reports"): {"scope": "pipeline" | "all" | "view", "pipeline": ID, "view": ID,
//                           "from": "YYYY-MM-DD", "to": "YYYY-MM-DD", "now": "ISO time",
//                           "period": "this_month" | "this_quarter" | "last_12_months"}
// Every key is optional: without "scope" it is "view" when a view is given, "pipeline" when a
// pipeline is, "all" otherwise; the period is from and to (both or neither), or a preset of
// `now`'s, by default this month; without "now", the caller's clock.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model.hpp"
#include "report_period.hpp"

namespace pb {

enum class ReportScope { Pipeline, All, View };

// The longest period, in calendar months (the forecast has a row per month).
inline constexpr int kMaxReportMonths = 1200;
std::string_view to_string(ReportScope s);

struct ReportParams {
  ReportScope scope = ReportScope::All;
  Id pipeline;  // ReportScope::Pipeline
  Id view;      // ReportScope::View
  ReportPeriod period;
  bool operator==(const ReportParams&) const = default;
};

// The parameters as text, as given; nullopt: not given.
struct ReportParamText {
  std::optional<std::string> scope, pipeline, view, from, to, now, period;
};

// A problem with one parameter: its name ("from", "pipeline", ...) and what is wrong with it.
struct ParamProblem {
  std::string param;
  std::string message;
};

// Reads and checks the parameters against the workspace (the pipeline or view exists, the days
// exist, from <= to, at most kMaxReportMonths months). `clock_now` stands in for a missing "now".
bool read_report_params(const Workspace& ws, const ReportParamText& text, Timestamp clock_now, ReportParams& out,
                        std::vector<ParamProblem>& problems);
// Checks parameters built in code (the UI's period picker): the same checks, the same messages.
std::vector<ParamProblem> check_report_params(const Workspace& ws, const ReportParams& params);

// The JS API's form: a JSON object (text). `error` is every problem, "/from: ...; /to: ...".
bool parse_report_params(const Workspace& ws, std::string_view json_text, Timestamp clock_now, ReportParams& out,
                         std::string& error);

}  // namespace pb
