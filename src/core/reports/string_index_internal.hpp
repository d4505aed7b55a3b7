// A flat hash index from short strings (ids, sources) to small numbers, for the pass over every
// deal and history entry: a cheap hash of the first and last 8 bytes and an exact comparison of
// the same loads, where std::unordered_map hashes every byte and calls memcmp (a third of the
// report's time at 1,000,000 history entries).
#pragma once
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace pb::report_detail {

namespace text_detail {
inline std::uint64_t load8(const char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
inline std::uint32_t load4(const char* p) {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
// Two loads that cover the whole string (overlapping when it is shorter than their total), so
// equal strings give equal pairs and a string of up to 16 bytes is compared by its pair alone.
inline void edges(std::string_view s, std::uint64_t& a, std::uint64_t& b) {
  const char* p = s.data();
  const std::size_t n = s.size();
  if (n >= 8) {
    a = load8(p);
    b = load8(p + n - 8);
  } else if (n >= 4) {
    a = load4(p);
    b = load4(p + n - 4);
  } else {
    a = n > 0 ? static_cast<unsigned char>(p[0]) : 0;
    b = n > 1 ? static_cast<unsigned char>(p[1]) | (n > 2 ? static_cast<std::uint64_t>(static_cast<unsigned char>(p[2])) << 8 : 0) : 0;
  }
}
}  // namespace text_detail

inline bool same_text(std::string_view x, std::string_view y) {
  if (x.size() != y.size()) return false;
  if (x.size() > 16) return std::memcmp(x.data(), y.data(), x.size()) == 0;
  std::uint64_t xa, xb, ya, yb;
  text_detail::edges(x, xa, xb);
  text_detail::edges(y, ya, yb);
  return xa == ya && xb == yb;
}

inline std::uint64_t text_hash(std::string_view s) {
  std::uint64_t a, b;
  text_detail::edges(s, a, b);
  // Past 16 bytes the middle counts too, so long keys that share their ends do not all collide.
  for (std::size_t i = 8; i + 16 <= s.size(); i += 8) a = (a ^ text_detail::load8(s.data() + i)) * 0x9E3779B97F4A7C15ULL;
  std::uint64_t h = (a ^ (b * 0x9E3779B97F4A7C15ULL) ^ s.size()) * 0xBF58476D1CE4E5B9ULL;
  return h ^ (h >> 31);
}

class StringIndex {
 public:
  // The number stored for key, or -1.
  int find(std::string_view key) const {
    if (slots_.empty()) return -1;
    const std::uint64_t h = text_hash(key);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.value < 0) return -1;
      if (s.hash == h && same_text(s.key, key)) return s.value;
    }
  }
  // Stores value for key unless key is there; returns the number stored. Keys are not copied:
  // they must outlive the index.
  int insert(std::string_view key, int value);
  std::size_t size() const { return size_; }

 private:
  struct Slot {
    std::string_view key;
    std::uint64_t hash = 0;
    int value = -1;  // -1: empty
  };
  void grow();
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

}  // namespace pb::report_detail
