// mapping_form / import_with_form / SourceImportJob: the dispatch to each format's form
// (trello_form.cpp, crm_forms.cpp, csv_form.cpp) and what they share.
#include <algorithm>

#include "csv_import.hpp"
#include "csv_reader.hpp"
#include "money.hpp"
#include "source_forms_internal.hpp"

namespace pb {
namespace form_detail {

std::vector<std::string> currency_options(std::string_view first) {
  std::vector<std::string> out;
  if (!first.empty()) out.emplace_back(first);
  for (const char* c : {"USD", "EUR", "GBP", "CHF", "CAD", "AUD", "JPY", "SEK", "NOK", "DKK", "PLN", "CZK", "BRL",
                        "MXN", "INR", "CNY", "SGD", "NZD", "ZAR", "TRY"})
    if (first != c) out.emplace_back(c);
  return out;
}

MappingChoice archived_choice(std::string_view label, bool include) {
  MappingChoice c;
  c.key = "include_archived";
  c.section = "Options";
  c.label = std::string(label);
  c.options = {"Leave them out", "Import them too"};
  c.selected = include ? 1 : 0;
  return c;
}

MappingChoice currency_choice(std::string_view suggested, std::string_view label) {
  MappingChoice c;
  c.key = "currency";
  c.section = "Options";
  c.label = std::string(label);
  c.options = currency_options(suggested.empty() ? "USD" : suggested);
  return c;
}

int selected_index(const MappingForm& form, std::string_view key) {
  const MappingChoice* c = find_choice(form, key);
  return c ? c->selected : -1;
}

std::string selected_text(const MappingForm& form, std::string_view key) {
  const MappingChoice* c = find_choice(form, key);
  if (!c || c->selected < 0 || c->selected >= static_cast<int>(c->options.size())) return "";
  return c->options[static_cast<std::size_t>(c->selected)];
}

std::string count_of(std::size_t n, const char* one, const char* many) {
  return group_thousands(n) + " " + (n == 1 ? one : many);  // 100,000: as the progress bar writes it
}

}  // namespace form_detail

using namespace form_detail;

const MappingChoice* find_choice(const MappingForm& form, std::string_view key) {
  for (const auto& c : form.choices)
    if (c.key == key) return &c;
  return nullptr;
}

MappingForm mapping_form(SourceKind kind, const std::vector<std::string_view>& texts) {
  MappingForm form;
  if (texts.empty()) {
    form.errors.add("", "no file to import");
    return form;
  }
  switch (kind) {
    case SourceKind::Trello: form = trello_form(texts.front()); break;
    case SourceKind::Pipedrive: form = pipedrive_form(texts); break;
    case SourceKind::HubSpot: form = hubspot_form(texts); break;
    case SourceKind::Csv: form = csv_form(texts.front()); break;
    case SourceKind::TrelloAccount:
      form.title = "Trello account export";
      form.errors.add("", "This is a Trello account export, not a board. Open the board in Trello, then its menu: "
                          "… → Print, export and share → Export as JSON, and import that file.");
      break;
    default:
      form.title = "Not a file Pipeboard can import";
      form.errors.add("", "Pipeboard imports its own files, Trello board exports, Pipedrive and HubSpot API "
                          "exports (JSON) and CSV files.");
  }
  form.kind = kind;
  return form;
}

SourceImport import_with_form(const MappingForm& form, const std::vector<std::string_view>& texts, std::int64_t now,
                              std::size_t max_records) {
  SourceImport none;
  if (texts.empty() || !form.errors.ok()) {
    none.errors.add("", form.errors.ok() ? "no file to import" : form.errors.summary());
    return none;
  }
  switch (form.kind) {
    case SourceKind::Trello: return trello_import(form, texts.front(), now, max_records);
    case SourceKind::Pipedrive: return pipedrive_import(form, texts, now);
    case SourceKind::HubSpot: return hubspot_import(form, texts, now);
    case SourceKind::Csv: {
      std::string_view text = texts.front();
      const CsvMapping m = csv_mapping_of(form);
      if (max_records > 0) {  // the header and the first records only: the live preview
        CsvCursor cursor(text, m.delimiter ? m.delimiter : detect_delimiter(text));
        CsvRecord r;
        for (std::size_t n = 0; n <= max_records && cursor.next(r);) n += r.blank() ? 0 : 1;
        text = text.substr(0, cursor.offset());
      }
      return import_csv(text, m, now);
    }
    default: break;
  }
  none.errors.add("", "Pipeboard cannot import this file");
  return none;
}

// [SECTION] The job: CSV in slices, every other format in one step

struct SourceImportJob::State {
  MappingForm form;
  std::vector<std::string_view> texts;
  std::int64_t now = 0;
  std::unique_ptr<CsvImportJob> csv;
  std::optional<SourceImport> done;
};

SourceImportJob::SourceImportJob(const MappingForm& form, std::vector<std::string_view> texts, std::int64_t now)
    : state_(new State{form, std::move(texts), now, nullptr, std::nullopt}) {
  if (form.kind == SourceKind::Csv && !state_->texts.empty() && form.errors.ok())
    state_->csv = std::make_unique<CsvImportJob>(state_->texts.front(), csv_mapping_of(form), now);
}

SourceImportJob::~SourceImportJob() { delete state_; }

bool SourceImportJob::step(std::size_t max_records) {
  State& s = *state_;
  if (s.done) return true;
  if (s.csv) {
    const bool more = s.csv->step(max_records);
    if (more) return false;
    s.done = s.csv->finish();
    s.csv.reset();
    return true;
  }
  s.done = import_with_form(s.form, s.texts, s.now);
  return true;
}

double SourceImportJob::progress() const {
  if (state_->done) return 1.0;
  return state_->csv ? state_->csv->progress() : 0.0;
}

std::size_t SourceImportJob::records_read() const {
  const double p = progress();
  return static_cast<std::size_t>(p * static_cast<double>(state_->form.records) + 0.5);
}

SourceImport SourceImportJob::finish() {
  if (!state_->done) {
    while (!step(1 << 16)) {
    }
  }
  SourceImport out = std::move(*state_->done);
  state_->done.reset();
  return out;
}

}  // namespace pb
