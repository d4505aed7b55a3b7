#include "string_index_internal.hpp"

namespace pb::report_detail {

int StringIndex::insert(std::string_view key, int value) {
  if ((size_ + 1) * 2 > slots_.size()) grow();  // at most half full: short probes
  const std::uint64_t h = text_hash(key);
  for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
    Slot& s = slots_[i];
    if (s.value < 0) {
      s = Slot{key, h, value};
      ++size_;
      return value;
    }
    if (s.hash == h && same_text(s.key, key)) return s.value;
  }
}

void StringIndex::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
  mask_ = slots_.size() - 1;
  size_ = 0;
  for (const Slot& s : old)
    if (s.value >= 0) insert(s.key, s.value);
}

}  // namespace pb::report_detail
