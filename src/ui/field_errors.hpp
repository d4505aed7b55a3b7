// Rejected edits in forms. A command typed into a field fails; its error is shown beside the
// field that caused it, found by the JSON Pointer the core puts in front of the message
// ("/set/title: must not be empty"), so the UI does not repeat the core's rules. Pure functions
// of UiState (no ImGui): the main loop calls reject/accept after dispatching, views draw.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "ui_state.hpp"

namespace pb::ui {

// "/set/title: must not be empty (and 1 more)" -> {"/set/title", "Must not be empty"}.
struct SplitError {
  std::string path;
  std::string message;
};
SplitError split_error(std::string_view error);

// The field whose path is the error's path or a prefix of it ("/set/value" takes
// "/set/value/amount"); else the first.
const FieldTarget& field_for_error(const std::vector<FieldTarget>& fields, std::string_view error_path);

// The command typed into `fields` failed with `error`: that field shows it, the others are clear.
void reject(UiState& ui, const std::vector<FieldTarget>& fields, std::string_view error);
// Text the UI cannot turn into a value (letters in a number field): shown the same way.
void reject_input(UiState& ui, const FieldTarget& field, std::string message);
// The command succeeded (or there was nothing to change): the errors go, "add" boxes empty.
void accept(UiState& ui, const std::vector<FieldTarget>& fields);
// Drops the errors of forms that are no longer open: leaving a form abandons its rejected edits.
void forget_closed_forms(UiState& ui);

std::string deal_form(const Id& deal);
std::string pipeline_form(const Id& pipeline);

}  // namespace pb::ui
