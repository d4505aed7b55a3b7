// Core benchmarks: JSON save/load, board queries, one command plus its undo, the reports and a CSV import, on
// demo workspaces of 1k, 10k and 100k deals. The same program runs natively and as wasm under Node.
//
//   pipeboard_bench [--sizes 1000,10000,100000] [--runs 7] [--commands 1000] [--only json|query|command|report|import]
//                   [--out results.json]
//
// Each measurement reports the median, p90 and minimum of its samples. JSON and query samples
// are whole operations (--runs of them, after one warm-up). Command samples are the time of one
// dispatch (or undo), averaged over a group of 10 timed together: single ones take about a
// microsecond, near the cost of reading the clock in wasm (a call into JavaScript). --commands
// of each are run, so 1000 give 100 samples.
// --out writes one JSON object per measurement:
//   {"name", "size", "median_ms", "p90_ms", "min_ms", "runs", "platform": "native" | "wasm"}
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "board_as_of.hpp"
#include "csv_export.hpp"
#include "csv_import.hpp"
#include "demo.hpp"
#include "documents.hpp"
#include "query.hpp"
#include "report.hpp"
#include "report_json.hpp"
#include "session.hpp"

namespace pb::bench {
// generate.cpp
Workspace make_workspace(std::size_t deals);
Workspace make_workspace_with_history(std::size_t deals, std::size_t entries);
Command random_move(const Workspace& ws, std::uint64_t& rng);
Command random_title_update(const Workspace& ws, std::uint64_t& rng, std::size_t n);
}  // namespace pb::bench

namespace {

using namespace pb;
using Clock = std::chrono::steady_clock;

#ifdef __EMSCRIPTEN__
constexpr const char* kPlatform = "wasm";
#else
constexpr const char* kPlatform = "native";
#endif

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Result {
  std::string name;
  std::size_t size = 0;
  double median_ms = 0, p90_ms = 0, min_ms = 0;
  std::size_t runs = 0;
};

std::vector<Result> g_results;

void record(const std::string& name, std::size_t size, std::vector<double> samples) {
  if (samples.empty()) return;
  std::sort(samples.begin(), samples.end());
  const std::size_t n = samples.size();
  auto at = [&](double q) { return samples[std::min(n - 1, static_cast<std::size_t>(q * static_cast<double>(n - 1) + 0.5))]; };
  Result r{name, size, at(0.5), at(0.9), samples.front(), n};
  g_results.push_back(r);
  auto fmt = [](double ms) {
    char buf[32];
    if (ms < 1) std::snprintf(buf, sizeof buf, "%8.2f us", ms * 1000);
    else std::snprintf(buf, sizeof buf, "%8.2f ms", ms);
    return std::string(buf);
  };
  std::printf("%-28s %8zu %s %s %s %7zu\n", name.c_str(), size, fmt(r.median_ms).c_str(), fmt(r.p90_ms).c_str(),
              fmt(r.min_ms).c_str(), n);
  std::fflush(stdout);
}

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "pipeboard_bench: %s\n", what.c_str());
  std::exit(1);
}

// --- JSON ------------------------------------------------------------------------------------

void bench_json(const Workspace& ws, std::size_t size, int runs) {
  std::vector<double> save, load, trip;
  std::string text;
  for (int r = -1; r < runs; ++r) {  // r == -1: warm-up
    auto t0 = Clock::now();
    text = save_workspace(ws);
    const double s = ms_since(t0);
    Workspace loaded;
    Issues issues;
    t0 = Clock::now();
    const bool ok = load_workspace(text, loaded, issues);
    const double l = ms_since(t0);
    if (!ok) fail("load_workspace failed: " + issues.summary());
    if (r < 0) {
      if (!(loaded == ws)) fail("the loaded workspace differs from the saved one");
      // save_workspace writes deals without a DOM: it must stay byte-identical to the DOM's dump.
      if (text != workspace_to_json(ws).dump()) fail("save_workspace differs from workspace_to_json(ws).dump()");
      std::printf("%-28s %8zu %8.1f MB\n", "(json size)", size, static_cast<double>(text.size()) / 1e6);
      continue;
    }
    save.push_back(s);
    load.push_back(l);
    trip.push_back(s + l);
  }  // `loaded` is destroyed outside the timed regions
  record("json.save", size, save);
  record("json.load", size, load);
  record("json.roundtrip", size, trip);
}

// --- Queries ---------------------------------------------------------------------------------

void bench_query(const Workspace& ws, std::size_t size, int runs, const std::string& name, const Query& q) {
  std::vector<double> samples;
  std::size_t shown = 0;
  for (int r = -1; r < runs; ++r) {
    const auto t0 = Clock::now();
    QueryResult result = run_query(ws, q);
    const double ms = ms_since(t0);
    if (!result.error.empty()) fail(name + ": " + result.error);
    shown = result.totals.count;
    if (r >= 0) samples.push_back(ms);
  }
  if (shown == 0) fail(name + ": the query matched no deals");
  record(name, size, samples);
}

void bench_queries(const Workspace& ws, std::size_t size, int runs) {
  // The board: one pipeline, open deals of 50,000.00 EUR and up, by stage, biggest first.
  Query q;
  q.pipeline = "pipe_sales";
  q.filter = json{{"all", json::array({json{{"field", "status"}, {"op", "eq"}, {"value", "open"}},
                                      json{{"field", "value"}, {"op", "ge"}, {"value", 5'000'000}}})}};
  q.sort = {SortKey{"value", true}};
  q.group_by = "stage";
  bench_query(ws, size, runs, "query.stage", q);
  q.group_by = "owner";
  bench_query(ws, size, runs, "query.owner", q);
  q.group_by = "expected_close";
  bench_query(ws, size, runs, "query.expected_close_month", q);
}

// --- Commands and undo -----------------------------------------------------------------------

// Dispatches `count` commands made by `make`, timing each dispatch and then each undo. Works in
// batches well under the history limit, undoing each batch so the workspace stays as generated.
template <class Make>
void bench_commands(const Workspace& ws, std::size_t size, std::size_t count, const std::string& name, Make make) {
  Session session(ws);
  constexpr std::size_t kBatch = 100, kGroup = 10;  // kBatch stays under the undo history limit
  std::uint64_t rng = 0x9E3779B97F4A7C15ULL ^ size;
  std::vector<double> apply, undo;
  Timestamp now = 1'790'000'000'000;
  auto deal_of = [](const Command& c) {
    return std::visit([](const auto& x) -> std::string {
      if constexpr (requires { x.deal; }) return x.deal;
      else return "";
    }, c);
  };
  count = std::max(kGroup, count / kGroup * kGroup);
  for (std::size_t done = 0; done < count;) {
    const std::size_t batch = std::min(kBatch, count - done);
    for (std::size_t g = 0; g < batch; g += kGroup) {
      // A group's commands are made before it is timed, each on a different deal so all stay valid.
      std::vector<Command> group;
      std::vector<std::string> deals;
      while (group.size() < kGroup) {
        Command c = make(session.workspace(), rng, done + g + group.size());
        std::string deal = deal_of(c);
        if (std::find(deals.begin(), deals.end(), deal) != deals.end()) continue;
        deals.push_back(std::move(deal));
        group.push_back(std::move(c));
      }
      const auto t0 = Clock::now();
      for (const Command& c : group) {
        const Outcome o = session.dispatch(c, now += 1000);
        if (!o.ok) fail(name + ": " + o.error);
      }
      apply.push_back(ms_since(t0) / kGroup);
    }
    for (std::size_t g = 0; g < batch; g += kGroup) {
      const auto t0 = Clock::now();
      for (std::size_t i = 0; i < kGroup; ++i)
        if (const Outcome o = session.undo(); !o.ok) fail(name + " undo: " + o.error);
      undo.push_back(ms_since(t0) / kGroup);
    }
    done += batch;
  }
  if (!(session.workspace() == ws)) fail(name + ": undo did not restore the workspace");
  record("command." + name, size, apply);
  record("undo." + name, size, undo);
}

// --- Reports ---------------------------------------------------------------------------------

void bench_reports(std::size_t size, int runs) {
  const Workspace ws = bench::make_workspace_with_history(size, 10);
  std::size_t entries = 0;
  for (const Deal& d : ws.deals) entries += d.history.size();
  std::printf("%-28s %8zu %8zu entries\n", "(history)", size, entries);
  ReportParams params;  // every pipeline, the 12 months up to now
  params.period.now = DemoOptions{}.now;
  params.period.to = date_of(params.period.now);
  params.period.from = Date{params.period.to.days - 364};
  std::vector<double> compute, with_json;
  for (int r = -1; r < runs; ++r) {
    Report report;
    std::string error;
    auto t0 = Clock::now();
    if (!compute_report(ws, params, report, error)) fail("compute_report: " + error);
    const double ms = ms_since(t0);
    t0 = Clock::now();
    const std::string text = report_json_text(report);
    const double json_ms = ms_since(t0);
    if (report.pipelines.size() != ws.pipelines.size() || report.pipelines[0].summary.open_count == 0)
      fail("the report is missing figures");
    if (r < 0) continue;
    compute.push_back(ms);
    with_json.push_back(ms + json_ms);
  }  // each report is destroyed outside the timed regions
  record("report.all_pipelines", size, compute);
  record("report.json", size, with_json);

  // Switching the board to a past day: what the app does before the next frame (view_model.cpp,
  // frame_model.cpp): replay every deal to that day, run the board's query on it, and the
  // sidebar's summaries. Each run a different day, as Play steps.
  std::vector<double> switch_day, replay;
  Query q;
  q.pipeline = "pipe_sales";
  q.group_by = "stage";
  q.sort = {SortKey{"updated", true}};
  for (int r = -1; r < runs; ++r) {
    const Date day{params.period.to.days - 45 + r};
    auto t0 = Clock::now();
    PastBoard past = board_as_of(ws, day);
    const double replay_ms = ms_since(t0);
    QueryResult board = run_query(past.workspace, q);
    std::vector<PipelineSummary> summaries = summarize_pipelines(past.workspace);
    const double ms = ms_since(t0);
    if (board.groups.empty() || summaries.empty() || past.changed_since.empty()) fail("the past board is empty");
    if (r >= 0) switch_day.push_back(ms), replay.push_back(replay_ms);
  }
  record("past_day.replay", size, replay);
  record("past_day.switch", size, switch_day);
}

// --- Importing a CSV -------------------------------------------------------------------------

// A 100,000-row CSV as a user brings it: Pipeboard's own export of the demo workspace (every
// column), read with the mapping the mapping screen suggests: the detection (inspect_csv, on
// the drop) and the whole import (import_csv) timed apart.
void bench_import(const Workspace& ws, std::size_t size, int runs) {
  std::vector<const Deal*> deals;
  for (const Deal& d : ws.deals) deals.push_back(&d);
  const std::string csv = export_deals_csv(ws, deals, default_export_columns(ws));
  std::printf("%-28s %8zu %8.1f MB\n", "(csv)", size, static_cast<double>(csv.size()) / 1e6);
  std::vector<double> inspect, convert;
  for (int r = -1; r < runs; ++r) {
    auto t0 = Clock::now();
    const CsvInspection in = inspect_csv(csv);
    const double inspect_ms = ms_since(t0);
    if (!in.ok || in.rows != size) fail("inspect_csv: the rows are not all there");
    t0 = Clock::now();
    SourceImport result = import_csv(csv, in.mapping, DemoOptions{}.now);
    const double ms = ms_since(t0);
    if (!result.ok || result.document["deals"].size() != size || !result.errors.ok()) fail("import_csv: " + result.errors.summary());
    if (r < 0) continue;
    inspect.push_back(inspect_ms);
    convert.push_back(ms);
  }
  record("import.csv_inspect", size, inspect);
  record("import.csv", size, convert);
}

// --- Main ------------------------------------------------------------------------------------

std::vector<std::size_t> parse_sizes(const std::string& s) {
  std::vector<std::size_t> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t comma = std::min(s.find(',', start), s.size());
    const std::string part = s.substr(start, comma - start);
    char* end = nullptr;
    const unsigned long long n = std::strtoull(part.c_str(), &end, 10);
    std::size_t v = static_cast<std::size_t>(n);
    if (end && (*end == 'k' || *end == 'K')) v *= 1000, ++end;
    if (part.empty() || !end || *end || v == 0) fail("--sizes: bad size \"" + part + "\"");
    out.push_back(v);
    start = comma + 1;
  }
  return out;
}

void write_json(const std::string& path) {
  json out = json::array();
  for (const auto& r : g_results)
    out.push_back(json{{"name", r.name}, {"size", r.size}, {"median_ms", r.median_ms}, {"p90_ms", r.p90_ms},
                       {"min_ms", r.min_ms}, {"runs", r.runs}, {"platform", kPlatform}});
  std::ofstream f(path, std::ios::binary);
  f << out.dump(1) << '\n';
  if (!f) fail("cannot write " + path);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::size_t> sizes = {1'000, 10'000, 100'000};
  int runs = 7;
  std::size_t commands = 1000;
  std::string out;
  std::vector<std::string> only;  // measurement groups to run: json, query, command, report, import
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) fail(std::string(a) + " needs a value");
      return argv[++i];
    };
    if (a == "--sizes") sizes = parse_sizes(value());
    else if (a == "--runs") runs = std::max(1, std::atoi(value().c_str()));
    else if (a == "--commands") commands = std::max<std::size_t>(1, std::strtoull(value().c_str(), nullptr, 10));
    else if (a == "--out") out = value();
    else if (a == "--only") only.push_back(value());
    else if (a == "--help" || a == "-h") {
      std::printf("usage: pipeboard_bench [--sizes 1000,10k,100k] [--runs N] [--commands N] [--only json|query|command|report|import] [--out FILE]\n");
      return 0;
    } else fail("unknown argument " + std::string(a));
  }
  auto wanted = [&](std::string_view group) { return only.empty() || std::find(only.begin(), only.end(), group) != only.end(); };

  std::printf("Pipeboard core benchmarks (%s): runs %d, commands %zu\n", kPlatform, runs, commands);
  std::printf("%-28s %8s %11s %11s %11s %7s\n", "measure", "deals", "median", "p90", "min", "samples");
  for (std::size_t size : sizes) {
    const Workspace ws = bench::make_workspace(size);
    if (wanted("json")) bench_json(ws, size, runs);
    if (wanted("query")) bench_queries(ws, size, std::max(runs, 15));
    if (wanted("command")) {
      bench_commands(ws, size, commands, "deal_move",
                     [](const Workspace& w, std::uint64_t& rng, std::size_t) { return bench::random_move(w, rng); });
      bench_commands(ws, size, commands, "deal_update_title", [](const Workspace& w, std::uint64_t& rng, std::size_t n) {
        return bench::random_title_update(w, rng, n);
      });
    }
    if (wanted("report")) bench_reports(size, runs);
    if (wanted("import")) bench_import(ws, size, runs);
  }
  if (!out.empty()) write_json(out);
  return 0;
}
