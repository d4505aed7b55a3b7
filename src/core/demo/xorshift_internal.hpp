// The demo generators' random numbers: xorshift64, with plain modulo on top in each generator, so
// a seed gives the same workspace on every platform and standard library (std distributions are
// not specified to agree). One step, shared, so the two generators cannot drift apart.
#pragma once
#include <cstdint>

namespace pb::demo_detail {

// Advances a non-zero state and returns it.
inline std::uint64_t xorshift64(std::uint64_t& s) {
  s ^= s << 13;
  s ^= s >> 7;
  s ^= s << 17;
  return s;
}

}  // namespace pb::demo_detail
