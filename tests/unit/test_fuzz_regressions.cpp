// Replays every input the fuzzer ever broke (tests/fuzz/regressions/) through the fuzz harness,
// natively and in wasm; plus the seeds, so the harness itself is known to pass on good input.
#include "../fuzz/harness.hpp"
#include "test_helpers.hpp"

using namespace pb;

TEST_CASE("fuzz regressions and seeds pass the fuzz harness") {
  std::size_t count = 0;
  for (const char* dir : {"tests/fuzz/regressions", "tests/fuzz/seeds", "tests/samples", "assets/templates"})
    for (const std::string& file : test::files_in(dir)) {
      INFO(file);
      CHECK(fuzz::run_one(test::read_file(file)) == "");
      ++count;
    }
  CHECK(count >= 19);
}
