// Seeded mutations of valid documents, for the differential reader test: edits of the JSON text
// (bytes deleted, inserted or replaced, truncation, repeated keys, values of another type, big
// numbers, escapes and raw UTF-8, deep nesting, whitespace) and of the parsed workspace (a value of
// the wrong type, a missing or unknown key, a wrong id or reference, a value out of range, or an
// edit that keeps it valid). The generator is our own (splitmix64) so that a seed gives the same
// mutation natively and in wasm: std's distributions differ between libstdc++ and libc++.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "json_read.hpp"

namespace pb::test {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
  // In [lo, hi]: 64 bits even in wasm, where size_t has 32.
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(next() % (static_cast<std::uint64_t>(hi - lo) + 1));
  }
  bool percent(unsigned p) { return below(100) < p; }
  template <class T, std::size_t N>
  const T& pick(const T (&items)[N]) {
    return items[below(N)];
  }

 private:
  std::uint64_t state_;
};

struct Mutation {
  std::string text;
  std::string kind;    // what was done, for failure reports
  std::size_t at = 0;  // where the text changed (bytes); npos when not known
};

// The text without whitespace outside strings (the samples are indented; smaller reads faster).
std::string minified(std::string_view text);

// One edit of a document's text.
Mutation mutate_text(const std::string& text, Rng& rng);
// One edit of a parsed current-version workspace, dumped compactly (the key order save_workspace
// writes, which the deal scanner reads fastest) or indented. `at` is npos (finding it would cost
// another dump: structure_edit_at() finds it for a report).
Mutation mutate_structure(json doc, Rng& rng);
// Where a structural mutation of `doc` first differs from it.
std::size_t structure_edit_at(const json& doc, const std::string& mutated);

}  // namespace pb::test
