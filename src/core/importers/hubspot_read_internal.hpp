// HubSpot's v3 answers read into plain records (hubspot_read.cpp), for inspect_hubspot and
// import_hubspot. Times are Unix milliseconds.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json_read.hpp"
#include "model.hpp"

namespace pb::hubspot {

struct Stage {
  std::string id, label;
  StageKind kind = StageKind::Open;
  std::optional<int> probability;
  bool closed_unsure = false;  // closed, but neither 0.0 nor 1.0: kept open
};
struct Pipeline { std::string id, label; std::vector<Stage> stages; };  // stages in displayOrder
struct Deal {
  std::size_t file = 0;
  std::string path;  // JSON Pointer of the deal in its text
  std::string id, name, stage, pipeline, owner, lost_reason, currency, close_date, notes, amount;
  bool archived = false;
  std::optional<std::int64_t> created, updated;
};
struct Source {
  std::vector<std::string> kinds;
  std::vector<Pipeline> pipelines;  // in displayOrder, ties in array order
  std::vector<Deal> deals;
};

void read_source(const std::vector<std::string_view>& texts, Source& out, Issues& errors, Issues& warnings);

}  // namespace pb::hubspot
