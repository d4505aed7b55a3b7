#include "csv_mapping.hpp"

#include <algorithm>

namespace pb {
namespace {

struct TargetName {
  CsvTarget target;
  std::string_view key;
};
#define PB_CSV_TARGET_ROW(name, key) TargetName{CsvTarget::name, key},
constexpr TargetName kTargets[] = {PB_CSV_TARGETS(PB_CSV_TARGET_ROW)};
#undef PB_CSV_TARGET_ROW

constexpr std::string_view kFieldTypes[] = {"text", "number", "money", "date", "choice"};

std::string target_list() {
  std::string out;
  for (const auto& t : kTargets) out += (out.empty() ? "" : ", ") + std::string(t.key);
  return out;
}

std::string_view order_name(DateOrder o) { return o == DateOrder::Dmy ? "dmy" : o == DateOrder::Mdy ? "mdy" : "auto"; }

}  // namespace

std::string_view to_string(CsvTarget t) {
  for (const auto& row : kTargets)
    if (row.target == t) return row.key;
  return "skip";
}

std::string_view to_string(CsvKind k) {
  constexpr std::string_view kNames[] = {"empty", "text", "number", "money", "date", "time"};
  return kNames[static_cast<int>(k)];
}

bool parse_csv_target(std::string_view s, CsvTarget& out) {
  for (const auto& row : kTargets)
    if (row.key == s) return out = row.target, true;
  return false;
}

std::string normalise_header(std::string_view header) {
  std::string out;
  out.reserve(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(header[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '_') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    out += static_cast<char>(c);
    // Latin-1 capitals (U+00C0..U+00DE but the multiplication sign) are C3 80..C3 9E in UTF-8.
    if (c == 0xC3 && i + 1 < header.size()) {
      unsigned char d = static_cast<unsigned char>(header[++i]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) d = static_cast<unsigned char>(d + 0x20);
      out += static_cast<char>(d);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

json to_json(const CsvMapping& m) {
  json cols = json::array();
  for (const auto& c : m.columns) {
    json col = {{"column", c.column}, {"target", std::string(to_string(c.target))}};
    if (c.target == CsvTarget::Custom) col["field"] = c.field, col["type"] = c.type;
    cols.push_back(std::move(col));
  }
  return {{"columns", std::move(cols)},
          {"default_pipeline", m.default_pipeline},
          {"default_currency", m.default_currency},
          {"date_order", std::string(order_name(m.date_order))},
          {"delimiter", m.delimiter ? std::string(1, m.delimiter) : std::string()},
          {"decimal_comma", m.decimal_comma ? json(*m.decimal_comma) : json(nullptr)},
          {"won_words", m.won_words},
          {"lost_words", m.lost_words},
          {"skip_lines", m.skip_lines}};
}

bool csv_mapping_from_json(const json& j, CsvMapping& out, Issues& issues) {
  const std::size_t before = issues.count();
  const JsonPath root;
  if (!expect_object(j, root, issues)) return false;
  reject_unknown_keys(j, {"columns", "default_pipeline", "default_currency", "date_order", "delimiter", "decimal_comma",
                          "won_words", "lost_words", "skip_lines"},
                      root, issues);
  CsvMapping m;
  auto cols = j.find("columns");
  if (cols == j.end()) {
    issues.add(root / "columns", "is missing: list each column with its target");
  } else if (expect_array(*cols, root / "columns", issues)) {
    const JsonPath cols_path = root / "columns";  // paths point at their parent: it must outlive them
    if (cols->size() > 1000) issues.add(cols_path, "has more than 1000 columns");
    for (std::size_t i = 0; i < cols->size() && i < 1000; ++i) {
      const json& c = (*cols)[i];
      const JsonPath p = cols_path / i;
      if (!expect_object(c, p, issues)) continue;
      reject_unknown_keys(c, {"column", "target", "field", "type"}, p, issues);
      CsvColumnMapping col;
      std::string target;
      read_string(c, "column", col.column, p, issues, Need::Optional, 1000);
      if (read_string(c, "target", target, p, issues, Need::Required, 64) && !parse_csv_target(target, col.target))
        issues.add(p / "target", "\"" + excerpt(target) + "\" is not a target; use one of " + target_list());
      if (col.target == CsvTarget::Custom) {
        read_string(c, "field", col.field, p, issues, Need::Optional, 200);
        if (col.field.empty()) col.field = col.column;
        if (col.field.empty()) issues.add(p / "field", "a custom column needs a field name");
        col.type = "text";
        if (read_string(c, "type", col.type, p, issues, Need::Optional, 16) &&
            std::find(std::begin(kFieldTypes), std::end(kFieldTypes), col.type) == std::end(kFieldTypes))
          issues.add(p / "type", "\"" + excerpt(col.type) + "\" is not a field type; use text, number, money, date or choice");
      }
      m.columns.push_back(std::move(col));
    }
  }
  read_string(j, "default_pipeline", m.default_pipeline, root, issues, Need::Optional, 200);
  read_string(j, "default_currency", m.default_currency, root, issues, Need::Optional, 3);
  std::string order = "auto";
  if (read_string(j, "date_order", order, root, issues, Need::Optional, 8)) {
    if (order == "dmy") m.date_order = DateOrder::Dmy;
    else if (order == "mdy") m.date_order = DateOrder::Mdy;
    else if (order != "auto") issues.add(root / "date_order", "\"" + excerpt(order) + "\" is not auto, dmy or mdy");
  }
  std::string delim;
  if (read_string(j, "delimiter", delim, root, issues, Need::Optional, 8)) {
    if (delim == "tab") delim = "\t";
    if (delim == "," || delim == ";" || delim == "\t") m.delimiter = delim[0];
    else if (!delim.empty()) issues.add(root / "delimiter", "\"" + excerpt(delim) + "\" is not \",\", \";\", \"tab\" or \"\"");
  }
  auto dc = j.find("decimal_comma");
  if (dc != j.end() && !dc->is_null()) {
    if (dc->is_boolean()) m.decimal_comma = dc->get<bool>();
    else issues.add(root / "decimal_comma", "expected true, false or null, got " + describe_type(*dc));
  }
  read_string_list(j, "won_words", m.won_words, root, issues, Need::Optional, 200, 100);
  read_string_list(j, "lost_words", m.lost_words, root, issues, Need::Optional, 200, 100);
  auto skip = j.find("skip_lines");
  if (skip != j.end() && expect_array(*skip, root / "skip_lines", issues)) {
    for (std::size_t i = 0; i < skip->size() && i < 1'000'000; ++i) {
      std::int64_t line = 0;
      if (value_int((*skip)[i], line, root / "skip_lines" / i, issues, 1, 1'000'000'000))
        m.skip_lines.push_back(static_cast<std::size_t>(line));
    }
  }
  if (issues.count() != before) return false;
  out = std::move(m);
  return true;
}

}  // namespace pb
