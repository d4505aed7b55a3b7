#include "import_cmd.hpp"

#include <chrono>
#include <cstdio>

#include "csv_import.hpp"
#include "document_format.hpp"
#include "documents.hpp"
#include "hubspot.hpp"
#include "io.hpp"
#include "pipedrive.hpp"
#include "source_detect.hpp"
#include "time.hpp"
#include "trello.hpp"

namespace pb::cli {
namespace {

constexpr int kOk = 0, kInvalid = 1, kUsage = 2;

struct ImportArgs {
  std::string from, out = "-", options_file, mapping_file, value_field, currency, now;
  std::vector<std::string> files, won, lost, pipelines;
  bool include_archived = false;
};

int usage_error(const std::string& problem) {
  std::fprintf(stderr,
               "pipeboard-json import: %s\n"
               "usage: pipeboard-json import --from trello|pipedrive|hubspot|csv FILE... [-o OUT]\n"
               "         [--won LIST]... [--lost LIST]... [--value-field FIELD] [--currency CODE]\n"
               "         [--include-archived] [--pipeline NAME]... [--mapping FILE] [--options FILE] [--now ISO-TIME]\n",
               problem.c_str());
  return kUsage;
}

bool read_text(const std::string& file, std::string& text) {
  std::string error;
  std::size_t size = 0;
  if (!read_input(file, kMaxWorkspaceBytes, text, size, error)) {
    std::fprintf(stderr, "pipeboard-json: %s\n", error.c_str());
    return false;
  }
  if (size > kMaxWorkspaceBytes) {
    std::fprintf(stderr, "pipeboard-json: %s is %zu bytes; the limit is %zu MB\n", file.c_str(), size,
                 kMaxWorkspaceBytes >> 20);
    return false;
  }
  return true;
}

// A JSON options file (the importer's own form, as to_json writes it): parsed, or why not.
bool read_json_file(const std::string& file, json& out) {
  std::string text;
  if (!read_text(file, text)) return false;
  out = json::parse(text, nullptr, false);
  if (out.is_discarded()) {
    std::fprintf(stderr, "pipeboard-json: %s is not JSON\n", file.c_str());
    return false;
  }
  return true;
}

void print_issues(const char* what, const Issues& issues) {
  for (const auto& i : issues.list()) std::fprintf(stderr, "%s: %s\n", what, i.str().c_str());
  if (issues.count() > issues.list().size())
    std::fprintf(stderr, "%s: ... and %zu more\n", what, issues.count() - issues.list().size());
}

bool parse_args(const std::vector<std::string>& args, ImportArgs& a, std::string& problem) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&](std::string& out) {
      if (i + 1 == args.size()) return (problem = arg + " needs a value"), false;
      out = args[++i];
      return true;
    };
    std::string v;
    if (arg == "--from") { if (!value(a.from)) return false; }
    else if (arg == "-o") { if (!value(a.out)) return false; }
    else if (arg == "--options") { if (!value(a.options_file)) return false; }
    else if (arg == "--mapping") { if (!value(a.mapping_file)) return false; }
    else if (arg == "--value-field") { if (!value(a.value_field)) return false; }
    else if (arg == "--currency") { if (!value(a.currency)) return false; }
    else if (arg == "--now") { if (!value(a.now)) return false; }
    else if (arg == "--won") { if (!value(v)) return false; a.won.push_back(v); }
    else if (arg == "--lost") { if (!value(v)) return false; a.lost.push_back(v); }
    else if (arg == "--pipeline") { if (!value(v)) return false; a.pipelines.push_back(v); }
    else if (arg == "--include-archived") a.include_archived = true;
    else if (arg.size() > 1 && arg[0] == '-') return (problem = "unknown option " + arg), false;
    else a.files.push_back(arg);
  }
  if (a.files.empty()) return (problem = "import needs a FILE"), false;
  if (!a.from.empty() && a.from != "trello" && a.from != "pipedrive" && a.from != "hubspot" && a.from != "csv")
    return (problem = "--from must be trello, pipedrive, hubspot or csv, not \"" + a.from + "\""), false;
  const bool csv = a.from == "csv";
  if (!a.mapping_file.empty() && !a.from.empty() && !csv) return (problem = "--mapping is for --from csv"), false;
  if ((!a.won.empty() || !a.lost.empty() || !a.value_field.empty()) && !a.from.empty() && a.from != "trello")
    return (problem = "--won, --lost and --value-field are for --from trello"), false;
  if (a.files.size() > 1 && (a.from == "trello" || csv)) return (problem = "--from " + a.from + " takes one FILE"), false;
  return true;
}

// The importer's options: its JSON form from --options, then the flags on top.
template <class Options, class FromJson>
bool options_of(const ImportArgs& a, Options& o, FromJson from_json) {
  if (a.options_file.empty()) return true;
  json j;
  Issues issues;
  if (!read_json_file(a.options_file, j)) return false;
  if (from_json(j, o, issues)) return true;
  print_issues(a.options_file.c_str(), issues);
  return false;
}

bool run(const ImportArgs& a, const std::vector<std::string>& texts, Timestamp now_ms, SourceImport& result) {
  std::vector<std::string_view> views(texts.begin(), texts.end());
  std::string from = a.from;
  if (from.empty()) from = source_kind_name(detect_source(texts.front(), a.files.front()));
  if (from == "trello") {
    TrelloOptions o;
    if (!options_of(a, o, trello_options_from_json)) return false;
    for (const auto& w : a.won) o.won_lists.push_back(w);
    for (const auto& l : a.lost) o.lost_lists.push_back(l);
    if (!a.value_field.empty()) o.value_field = a.value_field;
    if (!a.currency.empty()) o.currency = a.currency;
    if (a.include_archived) o.include_archived = true;
    result = import_trello(texts.front(), o, now_ms);
  } else if (from == "pipedrive") {
    PipedriveOptions o;
    if (!options_of(a, o, pipedrive_options_from_json)) return false;
    for (const auto& p : a.pipelines) o.pipelines.push_back(p);
    if (!a.currency.empty()) o.currency = a.currency;
    result = import_pipedrive(views, o, now_ms);
  } else if (from == "hubspot") {
    HubspotOptions o;
    if (!options_of(a, o, hubspot_options_from_json)) return false;
    for (const auto& p : a.pipelines) o.pipelines.push_back(p);
    if (!a.currency.empty()) o.currency = a.currency;
    if (a.include_archived) o.include_archived = true;
    result = import_hubspot(views, o, now_ms);
  } else if (from == "csv") {
    CsvMapping m;
    if (!a.mapping_file.empty()) {
      json j;
      Issues issues;
      if (!read_json_file(a.mapping_file, j)) return false;
      if (!csv_mapping_from_json(j, m, issues)) {
        print_issues(a.mapping_file.c_str(), issues);
        return false;
      }
    } else {
      const CsvInspection inspection = inspect_csv(texts.front());
      if (!inspection.ok) {
        print_issues(a.files.front().c_str(), inspection.errors);
        return false;
      }
      m = inspection.mapping;  // the mapping the app's screen suggests
    }
    if (!a.currency.empty()) m.default_currency = a.currency;
    result = import_csv(texts.front(), m, now_ms);
  } else {
    std::fprintf(stderr, "pipeboard-json: %s: %s\n", a.files.front().c_str(),
                 from == "trello-account"
                     ? "a Trello account export, not a board: export one board as JSON from its menu"
                     : "not a file of a tool Pipeboard imports; say which with --from");
    return false;
  }
  return true;
}

}  // namespace

int import_command(const std::vector<std::string>& args) {
  ImportArgs a;
  if (std::string problem; !parse_args(args, a, problem)) return usage_error(problem);
  Timestamp now = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch()).count();
  if (!a.now.empty()) {
    const auto t = parse_timestamp(a.now);
    if (!t) return usage_error("--now must be an ISO time like 2026-03-01T09:00:00Z, not \"" + a.now + "\"");
    now = *t;
  }
  std::vector<std::string> texts;
  for (const auto& f : a.files) {
    texts.emplace_back();
    if (!read_text(f, texts.back())) return kUsage;
  }
  SourceImport result;
  if (!run(a, texts, now, result)) return kInvalid;
  const std::string& name = a.files.front();
  print_issues(name.c_str(), result.warnings);
  if (!result.ok) {
    print_issues(name.c_str(), result.errors);
    return kInvalid;
  }
  print_issues(name.c_str(), result.errors);  // rows left out; the rest imported
  if (result.skipped > 0) std::fprintf(stderr, "%s: %zu records left out\n", name.c_str(), result.skipped);
  std::string error;
  if (!write_output(a.out, format_document(result.document), error)) {
    std::fprintf(stderr, "pipeboard-json: %s\n", error.c_str());
    return kUsage;
  }
  return kOk;
}

}  // namespace pb::cli
