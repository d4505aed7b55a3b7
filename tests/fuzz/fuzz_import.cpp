// libFuzzer entry point for the importers (shell/fuzz runs it; see harness.hpp for what it checks).
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string problem = pb::fuzz::run_one(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!problem.empty()) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
