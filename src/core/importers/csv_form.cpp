// The mapping form of a CSV file: a deal field (or a new custom field) per column, with the
// detected delimiter, decimal mark and date order, and the currency for values that name none.
#include "csv_import.hpp"
#include "source_forms_internal.hpp"

namespace pb::form_detail {
namespace {

struct TargetWord {
  CsvTarget target;
  const char* words;
};
constexpr TargetWord kTargets[] = {
    {CsvTarget::Skip, "Leave out"},           {CsvTarget::Title, "Title"},
    {CsvTarget::Value, "Value (amount)"},     {CsvTarget::Currency, "Currency code"},
    {CsvTarget::Pipeline, "Pipeline"},        {CsvTarget::Stage, "Stage"},
    {CsvTarget::Status, "Status (open / won / lost)"}, {CsvTarget::IsClosed, "Closed? (yes / no)"},
    {CsvTarget::IsWon, "Won? (yes / no)"},    {CsvTarget::Owner, "Owner"},
    {CsvTarget::OwnerEmail, "Owner's email"}, {CsvTarget::Company, "Company"},
    {CsvTarget::ContactName, "Contact name"}, {CsvTarget::ContactEmail, "Contact email"},
    {CsvTarget::Product, "Product"},          {CsvTarget::Plan, "Plan"},
    {CsvTarget::Property, "Property"},        {CsvTarget::Source, "Source channel"},
    {CsvTarget::ExpectedClose, "Expected close date"}, {CsvTarget::Created, "Created"},
    {CsvTarget::Updated, "Last updated"},     {CsvTarget::WonTime, "Won at"},
    {CsvTarget::LostTime, "Lost at"},         {CsvTarget::LostReason, "Lost reason"},
    {CsvTarget::Notes, "Notes"},              {CsvTarget::Id, "Record id (not imported)"},
};
constexpr const char* kCustomTypes[] = {"text", "number", "money", "date", "choice"};
constexpr int kTargetCount = static_cast<int>(sizeof kTargets / sizeof kTargets[0]);

std::vector<std::string> target_options() {
  std::vector<std::string> out;
  for (const auto& t : kTargets) out.emplace_back(t.words);
  for (const char* type : kCustomTypes) out.push_back(std::string("New field: ") + type);
  return out;
}

int option_of(const CsvColumnMapping& m) {
  if (m.target == CsvTarget::Custom) {
    for (int i = 0; i < 5; ++i)
      if (m.type == kCustomTypes[i]) return kTargetCount + i;
    return kTargetCount;
  }
  for (int i = 0; i < kTargetCount; ++i)
    if (kTargets[i].target == m.target) return i;
  return 0;
}

std::string delimiter_name(char d) { return d == ';' ? "Semicolon" : d == '\t' ? "Tab" : d == '|' ? "Bar" : "Comma"; }
char delimiter_of(const std::string& name) {
  return name == "Semicolon" ? ';' : name == "Tab" ? '\t' : name == "Bar" ? '|' : ',';
}

std::string samples(const CsvInspection& in, std::size_t column) {
  std::string out;
  for (const auto& row : in.preview) {
    if (column >= row.size() || row[column].empty()) continue;
    std::string cell = row[column].substr(0, 24);
    out += (out.empty() ? "" : " · ") + cell;
    if (out.size() > 60) break;
  }
  return out;
}

const char* preset_words(const std::string& preset) {
  if (preset == "pipedrive") return " (a Pipedrive deals export)";
  if (preset == "hubspot") return " (a HubSpot deals export)";
  if (preset == "salesforce") return " (a Salesforce opportunities export)";
  if (preset == "pipeboard") return " (exported from Pipeboard)";
  return "";
}

}  // namespace

MappingForm csv_form(std::string_view text) {
  MappingForm form;
  const CsvInspection in = inspect_csv(text);
  form.title = std::string("CSV file") + preset_words(in.preset);
  if (!in.ok) {
    form.errors = in.errors;
    return form;
  }
  form.records = in.rows;
  form.remember_key = in.header_key;
  form.sample_header = in.headers;
  form.sample_rows = in.preview;
  form.summary = count_of(in.rows, "row", "rows") + " of " + count_of(in.headers.size(), "column", "columns") +
                 ". Choose what each column holds; rows that cannot be read are listed and left out.";
  const std::vector<std::string> targets = target_options();
  bool ambiguous = false;
  for (std::size_t i = 0; i < in.headers.size(); ++i) {
    MappingChoice c;
    c.key = "column:" + std::to_string(i);
    c.section = "Columns";
    c.label = in.headers[i].empty() ? "(column " + std::to_string(i + 1) + ")" : in.headers[i];
    const CsvColumnInfo& info = in.columns[i];
    c.detail = std::string(to_string(info.kind));
    if (const std::string s = samples(in, i); !s.empty()) c.detail += ": " + s;
    c.options = targets;
    for (const auto& m : in.mapping.columns)
      if (normalise_header(m.column) == normalise_header(in.headers[i])) c.selected = option_of(m);
    ambiguous = ambiguous || info.date_ambiguous;
    form.choices.push_back(std::move(c));
  }
  MappingChoice dates;
  dates.key = "date_order";
  dates.section = "Options";
  dates.label = "Dates like 03/04/2026";
  dates.detail = ambiguous ? "some dates could be either: choose" : "detected from the file";
  dates.options = {"Detect", "Day first (3 April)", "Month first (March 4)"};
  dates.selected = in.mapping.date_order == DateOrder::Dmy ? 1 : in.mapping.date_order == DateOrder::Mdy ? 2 : 0;
  form.choices.push_back(std::move(dates));
  MappingChoice decimal;
  decimal.key = "decimal";
  decimal.section = "Options";
  decimal.label = "Decimal mark";
  decimal.options = {"Point (1,234.56)", "Comma (1.234,56)"};
  decimal.selected = in.decimal_comma ? 1 : 0;
  form.choices.push_back(std::move(decimal));
  MappingChoice delimiter;
  delimiter.key = "delimiter";
  delimiter.section = "Options";
  delimiter.label = "Columns separated by";
  delimiter.options = {"Comma", "Semicolon", "Tab", "Bar"};
  const std::string detected = delimiter_name(in.delimiter);
  for (std::size_t i = 0; i < delimiter.options.size(); ++i)
    if (delimiter.options[i] == detected) delimiter.selected = static_cast<int>(i);
  form.choices.push_back(std::move(delimiter));
  form.choices.push_back(currency_choice(in.mapping.default_currency, "Currency of values without one"));
  return form;
}

CsvMapping csv_mapping_of(const MappingForm& form) {
  CsvMapping m;
  for (const auto& c : form.choices) {
    if (c.key.rfind("column:", 0) != 0) continue;
    CsvColumnMapping col;
    // A blank header is labelled "(column N)" on screen; the mapping then goes by position.
    const bool blank = c.label.rfind("(column ", 0) == 0 && c.label.back() == ')';
    col.column = blank ? std::string() : c.label;
    const int s = c.selected;
    if (s >= kTargetCount && s < kTargetCount + 5) {
      col.target = CsvTarget::Custom;
      col.field = blank ? c.label.substr(1, c.label.size() - 2) : c.label;  // "column 6", as labelled
      col.type = kCustomTypes[s - kTargetCount];
    } else if (s >= 0 && s < kTargetCount) {
      col.target = kTargets[s].target;
    }
    m.columns.push_back(std::move(col));
  }
  const int order = selected_index(form, "date_order");
  m.date_order = order == 1 ? DateOrder::Dmy : order == 2 ? DateOrder::Mdy : DateOrder::Auto;
  m.decimal_comma = selected_index(form, "decimal") == 1;
  m.delimiter = delimiter_of(selected_text(form, "delimiter"));
  if (const std::string cur = selected_text(form, "currency"); !cur.empty()) m.default_currency = cur;
  return m;
}

}  // namespace pb::form_detail
