// The two workspace readers against each other (issue 11): load_workspace and load_document on the
// fast path (the deal scanner, reader/deal_text.cpp) and on ReadPath::Plain (the DOM reader, the
// reference) must agree, as fuzz/compare_readers.hpp defines it, on every document in the repo and
// every fuzz regression.
#include <cmath>

#include "../fuzz/compare_readers.hpp"
#include "test_helpers.hpp"

using namespace pb;

namespace {

std::size_t check_files(const std::vector<std::string>& files) {
  for (const std::string& file : files) {
    const fuzz::ReaderComparison r = fuzz::compare_readers(test::read_file(file));
    CHECK_MESSAGE(r.difference.empty(), file << ": " << r.difference);
  }
  return files.size();
}

// A small valid workspace using every kind of deal value, written by hand (keys in no particular
// order). Small, because under ASan reading costs about 2 ms per kilobyte; the views are left to
// the workspace-v2 sample.
constexpr std::string_view kSmall = R"({"format":"pipeboard.workspace","version":2,
"pipelines":[{"id":"p1","name":"Sales","currency":"EUR","stages":[{"id":"s1","name":"New","probability":10},
 {"id":"s2","name":"Won","kind":"won","probability":100},{"id":"s3","name":"Lost","kind":"lost"}]}],
"people":[{"id":"u1","name":"Ana"}],
"fields":[{"id":"f_n","name":"Seats","type":"number"},{"id":"f_c","name":"Size","type":"choice","options":["S","M"]},
 {"id":"f_m","name":"Budget","type":"money"},{"id":"f_d","name":"Signed","type":"date"},{"id":"f_t","name":"Memo","type":"text"}],
"deals":[{"id":"d1","title":"Flat \"4B\"","pipeline":"p1","stage":"s1","value":{"amount":120000,"currency":"EUR"},
 "owner":"u1","company":"\u0141\u00f3d\u017a Co","expected_close":"2026-10-30","created":"2026-08-03T09:15:00Z",
 "updated":"2026-08-20T16:40:00.250Z","custom":{"f_n":3,"f_c":"M","f_m":{"amount":-5,"currency":"JPY"},
 "f_d":"2026-12-01","f_t":"tab\t\ud83d\ude00"},"history":[{"pipeline":"p1","stage":"s1","at":"2026-08-03T09:15:00Z"}]},
 {"id":"d2","title":"House","pipeline":"p1","stage":"s2","status":"won","value":{"amount":0,"currency":"EUR"},
 "created":"2026-06-11T06:00:00Z","updated":"2026-06-11T06:00:00Z","custom":{"f_n":2.5},"history":[]},
 {"id":"d3","title":"Shop","pipeline":"p1","stage":"s3","status":"lost","lost_reason":"Price","notes":"Line\nbreak",
 "value":{"amount":99,"currency":"KWD"},"created":"2026-01-01T00:00:00Z","updated":"2026-01-02T00:00:00Z"}]})";

// The text without whitespace outside strings (the samples are indented; smaller is faster).
std::string minified(std::string_view text) {
  std::string out;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      continue;
    } else {
      in_string = c == '"';
    }
    out += c;
  }
  return out;
}
}  // namespace

TEST_CASE("the readers agree on every sample, template and fixture document, and every fuzz regression") {
  std::size_t files = 0;
  for (const char* dir : {"assets/templates", "assets/schema", "tests/samples", "tests/fixtures", "tests/fuzz/regressions"})
    files += check_files(test::files_in(dir));
  CHECK(files >= 17);
  // Other tools' exports, for the importers: never workspaces, but any text must get the same answer.
  const std::size_t shared = check_files(test::files_in("../shared/fixtures", true));
  if (shared == 0) MESSAGE("skipped ../shared/fixtures: not found");
}

// Mismatches the mutations found, each fixed in the reader.
TEST_CASE("regression: a custom number written -0 is 0.0 on both paths, as nlohmann reads it") {
  const std::string small = minified(kSmall);
  const std::string text = small.substr(0, small.find("\"f_n\":3")) + "\"f_n\":-0" + small.substr(small.find("\"f_n\":3") + 7);
  REQUIRE(text.size() == small.size() + 1);
  const fuzz::ReaderComparison r = fuzz::compare_readers(text);
  CHECK(r.difference == "");
  CHECK(r.fast);
  Workspace ws;
  Issues issues;
  REQUIRE(load_workspace(text, ws, issues));
  const double* seats = std::get_if<double>(&ws.deals.at(0).custom.at("f_n"));
  REQUIRE(seats);
  CHECK(*seats == 0);
  CHECK_FALSE(std::signbit(*seats));  // "-0.0" (a float) stays -0.0 on both paths
}
