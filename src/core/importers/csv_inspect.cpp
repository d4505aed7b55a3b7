// inspect_csv: one pass over the file for the mapping screen. Cell kinds are judged on the first
// rows (kKindRows); the day-first/month-first evidence of slash dates on every row, since a
// single 25/04/2026 anywhere in the column decides it.
#include <algorithm>

#include "csv_import.hpp"
#include "csv_presets_internal.hpp"
#include "documents.hpp"

namespace pb {
namespace {

constexpr std::size_t kKindRows = 2000;

struct Tally {
  std::size_t filled = 0, numbers = 0, money = 0, dates = 0, times = 0;
  std::size_t point_votes = 0, comma_votes = 0;  // counted for the file only if the column is numbers
  std::size_t slashed = 0;
  bool first_over_12 = false, second_over_12 = false;
};

bool has_currency_mark(std::string_view s) {
  for (std::string_view sym : {"$", "\xE2\x82\xAC", "\xC2\xA3", "\xC2\xA5"})
    if (s.find(sym) != std::string_view::npos) return true;
  const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  return (s.size() > 4 && upper(s[0]) && upper(s[1]) && upper(s[2]) && s[3] == ' ') ||
         (s.size() > 4 && upper(s[s.size() - 1]) && upper(s[s.size() - 2]) && upper(s[s.size() - 3]) &&
          s[s.size() - 4] == ' ');
}

CsvKind kind_of(const Tally& t) {
  if (t.filled == 0) return CsvKind::Empty;
  if (t.dates + t.times == t.filled) return t.times > 0 ? CsvKind::Time : CsvKind::Date;
  if (t.numbers == t.filled) return t.money > 0 ? CsvKind::Money : CsvKind::Number;
  return CsvKind::Text;
}

std::string_view default_pipeline(std::string_view preset) {
  if (preset == "pipedrive") return "Pipedrive deals";
  if (preset == "hubspot") return "HubSpot deals";
  if (preset == "salesforce") return "Salesforce opportunities";
  return "Imported deals";
}

}  // namespace

CsvInspection inspect_csv(std::string_view text) {
  CsvInspection out;
  if (text.size() > kMaxWorkspaceBytes) {
    out.errors.add("", "the file is larger than " + std::to_string(kMaxWorkspaceBytes >> 20) + " MB");
    return out;
  }
  out.bom = strip_bom(text).size() != text.size();
  const std::string_view body = strip_bom(text);
  if (std::all_of(body.begin(), body.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; })) {
    out.errors.add("", "the file is empty");
    return out;
  }
  std::string converted;
  if (csv_to_utf8(text, converted)) text = converted, out.windows1252 = true;
  out.delimiter = detect_delimiter(text);
  CsvCursor cur(text, out.delimiter);
  CsvRecord r;
  while (cur.next(r) && r.blank()) {
  }
  if (!r.error.empty()) {
    out.errors.add("line " + std::to_string(r.line), "the header row: " + r.error);
    return out;
  }
  for (std::string_view h : r.fields) out.headers.emplace_back(trim(h));
  const std::size_t width = out.headers.size();
  std::vector<Tally> tallies(width);
  while (cur.next(r)) {
    if (r.blank()) continue;
    ++out.rows;
    if (out.preview.size() < kPreviewRows) out.preview.emplace_back(r.fields.begin(), r.fields.end());
    const bool judge = out.rows <= kKindRows;
    for (std::size_t i = 0; i < width && i < r.fields.size(); ++i) {
      Tally& t = tallies[i];
      if (!judge && t.slashed == 0) continue;
      const std::string_view cell = trim(unneutralise(trim(r.fields[i])));
      if (cell.empty()) continue;
      const DateClue clue = date_clue(cell);
      if (clue.slashed) {
        ++t.slashed;
        t.first_over_12 = t.first_over_12 || clue.first_over_12;
        t.second_over_12 = t.second_over_12 || clue.second_over_12;
      }
      if (!judge) continue;
      ++t.filled;
      if (clue.shape == DateShape::Date) ++t.dates;
      else if (clue.shape == DateShape::Time) ++t.times;
      else if (const DecimalVote v = decimal_vote(cell); v != DecimalVote::NotANumber) {
        ++t.numbers;
        if (has_currency_mark(cell)) ++t.money;
        t.point_votes += v == DecimalVote::Point;
        t.comma_votes += v == DecimalVote::Comma;
      }
    }
  }
  std::size_t point_votes = 0, comma_votes = 0;
  for (const Tally& t : tallies)
    if (t.filled > 0 && t.numbers == t.filled) point_votes += t.point_votes, comma_votes += t.comma_votes;
  out.decimal_comma = comma_votes > point_votes || (comma_votes == point_votes && out.delimiter == ';');
  std::vector<CsvKind> kinds;
  for (std::size_t i = 0; i < width; ++i) {
    const Tally& t = tallies[i];
    CsvColumnInfo info;
    info.header = out.headers[i];
    info.kind = kind_of(t);
    if (t.slashed > 0 && t.first_over_12 != t.second_over_12)
      info.date_order = t.first_over_12 ? DateOrder::Dmy : DateOrder::Mdy;
    info.date_ambiguous = t.slashed > 0 && !t.first_over_12 && !t.second_over_12;
    kinds.push_back(info.kind);
    out.columns.push_back(std::move(info));
  }
  detail::CsvSuggestion s = detail::suggest_columns(out.headers, kinds);
  out.preset = s.preset;
  out.mapping.columns = std::move(s.columns);
  out.mapping.default_pipeline = std::string(default_pipeline(out.preset));
  out.mapping.delimiter = out.delimiter;
  out.mapping.decimal_comma = out.decimal_comma;
  for (const auto& h : out.headers) out.header_key += (out.header_key.empty() ? "" : "|") + normalise_header(h);
  out.ok = true;
  return out;
}

}  // namespace pb
