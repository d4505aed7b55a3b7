// What draw functions share: the transient UI state (selections, input buffers) and the
// actions they emit. Draw functions read a const Workspace and never change it; the main loop
// applies the actions after the frame.
#pragma once
#include <string>
#include <vector>

#include "commands.hpp"
#include "query.hpp"

namespace pb::ui {

struct UiState {
  std::string pipeline;  // selected pipeline id
  std::string group_by = "stage";
  char search[128] = "";
  bool dark = true;
  std::string message;  // last error, shown in the status bar
};

struct Actions {
  std::vector<Command> commands;
  bool undo = false;
  bool redo = false;
};

}  // namespace pb::ui
