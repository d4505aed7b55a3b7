// The canonical text of a document, for `pipeboard-json fmt` and for files kept in the repository:
// 2-space indent, arrays in their order, and the keys of each record in a fixed order (the order
// README "The format" lists them in, the same as the writers in codec.cpp). Keys the format does not
// know follow the known ones, alphabetically, so formatting never drops or invents anything.
#pragma once
#include <string>

#include "json_read.hpp"

namespace pb {

// doc must be a parsed document (format "pipeboard.workspace" or "pipeboard.template"; anything
// else is ordered alphabetically). Ends with a newline.
std::string format_document(const json& doc, int indent = 2);

}  // namespace pb
