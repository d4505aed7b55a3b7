// Version history of the documents. Each step takes version N to N+1 and reports problems
// with the path they are at in the version-N document.
//
// Version 1 (2026-09): deals carried "value" as a decimal number with "currency" beside it;
// stage "probability" was a fraction 0..1 and won/lost stages were flagged with "won": true /
// "lost": true; deals had no stage history.
// Version 2: money is {"amount": minor units, "currency"}, probability is 0..100, stages have
// "kind", and deals have "history".
#include <cmath>

#include "documents.hpp"
#include "money.hpp"

namespace pb {
namespace {

void migrate_stage_v1(json& stage, const JsonPath& p, Issues& issues) {
  if (!stage.is_object()) return;  // reported by the v2 reader
  if (auto it = stage.find("probability"); it != stage.end()) {
    if (it->is_number() && it->get<double>() >= 0 && it->get<double>() <= 1)
      *it = static_cast<int>(std::lround(it->get<double>() * 100));
    else
      issues.add(p / "probability", "expected a fraction between 0 and 1 in a version 1 file");
  }
  // Not value("won", false): it throws (aborts in wasm) when the flag is not a boolean.
  auto flag = [&](const char* key) {
    auto it = stage.find(key);
    if (it == stage.end() || it->is_boolean()) return it != stage.end() && it->get<bool>();
    issues.add(p / key, "expected true or false in a version 1 file, got " + describe_type(*it));
    return false;
  };
  const bool won = flag("won");
  const bool lost = flag("lost");
  stage.erase("won");
  stage.erase("lost");
  stage["kind"] = won ? "won" : (lost ? "lost" : "open");
}

void migrate_pipeline_v1(json& pipeline, const JsonPath& p, Issues& issues) {
  if (!pipeline.is_object()) return;
  if (auto it = pipeline.find("stages"); it != pipeline.end() && it->is_array())
    for (std::size_t i = 0; i < it->size(); ++i) migrate_stage_v1((*it)[i], p / "stages" / i, issues);
}

void migrate_deal_v1(json& deal, const JsonPath& p, Issues& issues) {
  if (!deal.is_object()) return;
  auto value = deal.find("value");
  auto currency = deal.find("currency");
  if (value == deal.end() || !value->is_number()) {
    issues.add(p / "value", "expected a number in a version 1 file");
    return;
  }
  if (currency == deal.end() || !currency->is_string() || !is_currency(currency->get<std::string>())) {
    issues.add(p / "currency", "expected an ISO 4217 currency code in a version 1 file");
    return;
  }
  const std::string code = currency->get<std::string>();
  const double major = value->get<double>();
  const double minor = std::round(major * std::pow(10.0, currency_exponent(code)));
  if (!std::isfinite(minor) || std::fabs(minor) > static_cast<double>(kMaxMoneyMinor)) {
    issues.add(p / "value", "is out of range");
    return;
  }
  deal["value"] = json{{"amount", static_cast<std::int64_t>(minor)}, {"currency", code}};
  deal.erase("currency");
  if (!deal.contains("history") && deal.contains("pipeline") && deal.contains("stage") && deal.contains("created"))
    deal["history"] = json::array({json{{"pipeline", deal["pipeline"]}, {"stage", deal["stage"]}, {"at", deal["created"]}}});
}

void migrate_v1_to_v2(json& doc, std::string_view format, Issues& issues) {
  const JsonPath root;
  if (format == kWorkspaceFormat) {
    if (auto it = doc.find("pipelines"); it != doc.end() && it->is_array())
      for (std::size_t i = 0; i < it->size(); ++i) migrate_pipeline_v1((*it)[i], root / "pipelines" / i, issues);
  } else if (auto it = doc.find("pipeline"); it != doc.end()) {
    migrate_pipeline_v1(*it, root / "pipeline", issues);
  }
  if (auto it = doc.find("deals"); it != doc.end() && it->is_array())
    for (std::size_t i = 0; i < it->size(); ++i) migrate_deal_v1((*it)[i], root / "deals" / i, issues);
  doc["version"] = 2;
}

using Step = void (*)(json&, std::string_view, Issues&);
// kSteps[i] takes version i+1 to i+2.
constexpr Step kSteps[] = {migrate_v1_to_v2};

}  // namespace

bool migrate_document(json& doc, std::string_view format, int current_version, Issues& issues) {
  std::int64_t version = 0;
  if (!read_document_header(doc, format, current_version, version, issues)) return false;
  const std::size_t before = issues.count();
  for (auto v = version; v < current_version; ++v) {
    kSteps[v - 1](doc, format, issues);
    if (issues.count() != before) return false;
  }
  return true;
}

}  // namespace pb
