// `pipeboard-json stats`: counts and money totals of a document, computed with the board's own
// queries (so weighted values are the board's: value x stage probability, won 100%, lost 0%).
#pragma once
#include <string>

#include "documents.hpp"

namespace pb::cli {

json stats_json(const Workspace& ws);
std::string stats_text(const json& stats);

}  // namespace pb::cli
