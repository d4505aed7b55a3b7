// Builds a pipeboard.workspace document record by record, for the importers: ids that are
// unique and valid, people and choice options deduplicated by name, text clipped to the
// documents' limits (with a warning), and the rules the reader checks (a pipeline's stages, a
// deal's status following its stage's kind) kept by construction.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json_read.hpp"
#include "model.hpp"

namespace pb {

struct BuiltStage {
  std::string name;
  StageKind kind = StageKind::Open;
  std::optional<int> probability;   // 0-100
  std::optional<int> rotting_days;  // 0-3650
};

// A deal as an importer knows it. Money is minor units of `currency`; times are Unix milliseconds UTC (Timestamp).
struct BuiltDeal {
  std::string title;
  std::string stage;  // a stage id from add_stage(); status follows its kind
  std::optional<std::int64_t> amount;
  std::string currency;  // "" = the pipeline's, else the workspace default
  std::string lost_reason, company, contact_name, contact_email, product, plan, property, source, notes;
  std::string owner;     // a person id from person()
  std::optional<std::string> expected_close;  // YYYY-MM-DD
  std::optional<std::int64_t> created, updated;
  json custom = json::object();  // field id -> value, as the document holds it
  struct Move { std::string stage; std::int64_t at; };
  std::vector<Move> history;     // stage ids (of any pipeline) with their times, oldest first
};

// `text` cut at a UTF-8 character boundary at or before `limit` bytes.
std::string clip_utf8(std::string_view text, std::size_t limit);

class WorkspaceBuilder {
 public:
  // `now` (Unix milliseconds) stands in for a missing created/updated time.
  WorkspaceBuilder(std::int64_t now, Issues& warnings);

  std::string add_pipeline(std::string_view name, std::string_view currency = "");
  std::string add_stage(const std::string& pipeline, const BuiltStage& stage);
  // The pipeline's first stage of that kind, added at the end when there is none.
  std::string stage_of_kind(const std::string& pipeline, StageKind kind, std::string_view name);
  // A person by name (and email), the same id for the same name.
  std::string person(std::string_view name, std::string_view email = "");
  // A custom field: "text", "number", "money", "date" or "choice".
  std::string field(std::string_view name, std::string_view type);
  // Adds an option to a choice field (deduplicated) and returns the option text as stored.
  std::string option(const std::string& field_id, std::string_view text);
  void add_deal(BuiltDeal deal);

  std::size_t deals() const { return deals_.size(); }
  bool has_stage(const std::string& stage_id) const { return stage_pipeline_.count(stage_id) > 0; }
  // The finished document (pipelines without an open stage get one: "Open").
  json document();

 private:
  std::string unique_id(std::string_view prefix, std::string_view name);
  std::string clip(std::string_view text, std::size_t limit, std::string_view what);

  std::int64_t now_;
  Issues& warnings_;
  std::map<std::string, int> used_ids_;
  json pipelines_ = json::array(), people_ = json::array(), fields_ = json::array();
  std::vector<json> deals_;
  std::map<std::string, std::string> stage_pipeline_;  // stage id -> pipeline id
  std::map<std::string, StageKind> stage_kind_;
  std::map<std::string, std::string> person_by_name_;
  std::map<std::string, std::size_t> field_index_;
};

}  // namespace pb
