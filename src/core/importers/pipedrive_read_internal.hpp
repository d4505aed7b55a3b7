// Pipedrive's API answers read into plain records (pipedrive_read.cpp), for inspect_pipedrive and
// import_pipedrive. Ids are kept as text; times as Unix milliseconds.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json_read.hpp"

namespace pb::pipedrive {

struct Pipeline { std::string id, name; double order = 0; };
struct Stage {
  std::string id, name, pipeline, pipeline_name;
  double order = 0;
  std::optional<int> probability, rotting_days;
};
struct Deal {
  std::size_t file = 0;  // which text (from 0), and the record's JSON Pointer in it, for messages
  std::string path;
  std::string id, title, stage, pipeline, status, lost_reason, currency, company, contact, email, notes;
  std::string owner_id, owner_name, owner_email, expected_close;
  const json* value = nullptr;  // points into Source::docs
  std::optional<std::int64_t> added, updated, stage_changed, closed;
};

struct Source {
  std::vector<json> docs;
  std::vector<std::string> kinds;  // per text: "pipelines", "stages", "deals", "empty" or "unknown"
  std::vector<Pipeline> pipelines;  // sorted by order_nr, ties in array order
  std::vector<Stage> stages;        // sorted by (pipeline's first appearance, order_nr)
  std::vector<Deal> deals;
};

// Reads every text; a text that is no Pipedrive answer is an error naming it ("file 2"), and the
// rest are still read. Wrong-typed details are warnings with their paths.
void read_source(const std::vector<std::string_view>& texts, Source& out, Issues& errors, Issues& warnings);

}  // namespace pb::pipedrive
