// Dragging a card into another column of a grouped board changes the grouped field. This maps
// (deal, group-by key, target column) to the command that does it.
#pragma once
#include <optional>
#include <string>

#include "commands.hpp"

namespace pb {

struct Regroup {
  std::optional<Command> command;  // empty when nothing needs to change
  bool needs_lost_reason = false;  // a DealLose whose reason the UI must ask for
  std::string error;               // the field cannot be changed by dragging
};

Regroup regroup_command(const Workspace& ws, const Deal& deal, std::string_view group_by, std::string_view target_key);

// Whether the columns of this group-by key are values of a string field that dragging sets
// (set_by_column in deal_fields.hpp: owner, company, product, ...): a deal added in such a
// column starts with the column's value.
bool column_sets_field(std::string_view group_by);

}  // namespace pb
