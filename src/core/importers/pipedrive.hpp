// Pipedrive: the API's answers for /pipelines, /stages and /deals (v1 or v2), each text an array
// or {"success":true,"data":[...]}, given in any order and told apart by their records. Won and
// lost are deal statuses in Pipedrive, not stages: such a deal goes to its pipeline's won or lost
// stage (added by the import) and keeps the stage it was in as history.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "importers.hpp"

namespace pb {

struct PipedriveOptions {
  std::vector<std::string> pipelines;  // pipeline ids or names to import; empty = all
  std::string currency = "USD";        // for deals without a currency code
  bool operator==(const PipedriveOptions&) const = default;
};
json to_json(const PipedriveOptions& o);
bool pipedrive_options_from_json(const json& j, PipedriveOptions& out, Issues& issues);

struct PipedriveInspection {
  bool ok = false;  // at least one text holds pipelines, stages or deals
  Issues errors = Issues();
  std::vector<std::string> texts;  // what each text holds: "pipelines", "stages", "deals" or "unknown"
  struct Pipeline { std::string id, name; std::size_t stages = 0, deals = 0; };
  struct Named { std::string id, name; };
  std::vector<Pipeline> pipelines;  // those of the pipelines text, then any only named by stages or deals
  std::vector<Named> users;         // deal owners
  std::size_t open = 0, won = 0, lost = 0, deleted = 0;
  std::vector<std::string> currencies;  // of the deals, most used first
  PipedriveOptions suggested;
};
PipedriveInspection inspect_pipedrive(const std::vector<std::string_view>& texts);
json to_json(const PipedriveInspection& i);

SourceImport import_pipedrive(const std::vector<std::string_view>& texts, const PipedriveOptions& options,
                              std::int64_t now);

}  // namespace pb
