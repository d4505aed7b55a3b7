// `pipeboard-json report` without --json: the report as readable tables, for a terminal.
#pragma once
#include <string>

#include "report.hpp"

namespace pb::cli {

std::string report_text(const Report& report);

}  // namespace pb::cli
