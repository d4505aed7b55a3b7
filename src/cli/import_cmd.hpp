// pipeboard-json import: another tool's export (Trello, Pipedrive, HubSpot, any CSV) as a
// pipeboard.workspace document, with the same importers the app uses.
#pragma once
#include <string>
#include <vector>

namespace pb::cli {

// Exit status: 0 written, 1 the file cannot be imported (why on stderr), 2 usage or I/O error.
int import_command(const std::vector<std::string>& args);

}  // namespace pb::cli
