// The CSV import job. Two passes over the text, each in slices: the scan learns the pipelines,
// their stages in first-seen order and each stage's kind (a won/lost word in its name, or every
// row in it won or lost), and which order the slash dates of each column are in; the convert pass
// then builds the deals (csv_convert.cpp). Both passes read records as views into the text.
#include <algorithm>

#include "csv_import_internal.hpp"
#include "documents.hpp"
#include "money.hpp"

namespace pb {
namespace {

std::string lower_trim(std::string_view s) { return normalise_header(trim(s)); }

bool is_date_target(CsvTarget t) {
  return t == CsvTarget::ExpectedClose || t == CsvTarget::Created || t == CsvTarget::Updated ||
         t == CsvTarget::WonTime || t == CsvTarget::LostTime;
}


}  // namespace

bool csv_truthy(std::string_view cell) {
  const std::string s = lower_trim(cell);
  return s == "1" || s == "true" || s == "yes" || s == "y" || s == "x" || s == "wahr" || s == "vrai" || s == "sí";
}

bool csv_word_in(std::string_view cell, const std::vector<std::string>& words) {
  cell = trim(cell);
  if (cell.empty() || cell.size() > 64) return false;
  const std::string s = normalise_header(cell);
  return std::find(words.begin(), words.end(), s) != words.end();
}

CsvImportJob::State::State(std::string_view t, CsvMapping mapping, Timestamp now)
    : text(t), m(std::move(mapping)), builder(now, result.warnings) {
  col_of.fill(-1);
  for (const auto& w : m.won_words) won_words.push_back(normalise_header(w));
  for (const auto& w : m.lost_words) lost_words.push_back(normalise_header(w));
  skip_lines.insert(m.skip_lines.begin(), m.skip_lines.end());
  if (text.size() > kMaxWorkspaceBytes) {
    result.errors.add("", "the file is larger than " + std::to_string(kMaxWorkspaceBytes >> 20) + " MB");
    fatal = true;
    return;
  }
  const std::string_view body = strip_bom(text);
  if (std::all_of(body.begin(), body.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; })) {
    result.errors.add("", "the file is empty");
    fatal = true;
    return;
  }
  if (csv_to_utf8(text, converted)) {
    text = converted;
    result.warnings.add("", "the file is not UTF-8: it was read as Windows-1252");
  }
  delimiter = m.delimiter ? m.delimiter : detect_delimiter(text);
  decimal_comma = m.decimal_comma ? *m.decimal_comma : inspect_csv(text.substr(0, 256 * 1024)).decimal_comma;
  cursor.emplace(text, delimiter);
  while (cursor->next(rec) && rec.blank()) {
  }
  if (!rec.error.empty()) {
    result.errors.add("line " + std::to_string(rec.line), "the header row: " + rec.error);
    fatal = true;
    return;
  }
  header_line = rec.line;
  width = rec.fields.size();
  // Columns of the mapping by header, else by position.
  std::vector<bool> used(m.columns.size(), false);
  for (std::size_t i = 0; i < width; ++i) {
    CsvColumn c;
    c.header = std::string(trim(rec.fields[i]));
    const std::string norm = normalise_header(c.header);
    std::size_t j = 0;
    while (j < m.columns.size() && (used[j] || normalise_header(m.columns[j].column) != norm)) ++j;
    if (j == m.columns.size() && i < m.columns.size() && !used[i] && m.columns[i].column.empty()) j = i;
    if (j < m.columns.size()) {
      used[j] = true;
      c.target = m.columns[j].target;
      c.field = m.columns[j].field.empty() ? c.header : m.columns[j].field;
      c.type = m.columns[j].type.empty() ? "text" : m.columns[j].type;
    } else if (!c.header.empty()) {
      result.warnings.add("", "column " + quoted_excerpt(c.header) + " is not in the mapping; it is left out");
    }
    const auto t = static_cast<std::size_t>(c.target);
    if (c.target != CsvTarget::Skip && c.target != CsvTarget::Custom) {
      if (col_of[t] < 0) col_of[t] = static_cast<int>(i);
      else c.target = CsvTarget::Skip;  // a second title column: the first one counts
    }
    std::string target = std::string(to_string(c.target));
    if (c.target == CsvTarget::Custom) target = "custom field " + quoted_excerpt(c.field) + " (" + c.type + ")";
    if (c.target == CsvTarget::Skip) target = "skipped";
    result.mapping.push_back({"column", c.header, target});
    cols.push_back(std::move(c));
  }
  for (std::size_t j = 0; j < m.columns.size(); ++j)
    if (!used[j] && !m.columns[j].column.empty())
      result.warnings.add("", "the mapping's column " + quoted_excerpt(m.columns[j].column) + " is not in the file");
}

std::string_view CsvImportJob::State::cell(CsvTarget t) const {
  const int i = col_of[static_cast<std::size_t>(t)];
  if (i < 0 || static_cast<std::size_t>(i) >= rec.fields.size()) return {};
  return unneutralise(rec.fields[static_cast<std::size_t>(i)]);
}

DealStatus CsvImportJob::State::status_of() const {
  if (col_of[static_cast<std::size_t>(CsvTarget::Status)] >= 0) {
    const std::string_view s = cell(CsvTarget::Status);
    return csv_word_in(s, won_words) ? DealStatus::Won : csv_word_in(s, lost_words) ? DealStatus::Lost : DealStatus::Open;
  }
  if (col_of[static_cast<std::size_t>(CsvTarget::IsWon)] >= 0) {
    if (csv_truthy(cell(CsvTarget::IsWon))) return DealStatus::Won;
    const bool has_closed = col_of[static_cast<std::size_t>(CsvTarget::IsClosed)] >= 0;
    return has_closed && csv_truthy(cell(CsvTarget::IsClosed)) ? DealStatus::Lost : DealStatus::Open;
  }
  const std::string_view stage = cell(CsvTarget::Stage);
  return csv_word_in(stage, won_words) ? DealStatus::Won : csv_word_in(stage, lost_words) ? DealStatus::Lost : DealStatus::Open;
}

CsvPipelineInfo* CsvImportJob::State::pipeline_of_row(bool add) {
  std::string_view name = trim(cell(CsvTarget::Pipeline));
  if (name.empty()) name = m.default_pipeline;
  auto it = pipeline_index.find(name);
  if (it != pipeline_index.end()) return &pipelines[it->second];
  if (!add || pipelines.size() >= kMaxCsvPipelines) return nullptr;
  pipeline_index.emplace(std::string(name), pipelines.size());
  pipelines.push_back({});
  pipelines.back().name = std::string(name);
  return &pipelines.back();
}

void CsvImportJob::State::scan_row() {
  if (skip_lines.count(rec.line) || !rec.error.empty()) return;
  CsvPipelineInfo* found = pipeline_of_row(true);
  if (!found) return;  // past the cap: the convert pass reports the row
  CsvPipelineInfo& p = *found;
  const DealStatus status = status_of();
  if (p.currency.empty()) {
    const std::string_view cur = trim(cell(CsvTarget::Currency));
    if (is_currency(cur)) p.currency = std::string(cur);
  }
  const std::string_view stage = trim(cell(CsvTarget::Stage));
  if (!stage.empty()) {
    auto it = p.stages.find(stage);
    if (it == p.stages.end() && p.stages.size() >= kMaxCsvStages) return;
    if (it == p.stages.end()) {
      CsvStageInfo info;
      info.order = p.stages.size();
      it = p.stages.emplace(std::string(stage), std::move(info)).first;
    }
    CsvStageInfo& s = it->second;
    (status == DealStatus::Won ? s.won : status == DealStatus::Lost ? s.lost : s.open) += 1;
  }
  const std::string_view word = cell(CsvTarget::Status);
  if (!word.empty() && status_words.size() < 100 && !status_words.count(trim(word)))
    status_words.emplace(std::string(trim(word)), status);
  for (std::size_t i = 0; i < cols.size() && i < rec.fields.size(); ++i) {
    CsvColumn& c = cols[i];
    if (!is_date_target(c.target) && !(c.target == CsvTarget::Custom && c.type == "date")) continue;
    const DateClue clue = date_clue(rec.fields[i]);
    if (!clue.slashed) continue;
    ++c.slashed;
    c.first_over_12 = c.first_over_12 || clue.first_over_12;
    c.second_over_12 = c.second_over_12 || clue.second_over_12;
  }
}

void CsvImportJob::State::start_convert() {
  for (auto& c : cols) {
    c.order = m.date_order;
    if (c.slashed == 0 || c.order != DateOrder::Auto) continue;
    if (c.first_over_12 != c.second_over_12) {
      c.order = c.first_over_12 ? DateOrder::Dmy : DateOrder::Mdy;
    } else if (!c.first_over_12) {
      c.order = DateOrder::Dmy;
      result.warnings.add("", "the dates of column " + quoted_excerpt(c.header) +
                                  " could be day-first or month-first; they were read day-first (date_order: mdy reads them month-first)");
    } else {
      result.warnings.add("", "the dates of column " + quoted_excerpt(c.header) + " are day-first in some rows and month-first in others");
    }
  }
  const std::string default_currency = is_currency(m.default_currency) ? m.default_currency : "USD";
  for (auto& p : pipelines) {
    if (p.currency.empty()) p.currency = default_currency;
    p.id = builder.add_pipeline(p.name, p.currency);
    result.mapping.push_back({"pipeline", p.name, "pipeline \"" + p.name + "\""});
    std::vector<std::pair<const std::string*, CsvStageInfo*>> order;
    for (auto& [name, s] : p.stages) {
      if (csv_word_in(name, won_words)) s.kind = StageKind::Won;
      else if (csv_word_in(name, lost_words)) s.kind = StageKind::Lost;
      else if (s.open == 0 && s.won > 0 && s.lost == 0) s.kind = StageKind::Won;
      else if (s.open == 0 && s.lost > 0 && s.won == 0) s.kind = StageKind::Lost;
      order.emplace_back(&name, &s);
    }
    // Open stages first, then won, then lost; first seen first within each.
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
      return std::pair(a.second->kind, a.second->order) < std::pair(b.second->kind, b.second->order);
    });
    for (auto& [name, s] : order) {
      const int probability = s->kind == StageKind::Won ? 100 : s->kind == StageKind::Lost ? 0 : -1;
      BuiltStage b{*name, s->kind, probability < 0 ? std::nullopt : std::optional<int>(probability), std::nullopt};
      s->id = builder.add_stage(p.id, b);
      result.mapping.push_back({"stage", *name, "stage \"" + *name + "\" (" + std::string(to_string(s->kind)) + ")"});
    }
  }
  std::vector<std::pair<std::string, DealStatus>> words(status_words.begin(), status_words.end());
  std::sort(words.begin(), words.end());
  for (const auto& [w, st] : words) result.mapping.push_back({"status", w, std::string(to_string(st))});
  for (auto& c : cols)
    if (c.target == CsvTarget::Custom) c.field_id = builder.field(c.field, c.type);
  phase = Phase::Convert;
  cursor.emplace(text, delimiter);
  while (cursor->next(rec) && rec.line < header_line) {
  }
  // The cursor now stands after the header record again.
}

CsvImportJob::CsvImportJob(std::string_view text, CsvMapping mapping, Timestamp now)
    : s_(std::make_unique<State>(text, std::move(mapping), now)) {
  if (s_->fatal) s_->phase = State::Phase::Done;
}

CsvImportJob::~CsvImportJob() = default;

bool CsvImportJob::step(std::size_t max_rows) {
  State& s = *s_;
  for (std::size_t n = 0; n < max_rows && s.phase != State::Phase::Done; ++n) {
    if (!s.cursor->next(s.rec)) {
      if (s.phase == State::Phase::Scan) s.start_convert();
      else s.phase = State::Phase::Done;
      continue;
    }
    if (s.rec.blank()) continue;
    if (s.phase == State::Phase::Scan) s.scan_row();
    else s.convert_row();
  }
  return s.phase != State::Phase::Done;
}

double CsvImportJob::progress() const {
  const State& s = *s_;
  if (s.phase == State::Phase::Done) return 1.0;
  const double read = s.cursor->size() ? static_cast<double>(s.cursor->offset()) / static_cast<double>(s.cursor->size()) : 1.0;
  return s.phase == State::Phase::Scan ? read * 0.5 : 0.5 + read * 0.5;
}

SourceImport CsvImportJob::finish() {
  while (step(1 << 16)) {
  }
  State& s = *s_;
  if (s.fatal) {
    s.result.ok = false;
    s.result.document = nullptr;
    return std::move(s.result);
  }
  if (s.rows == 0) s.result.warnings.add("", "the file has a header but no rows");
  s.result.document = s.builder.document();  // before the move: the builder writes to result.warnings
  s.result.ok = true;
  return std::move(s.result);
}

SourceImport import_csv(std::string_view text, const CsvMapping& mapping, Timestamp now) {
  CsvImportJob job(text, mapping, now);
  return job.finish();
}

}  // namespace pb
