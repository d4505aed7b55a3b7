// Hostile and broken documents: every class of problem, for both the workspace and the template
// document, gets its message at its JSON Pointer, changes nothing, and costs bounded time.
// Each case goes through every entry point that takes untrusted text: load_workspace /
// load_template, the import preview, and the workspace.import / template.import commands.
#include <chrono>
#include <functional>

#include "demo.hpp"
#include "import_preview.hpp"
#include "test_helpers.hpp"

using namespace pb;
using namespace pb::test;

namespace {

enum class Kind { Workspace, Template };
constexpr Kind kKinds[] = {Kind::Workspace, Kind::Template};

json sample(Kind k) {
  json doc;
  std::string error;
  const std::string text = read_file(k == Kind::Workspace ? "tests/samples/workspace-v2.json" : "tests/samples/template-v2.json");
  REQUIRE(parse_json(text, doc, error));
  return doc;
}

const char* name_of(Kind k) { return k == Kind::Workspace ? "workspace" : "template"; }

const Workspace& sentinel() {
  static const Workspace ws = make_demo_workspace({.deals = 3});
  return ws;
}

// The first issue a document load reports, checking that the output was left alone.
Issue load_issue(Kind k, std::string_view text) {
  Issues issues;
  if (k == Kind::Workspace) {
    Workspace out = sentinel();
    CHECK_FALSE(load_workspace(text, out, issues));
    CHECK(out == sentinel());
  } else {
    Template out, untouched;
    out.name = untouched.name = "untouched";
    CHECK_FALSE(load_template(text, out, issues));
    CHECK(out == untouched);
  }
  REQUIRE_FALSE(issues.list().empty());
  return issues.list().front();
}

struct Expect {
  Expect(std::string p, std::string m, std::string pm = "") : path(std::move(p)), message(std::move(m)), preview_message(std::move(pm)) {}
  std::string path;             // exact, or a prefix when it ends with "*"
  std::string message;          // exact, or a prefix when it ends with "*"
  std::string preview_message;  // when the preview says it differently ("" = the same)
};

// Paths and messages: exact, or a prefix when the expectation ends with "*".
void check_message(const std::string& got, const std::string& want) {
  INFO("got: " << got);
  if (!want.empty() && want.back() == '*') CHECK(got.rfind(want.substr(0, want.size() - 1), 0) == 0);
  else CHECK(got == want);
}

// Runs the text through every entry point; each must report `want` and change nothing.
void expect_rejected(Kind k, const std::string& text, const Expect& want) {
  INFO(name_of(k) << " document, expecting " << want.path << ": " << want.message);
  const Issue got = load_issue(k, text);
  check_message(got.path, want.path);
  check_message(got.message, want.message);
  CHECK(got.str().size() < 1000);  // messages stay short whatever the input holds

  Session s = small_session();
  ok(s, deal("d1", "Acme", 1000));
  const Workspace before = s.workspace();
  const std::size_t steps = s.history_steps();
  const ImportPreview preview = preview_import(s.workspace(), text);
  CHECK_FALSE(preview.ok);
  REQUIRE_FALSE(preview.errors.empty());
  check_message(preview.errors.front().path, want.path);
  check_message(preview.errors.front().message, want.preview_message.empty() ? want.message : want.preview_message);

  // The same text inside a command: the command's own parser, or the import, refuses it.
  const std::string key = k == Kind::Workspace ? "workspace" : "template";
  Outcome o = s.dispatch_json("{\"type\": \"" + key + ".import\", \"" + key + "\": " + text + "}", kNow);
  CHECK_FALSE(o.ok);
  CHECK_FALSE(o.error.empty());
  CHECK(o.error.size() < 1000);
  CHECK(s.workspace() == before);
  CHECK(s.history_steps() == steps);
}

// Edits a copy of the sample document and expects it rejected.
void expect_edit_rejected(Kind k, const std::function<void(json&)>& edit, const Expect& want) {
  json doc = sample(k);
  edit(doc);
  expect_rejected(k, doc.dump(), want);
}

// The same edit and expectation for both documents.
void both(const std::function<void(json&)>& edit, const Expect& want) {
  for (Kind k : kKinds) expect_edit_rejected(k, edit, want);
}

template <class F>
double seconds(F&& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("hostile input: the samples themselves are accepted everywhere") {
  for (Kind k : kKinds) {
    INFO(name_of(k));
    const std::string text = sample(k).dump();
    Session s = small_session();
    const ImportPreview p = preview_import(s.workspace(), text);
    CHECK(p.ok);
    CHECK(p.errors.empty());
    CHECK(s.dispatch_json("{\"type\": \"" + std::string(name_of(k)) + ".import\", \"" + name_of(k) + "\": " + text + "}", kNow).ok);
  }
}

TEST_CASE("hostile input: text that is not a JSON document") {
  for (Kind k : kKinds) {
    expect_rejected(k, "", {"", "not valid JSON"});
    expect_rejected(k, "{\"format\": ", {"", "not valid JSON"});
    expect_rejected(k, "pipeboard", {"", "not valid JSON"});
    expect_rejected(k, "{\"a\": 1} trailing", {"", "not valid JSON"});
    expect_rejected(k, "[1, 2]", {"", "expected a JSON object, got an array"});
    expect_rejected(k, "\"pipeboard.workspace\"", {"", "expected a JSON object, got a string"});
    expect_rejected(k, "null", {"", "expected a JSON object, got null"});
    // Numbers past what a double holds are refused by the parser rather than turned into infinity.
    expect_rejected(k, "{\"format\": 1e400}", {"", "not valid JSON"});
  }
}

TEST_CASE("hostile input: wrong or missing format") {
  for (Kind k : kKinds) {
    const std::string mine = k == Kind::Workspace ? "pipeboard.workspace" : "pipeboard.template";
    const std::string either = "\"pipeboard.workspace\" or \"pipeboard.template\"";
    expect_edit_rejected(k, [](json& d) { d["format"] = "pipeboard.board"; },
                         {"/format", "expected \"" + mine + "\", got \"pipeboard.board\"",
                          "expected " + either + ", got \"pipeboard.board\""});
    expect_edit_rejected(k, [](json& d) { d.erase("format"); },
                         {"/format", "is required and must be \"" + mine + "\"", "is required and must be " + either});
    expect_edit_rejected(k, [](json& d) { d["format"] = 2; },
                         {"/format", "is required and must be \"" + mine + "\"", "is required and must be " + either});
    // A huge format string is quoted only in part.
    expect_edit_rejected(k, [](json& d) { d["format"] = std::string(1'000'000, 'x'); }, {"/format", "expected *"});
  }
  // Each reader refuses the other document (the preview takes both, so only the loaders are checked).
  CHECK(load_issue(Kind::Workspace, sample(Kind::Template).dump()).str() ==
        "/format: expected \"pipeboard.workspace\", got \"pipeboard.template\"");
  CHECK(load_issue(Kind::Template, sample(Kind::Workspace).dump()).str() ==
        "/format: expected \"pipeboard.template\", got \"pipeboard.workspace\"");
}

TEST_CASE("hostile input: versions from the future, and versions that are not versions") {
  both([](json& d) { d["version"] = 3; },
       {"/version", "this file is from a newer Pipeboard (version 3); this app reads versions 1 to 2"});
  both([](json& d) { d["version"] = 999999999999; }, {"/version", "must be between 1 and 1000000"});
  both([](json& d) { d["version"] = 0; }, {"/version", "must be between 1 and 1000000"});
  both([](json& d) { d["version"] = "2"; }, {"/version", "expected an integer, got a string"});
  both([](json& d) { d["version"] = 2.5; }, {"/version", "expected an integer, got a fraction or a number out of range"});
  both([](json& d) { d.erase("version"); }, {"/version", "is required"});
}

TEST_CASE("hostile input: a 200 MB file is refused by its size, before parsing") {
  // Valid JSON (a sample plus 200 MB of spaces), so only the size can be the reason.
  for (Kind k : kKinds) {
    std::string text = sample(k).dump();
    text.append(std::size_t{200} << 20, ' ');
    const std::string limit = k == Kind::Workspace ? "128 MB" : "16 MB";
    // The preview cannot tell the kind without parsing, so it names both limits.
    double took = seconds([&] {
      expect_rejected(k, text, {"", "the file is " + std::to_string(text.size()) + " bytes; the limit is " + limit,
                                "the file is " + std::to_string(text.size()) + " bytes; the limit is 128 MB for workspaces, 16 MB for templates"});
    });
    CHECK(took < 20.0);
  }
}

TEST_CASE("hostile input: nesting 100,000 levels deep is refused by a pre-scan, without recursion") {
  // nlohmann's parser and destructor are iterative, but dump, copy and compare recurse: an
  // accepted 100,000-level document would overflow the stack later (checked while writing this).
  for (Kind k : kKinds) {
    for (const char* open : {"[", "{\"a\":"}) {
      std::string deep;
      for (int i = 0; i < 100'000; ++i) deep += open;
      deep += "1";
      for (int i = 0; i < 100'000; ++i) deep += open[0] == '[' ? ']' : '}';
      std::string text = sample(k).dump();
      text.insert(text.size() - 1, ",\"notes\":" + deep);
      double took = seconds([&] { expect_rejected(k, text, {"", "nesting is deeper than 64 levels"}); });
      CHECK(took < 10.0);
    }
    // Just within the limit is fine for the parser (and then an unknown field for the reader).
    std::string ok_depth = sample(k).dump();
    ok_depth.insert(ok_depth.size() - 1, ",\"extra\":" + std::string(63, '[') + std::string(63, ']'));
    expect_rejected(k, ok_depth, {"/extra", "unknown field"});
  }
}

TEST_CASE("hostile input: millions of tiny values are refused before building a DOM") {
  // [0,0,0,...] would cost 16 bytes a value in memory, [{},{},...] about 80.
  std::string text = sample(Kind::Workspace).dump();
  std::string zeros = ",\"extra\":[0";
  zeros.reserve(21'000'000);
  for (int i = 0; i < 10'000'000; ++i) zeros += ",0";
  zeros += "]";
  text.insert(text.size() - 1, zeros);
  expect_rejected(Kind::Workspace, text, {"", "the document holds more than 10000000 values"});
  // A template's 16 MB cannot hold that many: its size limit applies first.
  text = sample(Kind::Template).dump();
  text.insert(text.size() - 1, zeros);
  expect_rejected(Kind::Template, text, {"", "the file is *", "the document holds more than 10000000 values"});
}

TEST_CASE("hostile input: duplicate ids") {
  both([](json& d) { d["deals"][1]["id"] = d["deals"][0]["id"]; }, {"/deals/1/id", "repeats id *"});
  for (Kind k : kKinds)
    expect_edit_rejected(k, [](json& d) { d["people"].push_back(d["people"][0]); },
                         {"/people/" + std::to_string(sample(k)["people"].size()) + "/id", "repeats id *"});
  both([](json& d) { d["fields"][1]["id"] = d["fields"][0]["id"]; }, {"/fields/1/id", "repeats id *"});
  both([](json& d) { d["views"].push_back(d["views"][0]); }, {"/views/1/id", "repeats id *"});
  expect_edit_rejected(Kind::Workspace, [](json& d) { d["pipelines"][1]["id"] = "p_sales"; }, {"/pipelines/1/id", "repeats id \"p_sales\""});
  expect_edit_rejected(Kind::Workspace, [](json& d) { d["pipelines"][1]["stages"][0]["id"] = "st_lead"; },
                       {"/pipelines/1/stages/0/id", "stage id \"st_lead\" is already used in pipeline \"Residential sales\""});
  expect_edit_rejected(Kind::Template, [](json& d) { d["pipeline"]["stages"][1]["id"] = "ts_enquiry"; },
                       {"/pipeline/stages/1/id", "repeats stage id \"ts_enquiry\""});
  expect_edit_rejected(Kind::Template, [](json& d) { d["fields"][0]["options"] = {"Yes", "No", "Yes"}; },
                       {"/fields/0/options/2", "repeats option \"Yes\""});
}

TEST_CASE("hostile input: references to stages, pipelines, people and fields that do not exist") {
  both([](json& d) { d["deals"][0]["pipeline"] = "nope"; }, {"/deals/0/pipeline", "no pipeline has id \"nope\""});
  both([](json& d) { d["deals"][0]["stage"] = "nope"; }, {"/deals/0/stage", "pipeline *"});
  both([](json& d) { d["deals"][0]["owner"] = "nobody"; }, {"/deals/0/owner", "no person has id \"nobody\""});
  both([](json& d) { d["deals"][0]["custom"]["f_nope"] = 1; }, {"/deals/0/custom/f_nope", "no custom field has this id"});
  both([](json& d) { d["views"][0]["hidden_stages"] = {"nope"}; },
       {"/views/0/hidden_stages/0", "no stage with id \"nope\" in this view's pipeline"});
  both([](json& d) { d["views"][0]["group_by"] = "custom.f_nope"; }, {"/views/0/group_by", "unknown field \"custom.f_nope\""});
  expect_edit_rejected(Kind::Workspace, [](json& d) { d["views"][0]["pipeline"] = "nope"; },
                       {"/views/0/pipeline", "no pipeline has id \"nope\""});
  expect_edit_rejected(Kind::Template, [](json& d) { d["views"][0]["pipeline"] = "nope"; },
                       {"/views/0/pipeline", "must be the template's pipeline or empty"});
  // A stage of the other pipeline.
  expect_edit_rejected(Kind::Workspace, [](json& d) { d["deals"][0]["stage"] = "jp_new"; },
                       {"/deals/0/stage", "pipeline \"Residential sales\" has no stage with id \"jp_new\""});
}

TEST_CASE("hostile input: a 50 MB string, and huge keys") {
  // 50 MB through the loader only: nlohmann lexes strings a character at a time, ~10 s per pass
  // in the sanitized debug build (0.3 s optimized). The other entry points get a long string below.
  auto with_huge_title = [](Kind k) {
    std::string text = sample(k).dump();
    const std::size_t at = text.find("\"title\":\"") + 9;
    text.insert(at, std::size_t{50} << 20, 'x');
    return text;
  };
  const double took = seconds([&] {
    CHECK(load_issue(Kind::Workspace, with_huge_title(Kind::Workspace)).str().rfind("/deals/0/title: is too long (524288", 0) == 0);
  });
  CHECK(took < 60.0);
  both([](json& d) { d["deals"][0]["notes"] = std::string(100'001, 'n'); },
       {"/deals/0/notes", "is too long (100001 bytes, at most 100000)"});
  both([](json& d) { d["deals"][0]["title"] = std::string(1'000'000, 'x'); }, {"/deals/0/title", "is too long (1000000 bytes, at most 200)"});
  // A template that big is over its 16 MB limit, refused before parsing.
  CHECK(load_issue(Kind::Template, with_huge_title(Kind::Template)).message.rfind("the file is ", 0) == 0);
  // A long key is cut short in the path (with an ellipsis) rather than copied into the message.
  const std::string key(10'000, 'k');
  both([&](json& d) { d[key] = 1; }, {"/" + std::string(100, 'k') + "\xE2\x80\xA6", "unknown field"});
}

TEST_CASE("hostile input: text that is not UTF-8") {
  for (Kind k : kKinds) {
    std::string text = sample(k).dump();
    const std::size_t at = text.find("\"title\":\"") + 9;
    text[at] = '\xC3';  // a lead byte followed by ASCII
    expect_rejected(k, text, {"", "not valid JSON (the text is not valid UTF-8)"});
    text[at] = '\xFF';
    expect_rejected(k, text, {"", "not valid JSON (the text is not valid UTF-8)"});
    std::string surrogate = sample(k).dump();
    surrogate.insert(surrogate.find("\"title\":\"") + 9, "\xED\xA0\x80");  // a UTF-16 surrogate encoded as UTF-8
    expect_rejected(k, surrogate, {"", "not valid JSON (the text is not valid UTF-8)"});
  }
  // JSON built in C++ skips the parser's check: the readers still catch it, at its path.
  Session s = small_session();
  const Workspace before = s.workspace();
  json t = sample(Kind::Template);
  t["deals"][0]["title"] = "Flat \xC3";
  cmd::TemplateImport import;
  import.template_doc = t;
  Outcome o = s.dispatch(import, kNow);
  CHECK(o.error == "/template/deals/0/title: is not valid UTF-8 text");
  json w = sample(Kind::Workspace);
  w["people"][0]["name"] = "\xFFnna";
  o = s.dispatch(cmd::WorkspaceImport{w}, kNow);
  CHECK(o.error == "/workspace/people/0/name: is not valid UTF-8 text");
  json key = sample(Kind::Workspace);
  key["x\xFF"] = 1;  // a bad key: its path is made printable
  o = s.dispatch(cmd::WorkspaceImport{key}, kNow);
  CHECK(o.error == "/workspace/x\xEF\xBF\xBD: unknown field");
  CHECK(valid_utf8(o.error));
  CHECK(s.workspace() == before);
}

TEST_CASE("hostile input: negative, overflowing and fractional money") {
  const std::string range = "must be between -1000000000000 and 1000000000000";
  both([](json& d) { d["deals"][0]["value"]["amount"] = -1'000'000'000'001; }, {"/deals/0/value/amount", range});
  both([](json& d) { d["deals"][0]["value"]["amount"] = 1'000'000'000'001; }, {"/deals/0/value/amount", range});
  both([](json& d) { d["deals"][0]["value"]["amount"] = std::numeric_limits<std::int64_t>::min(); }, {"/deals/0/value/amount", range});
  both([](json& d) { d["deals"][0]["value"]["amount"] = std::numeric_limits<std::uint64_t>::max(); }, {"/deals/0/value/amount", range});
  both([](json& d) { d["deals"][0]["value"]["amount"] = 12.5; },
       {"/deals/0/value/amount", "expected an integer, got a fraction or a number out of range"});
  both([](json& d) { d["deals"][0]["value"]["amount"] = "100"; }, {"/deals/0/value/amount", "expected an integer, got a string"});
  both([](json& d) { d["deals"][0]["value"]["currency"] = "XXZ"; },
       {"/deals/0/value/currency", "is not an ISO 4217 currency code: \"XXZ\""});
  both([](json& d) { d["deals"][0]["value"].erase("currency"); }, {"/deals/0/value/currency", "is required"});
  // Past int64 in the text: the parser makes it a float, which is refused rather than wrapped.
  for (Kind k : kKinds) {
    std::string text = sample(k).dump();
    const std::string amount = "\"amount\":";
    const std::size_t at = text.find(amount) + amount.size();
    text.replace(at, text.find(',', at) - at, "-92233720368547758090");
    expect_rejected(k, text, {"/deals/0/value/amount", "expected an integer, got a fraction or a number out of range"});
  }
  // Money custom fields follow the same rules.
  expect_edit_rejected(Kind::Workspace, [](json& d) {
    d["fields"].push_back({{"id", "f_budget"}, {"name", "Budget"}, {"type", "money"}});
    d["deals"][0]["custom"]["f_budget"] = {{"amount", -1'000'000'000'001}, {"currency", "EUR"}};
  }, {"/deals/0/custom/f_budget/amount", range});
}

TEST_CASE("hostile input: dates and times that do not exist") {
  const std::string no_day = "expected a date like 2026-03-31, got \"2026-02-30\" (or a day that does not exist)";
  both([](json& d) { d["deals"][0]["expected_close"] = "2026-02-30"; }, {"/deals/0/expected_close", no_day});
  both([](json& d) { d["deals"][0]["expected_close"] = "2025-02-29"; }, {"/deals/0/expected_close", "expected a date like *"});
  both([](json& d) { d["deals"][0]["expected_close"] = "2026-13-01"; }, {"/deals/0/expected_close", "expected a date like *"});
  both([](json& d) { d["deals"][0]["expected_close"] = "30.02.2026"; }, {"/deals/0/expected_close", "expected a date like *"});
  both([](json& d) { d["deals"][0]["created"] = "2026-02-30T10:00:00Z"; }, {"/deals/0/created", "expected a UTC time like *"});
  both([](json& d) { d["deals"][0]["created"] = "2026-09-01T24:00:00Z"; }, {"/deals/0/created", "expected a UTC time like *"});
  both([](json& d) { d["deals"][0]["history"][0]["at"] = "yesterday"; }, {"/deals/0/history/0/at", "expected a UTC time like *"});
  expect_edit_rejected(Kind::Workspace, [](json& d) { d["deals"][0]["custom"]["f_move"] = "2026-02-30"; },
                       {"/deals/0/custom/f_move", no_day});
}

TEST_CASE("hostile input: wrong types, unknown and missing fields, inconsistent records") {
  both([](json& d) { d["deals"] = json::object(); }, {"/deals", "expected an array, got an object"});
  both([](json& d) { d["deals"][0] = "deal"; }, {"/deals/0", "expected an object, got a string"});
  both([](json& d) { d["deals"][0]["title"] = 7; }, {"/deals/0/title", "expected a string, got an integer"});
  both([](json& d) { d["deals"][0]["colour"] = "red"; }, {"/deals/0/colour", "unknown field"});
  both([](json& d) { d["deals"][0].erase("title"); }, {"/deals/0/title", "is required"});
  // null for a required field is the field missing (it used to load, and then not load once saved).
  both([](json& d) { d["deals"][0]["title"] = nullptr; }, {"/deals/0/title", "is required"});
  both([](json& d) { d["deals"][0]["value"] = nullptr; }, {"/deals/0/value", "is required"});
  both([](json& d) { d["people"][0]["name"] = nullptr; }, {"/people/0/name", "is required"});
  both([](json& d) { d["views"][0]["name"] = nullptr; }, {"/views/0/name", "is required"});
  expect_edit_rejected(Kind::Workspace, [](json& d) { d["pipelines"][0]["name"] = nullptr; }, {"/pipelines/0/name", "is required"});
  expect_edit_rejected(Kind::Template, [](json& d) { d["pipeline"]["stages"][0]["name"] = nullptr; },
                       {"/pipeline/stages/0/name", "is required"});
  both([](json& d) { d["deals"][0]["status"] = "closed"; }, {"/deals/0/status", "must be one of open, won, lost, got \"closed\""});
  both([](json& d) { d["deals"][0]["updated"] = "2020-01-01T00:00:00Z"; }, {"/deals/0/updated", "is earlier than created"});
  both([](json& d) { d["deals"][0]["lost_reason"] = "x"; }, {"/deals/0/lost_reason", "only lost deals have a lost reason"});
  both([](json& d) { d["people"][0]["name"] = "  "; }, {"/people/0/name", "must not be empty"});
  both([](json& d) { d["views"][0]["filter"] = {{"field", "title"}, {"op", "like"}, {"value", "a"}}; },
       {"/views/0/filter/op", "unknown operator \"like\""});
  json deep_filter = {{"text", "x"}};
  for (int i = 0; i < 20; ++i) deep_filter = {{"not", deep_filter}};
  both([&](json& d) { d["views"][0]["filter"] = deep_filter; }, {"/views/0/filter*", "filter is nested deeper than 16 levels"});
  expect_edit_rejected(Kind::Template, [](json& d) { d.erase("pipeline"); }, {"/pipeline", "is required"});
  expect_edit_rejected(Kind::Template, [](json& d) {
    for (auto& s : d["pipeline"]["stages"]) s["kind"] = "won";
  }, {"/pipeline/stages", "a pipeline needs at least one open stage"});
  expect_edit_rejected(Kind::Template, [](json& d) { d["pipeline"]["stages"] = json::array(); },
                       {"/pipeline/stages", "a pipeline needs at least one stage"});
}

TEST_CASE("hostile input: counts past the limits") {
  // A choice field with 100,000 options: refused by count (the repeat check would otherwise be quadratic).
  json options = json::array();
  for (int i = 0; i < 100'000; ++i) options.push_back("o" + std::to_string(i));
  expect_edit_rejected(Kind::Template, [&](json& d) { d["fields"][0]["options"] = options; },
                       {"/fields/0/options", "has 100000 entries; the limit is 1000"});
  expect_edit_rejected(Kind::Template, [&](json& d) { d["fields"][0]["options"] = {std::string(201, 'o')}; },
                       {"/fields/0/options/0", "is too long (201 bytes, at most 200)"});
  json stages = json::array();
  for (int i = 0; i < 101; ++i) stages.push_back({{"id", "s" + std::to_string(i)}, {"name", "S"}});
  both([&](json& d) {
    if (d.contains("pipeline")) d["pipeline"]["stages"] = stages;
    else d["pipelines"][0]["stages"] = stages;
  }, {"*", "a pipeline has at most 100 stages"});
}

TEST_CASE("hostile input: many pipelines and stages validate in linear time") {
  // 1,000 pipelines x 100 stages, and a view hiding all 100,000 stage ids: checking each stage id
  // against every pipeline would take 10^10 steps; an index takes one pass.
  auto document = [](bool repeat_a_stage) {
    std::string pipelines, hidden;
    for (int p = 0; p < 1'000; ++p) {
      std::string stages;
      for (int s = 0; s < 100; ++s) {
        const bool repeat = repeat_a_stage && p == 999 && s == 99;
        const std::string id = repeat ? "s0_0" : "s" + std::to_string(p) + "_" + std::to_string(s);
        stages += (s ? "," : "") + std::string("{\"id\":\"") + id + "\",\"name\":\"S\"}";
        if (!repeat) hidden += (hidden.empty() ? "\"" : ",\"") + id + "\"";
      }
      pipelines += (p ? "," : "") + std::string("{\"id\":\"p") + std::to_string(p) + "\",\"name\":\"P\",\"stages\":[" + stages + "]}";
    }
    return "{\"format\":\"pipeboard.workspace\",\"version\":2,\"pipelines\":[" + pipelines +
           "],\"views\":[{\"id\":\"v\",\"name\":\"All\",\"hidden_stages\":[" + hidden + "]}]}";
  };
  Workspace ws;
  Issues issues;
  const std::string text = document(false);
  const double took = seconds([&] { CHECK(load_workspace(text, ws, issues)); });
  CHECK(issues.summary() == "");
  CHECK(ws.pipelines.size() == 1'000);
  CHECK(took < 20.0);
  // The last pipeline repeating the first one's stage id is still found.
  Workspace out;
  Issues dup;
  CHECK_FALSE(load_workspace(document(true), out, dup));
  CHECK(dup.summary() == "/pipelines/999/stages/99/id: stage id \"s0_0\" is already used in pipeline \"P\"");
}

TEST_CASE("hostile input: thousands of errors are counted, a few hundred kept") {
  json doc = sample(Kind::Workspace);
  for (int i = 0; i < 5'000; ++i) doc["deals"].push_back(json{{"id", 1}});
  Workspace out;
  Issues issues;
  CHECK_FALSE(read_workspace(doc, out, issues));
  CHECK(issues.list().size() == 200);
  CHECK(issues.count() > 5'000);
  const ImportPreview p = preview_import(Workspace{}, doc.dump());
  CHECK(p.errors.size() == 200);
  CHECK(p.error_count == issues.count());
}
