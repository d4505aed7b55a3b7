// The two workspace readers against each other (issue 11): load_workspace and load_document on the
// fast path (the deal scanner, reader/deal_text.cpp) and on ReadPath::Plain (the DOM reader, the
// reference) must agree, as fuzz/compare_readers.hpp defines it, on every document in the repo and
// every fuzz regression.
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
