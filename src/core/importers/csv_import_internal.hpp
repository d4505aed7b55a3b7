// The state of a CsvImportJob, shared by its two passes: csv_import.cpp (the job, the scan pass
// that learns pipelines, stages and their kinds, and date orders) and csv_convert.cpp (rows to deals).
#pragma once
#include <array>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "csv_import.hpp"
#include "table.hpp"
#include "workspace_builder.hpp"

namespace pb {

// Caps on what rows create: the builder looks pipelines up by a scan, so a file of 100,000
// distinct pipelines and stages would otherwise cost their product.
inline constexpr std::size_t kMaxCsvPipelines = 200;
inline constexpr std::size_t kMaxCsvStages = 97;  // per pipeline: a pipeline holds 100, and up to 3 more may be added for rows whose stage does not fit their status

template <class V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

struct CsvStageInfo {
  std::size_t order = 0;  // first seen
  std::size_t open = 0, won = 0, lost = 0;  // rows by status, from the scan
  StageKind kind = StageKind::Open;
  std::string id;
};

struct CsvPipelineInfo {
  std::string name, currency, id;
  StringMap<CsvStageInfo> stages;
  std::array<std::string, 3> fallback;  // stage id by StageKind for rows whose stage does not fit
};

struct CsvColumn {
  CsvTarget target = CsvTarget::Skip;
  std::string header, field, type, field_id;
  DateOrder order = DateOrder::Auto;  // decided after the scan for date columns
  std::size_t slashed = 0;
  bool first_over_12 = false, second_over_12 = false;
};

struct CsvImportJob::State {
  State(std::string_view text, CsvMapping mapping, Timestamp now);

  std::string converted;  // the text as UTF-8, when it was not
  std::string_view text;
  CsvMapping m;
  SourceImport result;  // before builder: the builder keeps a reference to its warnings
  WorkspaceBuilder builder;
  char delimiter = ',';
  bool decimal_comma = false;
  bool fatal = false;
  enum class Phase { Scan, Convert, Done } phase = Phase::Scan;
  std::optional<CsvCursor> cursor;
  CsvRecord rec;
  std::size_t header_line = 1, width = 0, rows = 0, deals = 0;
  std::vector<CsvColumn> cols;
  std::array<int, static_cast<std::size_t>(CsvTarget::Custom) + 1> col_of{};  // target -> column, -1 none
  std::vector<CsvPipelineInfo> pipelines;
  StringMap<std::size_t> pipeline_index;
  StringMap<DealStatus> status_words;  // distinct status cells seen, for the mapping list (capped)
  StringMap<std::string> owners;       // "name\x1femail" -> person id
  std::unordered_set<std::size_t> skip_lines;
  std::vector<std::string> won_words, lost_words;  // the mapping's, normalised once

  std::string_view cell(CsvTarget t) const;
  DealStatus status_of() const;
  // The row's pipeline; the scan adds it (up to kMaxCsvPipelines), the convert pass only finds it.
  CsvPipelineInfo* pipeline_of_row(bool add);
  void scan_row();
  void start_convert();
  void convert_row();  // csv_convert.cpp
};

bool csv_truthy(std::string_view cell);
// Whether a cell is one of `words` (normalised with normalise_header), case and spacing aside.
bool csv_word_in(std::string_view cell, const std::vector<std::string>& words);

}  // namespace pb
