// pipeboard-json: checks, formats, migrates, summarizes and reports on Pipeboard documents
// (workspaces and templates; validate checks tours too) with the same core code the app uses.
// Exit codes: 0 fine, 1 a document is invalid (or, with fmt --check, not formatted), 2 usage or
// I/O error. README "Command-line tool".
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "document_format.hpp"
#include "import_cmd.hpp"
#include "documents.hpp"
#include "io.hpp"
#include "report_csv.hpp"
#include "report_json.hpp"
#include "report_text.hpp"
#include "stats.hpp"
#include "tour.hpp"

namespace pb::cli {
namespace {

constexpr int kOk = 0, kInvalid = 1, kUsage = 2;

constexpr const char* kUsageText =
    "usage: pipeboard-json COMMAND [ARGS]\n"
    "\n"
    "  validate FILE...              check documents; every error with its JSON Pointer\n"
    "  fmt FILE [--write|--check]    print in canonical form (fixed key order, 2-space indent);\n"
    "                                --write rewrites FILE, --check exits 1 if it is not formatted\n"
    "  migrate FILE [-o OUT]         upgrade an older version to the current one\n"
    "  stats FILE [--json]           counts, deals per pipeline/stage/status, totals per currency\n"
    "  report FILE [--pipeline ID | --view ID] [--from YYYY-MM-DD --to YYYY-MM-DD | --period PRESET]\n"
    "              [--now ISO-TIME] [--json | --csv TABLE]\n"
    "                                reports and forecast: every pipeline side by side, one pipeline or a\n"
    "                                saved view's deals; PRESET: this_month (the default), this_quarter,\n"
    "                                last_12_months, of --now (default: the current time). TABLE: summary,\n"
    "                                forecast, funnel, stage_time, lost_reasons, by_owner, by_source, channels.\n"
    "                                --params JSON takes the JS API's params object instead of the flags\n"
    "\n"
    "  import --from trello|pipedrive|hubspot|csv FILE... [-o OUT] [--won LIST]... [--lost LIST]...\n"
    "         [--value-field FIELD] [--currency CODE] [--include-archived] [--pipeline NAME]...\n"
    "         [--mapping FILE] [--options FILE] [--now ISO-TIME]\n"
    "                                another tool's export as a pipeboard.workspace document: a Trello\n"
    "                                board's JSON (--won/--lost mark lists), Pipedrive or HubSpot API JSON\n"
    "                                (several files: pipelines, stages, deals), or CSV (--mapping: a column\n"
    "                                mapping as JSON; without it, the mapping the app suggests)\n"
    "\n"
    "FILE may be - for standard input. Works on pipeboard.workspace and pipeboard.template documents;\n"
    "validate checks pipeboard.tour documents too.\n"
    "Exit codes: 0 fine, 1 invalid document or not formatted, 2 usage or I/O error.\n";

int usage(const std::string& problem) {
  std::fprintf(stderr, "pipeboard-json: %s\n\n%s", problem.c_str(), kUsageText);
  return kUsage;
}

void print_issues(const std::string& file, const Issues& issues) {
  for (const auto& i : issues.list()) std::printf("%s: %s\n", file.c_str(), i.str().c_str());
  if (issues.count() > issues.list().size())
    std::printf("%s: ... and %zu more\n", file.c_str(), issues.count() - issues.list().size());
}

// Reads a file, refusing one past the largest document size before it reaches the parser.
bool read_document_text(const std::string& file, std::string& text, Issues& issues, int& status) {
  std::string error;
  std::size_t size = 0;
  if (!read_input(file, kMaxWorkspaceBytes, text, size, error)) {
    std::fprintf(stderr, "pipeboard-json: %s\n", error.c_str());
    status = kUsage;
    return false;
  }
  if (size > kMaxWorkspaceBytes) {
    issues.add(JsonPath(), "the file is " + std::to_string(size) + " bytes; the limit is " +
                               std::to_string(kMaxWorkspaceBytes >> 20) + " MB");
    status = kInvalid;
    return false;
  }
  return true;
}

// Parses a document and tells its kind; reports at "/" or "/format" otherwise.
bool parse_document(const std::string& text, json& doc, DocumentKind& kind, Issues& issues) {
  std::string error;
  if (!parse_json(text, doc, error, ParseLimits{kMaxWorkspaceBytes, 64})) {
    issues.add(JsonPath(), error);
    return false;
  }
  kind = document_kind(doc);
  if (kind == DocumentKind::Unknown) {
    Document unused;
    load_document(text, unused, issues);  // says what is wrong with the format
    return false;
  }
  return true;
}

// Tours (src/core/tour) are not among load_document's kinds. Only text that names the tour format
// is parsed to look, so workspaces still load without a DOM for their deals.
bool is_tour_text(const std::string& text) {
  if (text.find("\"" + std::string(kTourFormat) + "\"") == std::string::npos) return false;
  json doc;
  std::string error;
  return parse_json(text, doc, error, ParseLimits{kMaxWorkspaceBytes, 64}) && is_tour_document(doc);
}

int validate(const std::vector<std::string>& files) {
  if (files.empty()) return usage("validate needs at least one FILE");
  int status = kOk;
  for (const auto& file : files) {
    Issues issues(1000);
    std::string text;
    int read_status = kOk;
    if (!read_document_text(file, text, issues, read_status)) {
      if (read_status == kUsage) return kUsage;
      print_issues(file, issues);
      status = kInvalid;
      continue;
    }
    if (Tour tour; is_tour_text(text)) {
      if (load_tour(text, tour, issues)) {
        std::printf("%s: ok (tour, version %d)\n", file.c_str(), kTourVersion);
        continue;
      }
    } else if (Document doc; load_document(text, doc, issues)) {
      std::printf("%s: ok (%s, version %d)\n", file.c_str(), std::string(to_string(doc.kind)).c_str(), doc.version);
      continue;
    }
    print_issues(file, issues);
    std::printf("%s: invalid (%zu %s)\n", file.c_str(), issues.count(), issues.count() == 1 ? "error" : "errors");
    status = kInvalid;
  }
  return status;
}

// A document read and parsed from a file or standard input.
struct Input {
  Issues issues;
  std::string text;
  json doc;
  DocumentKind kind = DocumentKind::Unknown;
};

// kOk, or the exit status after printing why the file could not be read as a document.
int read_input(const std::string& file, Input& in) {
  int status = kOk;
  if (read_document_text(file, in.text, in.issues, status) && parse_document(in.text, in.doc, in.kind, in.issues))
    return kOk;
  if (status == kUsage) return kUsage;
  print_issues(file, in.issues);
  return kInvalid;
}

int fmt(const std::vector<std::string>& args) {
  std::string file, mode;
  for (const auto& a : args) {
    if (a == "--write" || a == "--check") {
      if (!mode.empty()) return usage("give at most one of --write and --check");
      mode = a;
    } else if (a.size() > 1 && a[0] == '-') {
      return usage("unknown option " + a);
    } else if (!file.empty()) {
      return usage("fmt takes one FILE");
    } else {
      file = a;
    }
  }
  if (file.empty()) return usage("fmt needs a FILE");
  if (mode == "--write" && file == "-") return usage("--write needs a file, not standard input");
  Input in;
  if (int status = read_input(file, in); status != kOk) return status;
  const std::string& text = in.text;
  json& doc = in.doc;
  const std::string formatted = format_document(doc);
  if (mode == "--check") {
    if (formatted == text) return kOk;
    std::fprintf(stderr, "%s: not formatted (run pipeboard-json fmt --write %s)\n", file.c_str(), file.c_str());
    return kInvalid;
  }
  std::string error;
  if (mode == "--write" && formatted == text) return kOk;
  if (!write_output(mode == "--write" ? file : "-", formatted, error)) {
    std::fprintf(stderr, "pipeboard-json: %s\n", error.c_str());
    return kUsage;
  }
  return kOk;
}

int migrate(const std::vector<std::string>& args) {
  std::string file, out = "-";
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-o") {
      if (i + 1 == args.size()) return usage("-o needs a file");
      out = args[++i];
    } else if (args[i].size() > 1 && args[i][0] == '-') {
      return usage("unknown option " + args[i]);
    } else if (!file.empty()) {
      return usage("migrate takes one FILE");
    } else {
      file = args[i];
    }
  }
  if (file.empty()) return usage("migrate needs a FILE");
  Input in;
  if (int status = read_input(file, in); status != kOk) return status;
  Issues& issues = in.issues;
  json& doc = in.doc;
  const DocumentKind kind = in.kind;
  // Migrate, then read the result as the app would: only a document that loads is written.
  const bool workspace = kind == DocumentKind::Workspace;
  json migrated = doc;
  bool valid = migrate_document(migrated, workspace ? kWorkspaceFormat : kTemplateFormat,
                                workspace ? kWorkspaceVersion : kTemplateVersion, issues);
  if (valid) {
    Workspace ws;
    Template t;
    valid = workspace ? read_workspace(migrated, ws, issues) : read_template(migrated, t, issues);
  }
  if (!valid) {
    print_issues(file, issues);
    return kInvalid;
  }
  std::string error;
  if (!write_output(out, format_document(migrated), error)) {
    std::fprintf(stderr, "pipeboard-json: %s\n", error.c_str());
    return kUsage;
  }
  return kOk;
}

// Reads and loads a document, or prints why it cannot and sets the exit status.
bool read_document_file(const std::string& file, Document& doc, int& status) {
  Issues issues;
  std::string text;
  status = kOk;
  if (read_document_text(file, text, issues, status) && load_document(text, doc, issues)) return true;
  if (status == kUsage) return false;
  print_issues(file, issues);
  status = kInvalid;
  return false;
}

int stats(const std::vector<std::string>& args) {
  std::string file;
  bool as_json = false;
  for (const auto& a : args) {
    if (a == "--json") as_json = true;
    else if (a.size() > 1 && a[0] == '-') return usage("unknown option " + a);
    else if (!file.empty()) return usage("stats takes one FILE");
    else file = a;
  }
  if (file.empty()) return usage("stats needs a FILE");
  int status = kOk;
  Document doc;
  if (!read_document_file(file, doc, status)) return status;
  json s = stats_json(doc.kind == DocumentKind::Workspace ? doc.workspace : workspace_of(doc.templ));
  s = json{{"kind", to_string(doc.kind)}, {"version", doc.version}, {"stats", s}};
  if (as_json) {
    std::printf("%s\n", s.dump(2).c_str());
  } else {
    std::printf("%s (version %d)\n%s", std::string(to_string(doc.kind)).c_str(), doc.version, stats_text(s["stats"]).c_str());
  }
  return kOk;
}

int report(const std::vector<std::string>& args) {
  std::string file, table, params_json;
  bool as_json = false, as_csv = false, as_params = false, flags = false;
  ReportParamText text;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& out) {
      if (i + 1 == args.size()) return false;
      out = args[++i];
      return true;
    };
    std::optional<std::string>* param = a == "--pipeline" ? &text.pipeline
                                        : a == "--view"   ? &text.view
                                        : a == "--from"   ? &text.from
                                        : a == "--to"     ? &text.to
                                        : a == "--now"    ? &text.now
                                        : a == "--period" ? &text.period
                                                          : nullptr;
    std::string v;
    if (param) {
      if (!value(v)) return usage(a + " needs a value");
      *param = v;
      flags = true;
    } else if (a == "--json") {
      as_json = true;
    } else if (a == "--csv") {
      if (!value(table)) return usage("--csv needs a TABLE");
      as_csv = true;
    } else if (a == "--params") {
      if (!value(params_json)) return usage("--params needs a JSON object");
      as_params = true;
    } else if (a.size() > 1 && a[0] == '-') {
      return usage("unknown option " + a);
    } else if (!file.empty()) {
      return usage("report takes one FILE");
    } else {
      file = a;
    }
  }
  if (file.empty()) return usage("report needs a FILE");
  if (as_json && as_csv) return usage("give at most one of --json and --csv");
  if (as_params && flags) return usage("--params replaces --pipeline, --view, --from, --to, --period and --now");
  if (std::string error; as_csv && !check_report_csv_table(table, error)) {
    std::fprintf(stderr, "pipeboard-json: --csv: %s\n", error.c_str());
    return kUsage;
  }
  Document doc;
  int status = kOk;
  if (!read_document_file(file, doc, status)) return status;
  // A template reports as the workspace it would make.
  const Workspace ws = doc.kind == DocumentKind::Workspace ? std::move(doc.workspace) : workspace_of(doc.templ);
  const Timestamp clock = std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::system_clock::now().time_since_epoch()).count();
  ReportParams params;
  if (as_params) {
    std::string error;
    if (!parse_report_params(ws, params_json, clock, params, error)) {
      std::fprintf(stderr, "pipeboard-json: --params: %s\n", error.c_str());
      return kUsage;
    }
  } else {
    std::vector<ParamProblem> problems;
    if (!read_report_params(ws, text, clock, params, problems)) {
      for (const auto& p : problems) std::fprintf(stderr, "pipeboard-json: --%s: %s\n", p.param.c_str(), p.message.c_str());
      return kUsage;
    }
  }
  Report r;
  std::string out, error;
  if (!compute_report(ws, params, r, error)) {
    std::fprintf(stderr, "pipeboard-json: %s\n", error.c_str());
    return kUsage;
  }
  if (as_json) out = report_json_text(r);
  else if (as_csv) report_csv(r, table, out, error);
  else out = report_text(r);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kOk;
}

}  // namespace
}  // namespace pb::cli

int main(int argc, char** argv) {
  using namespace pb::cli;
  if (argc < 2) return usage("no command");
  const std::string command = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "help" || command == "--help" || command == "-h") {
    std::printf("%s", kUsageText);
    return kOk;
  }
  if (command == "validate") return validate(args);
  if (command == "fmt") return fmt(args);
  if (command == "migrate") return migrate(args);
  if (command == "stats") return stats(args);
  if (command == "report") return report(args);
  if (command == "import") return import_command(args);
  return usage("unknown command \"" + command + "\"");
}
