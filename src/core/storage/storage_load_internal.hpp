// Loading's shared state: the loader between calls, shared by storage_load.cpp and storage_load_deals.cpp.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "deal_text.hpp"
#include "storage_load.hpp"

namespace pb {

struct WorkspaceLoader::State {
  struct Pending {
    double rank;
    std::int64_t rev;
    std::shared_ptr<const Deal> deal;
  };
  Workspace ws;
  StorageMirror mirror;
  LoadReport report;
  std::vector<Pending> deals;  // read so far, in the order they came
  detail::FastDealRows fast;
};

namespace detail {
// Why a row is set aside when a record with its id has already loaded.
inline std::string repeats_id(std::string_view id) { return "repeats id \"" + std::string(id) + "\""; }

// One deal row read on its own, with messages; false, with the row set aside in the report, when
// it cannot be used.
bool read_deal_row(const LoadedRows::Row& row, const Workspace& ws, Deal& deal, LoadReport& report);
}  // namespace detail

}  // namespace pb
