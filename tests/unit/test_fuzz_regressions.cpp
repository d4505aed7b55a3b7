// Replays every input the fuzzer ever broke (tests/fuzz/regressions/) through the fuzz harness,
// natively and in wasm; plus the seeds, so the harness itself is known to pass on good input.
#include <filesystem>

#include "../fuzz/harness.hpp"
#include "test_helpers.hpp"

using namespace pb;

namespace {
void replay_dir(const std::string& relative, std::size_t& count) {
  std::error_code ec;
  const std::filesystem::path dir = std::filesystem::path(PIPEBOARD_SOURCE_DIR) / relative;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec) || it->path().filename() == "README.md") continue;
    INFO(it->path().string());
    CHECK(fuzz::run_one(test::read_file(relative + "/" + it->path().filename().string())) == "");
    ++count;
  }
  CHECK_FALSE(ec);
}
}  // namespace

TEST_CASE("fuzz regressions and seeds pass the fuzz harness") {
  std::size_t count = 0;
  replay_dir("tests/fuzz/regressions", count);
  replay_dir("tests/samples", count);
  replay_dir("assets/templates", count);
  CHECK(count >= 12);
}
