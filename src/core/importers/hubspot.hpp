// HubSpot: the CRM v3 API's deal pipelines (/crm/v3/pipelines/deals: {"results":[...]} or one
// pipeline) and deals (/crm/v3/objects/deals: {"results":[{id, properties}], "paging"}), in any
// order. Every property is a string or null. Stage kinds come only from the stage's metadata:
// isClosed "true" with probability 1.0 is won, with 0.0 lost; never from a label. A closed stage
// with any other probability stays open, with a warning: HubSpot does not say whether it was won.
// Owners are ids only in HubSpot's export: they become people named "Owner <id>".
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "importers.hpp"

namespace pb {

struct HubspotOptions {
  std::vector<std::string> pipelines;  // pipeline ids or labels to import; empty = all
  std::string currency = "USD";        // for deals without deal_currency_code
  bool include_archived = false;       // deals with "archived": true
  bool operator==(const HubspotOptions&) const = default;
};
json to_json(const HubspotOptions& o);
bool hubspot_options_from_json(const json& j, HubspotOptions& out, Issues& issues);

struct HubspotInspection {
  bool ok = false;
  Issues errors = Issues();
  std::vector<std::string> texts;  // per text: "pipelines", "deals" or "unknown"
  struct Stage { std::string id, label, kind; int probability = 0; };  // kind: open, won, lost
  struct Pipeline { std::string id, label; std::vector<Stage> stages; std::size_t deals = 0; };
  std::vector<Pipeline> pipelines;  // in displayOrder
  std::vector<std::string> owners;  // owner ids
  std::size_t deals = 0, archived = 0, without_stage = 0;
  HubspotOptions suggested;
};
HubspotInspection inspect_hubspot(const std::vector<std::string_view>& texts);
json to_json(const HubspotInspection& i);

SourceImport import_hubspot(const std::vector<std::string_view>& texts, const HubspotOptions& options,
                            std::int64_t now);

}  // namespace pb
