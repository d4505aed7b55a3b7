// Cross-tab sync: applying the rows another tab wrote to this tab's workspace.
#pragma once
#include <string>
#include <vector>

#include "change.hpp"
#include "record_writes.hpp"
#include "storage.hpp"

namespace pb {

// Applies records written by another tab. Returns the change made (for redrawing and history).
Change apply_external(Workspace& ws, StorageMirror& mirror, const std::vector<RecordWrite>& writes,
                      std::vector<std::string>& errors);

}  // namespace pb
