// The importers' fuzz harness: one untrusted text through both workspace readers (which must
// agree: compare_readers.hpp), load_workspace, load_template, the import preview, template.import
// and workspace.import (via Session::dispatch_json), the formatter, any command, and the text as
// another tool's export (Trello, Pipedrive, HubSpot, CSV) through its mapping form and import. Returns ""
// when every invariant holds, else what broke. Shared by the libFuzzer target (fuzz_import.cpp,
// which aborts on a break) and the unit tests (which replay tests/fuzz/regressions/).
#pragma once
#include <string>
#include <string_view>

namespace pb::fuzz {

std::string run_one(std::string_view text);

}  // namespace pb::fuzz
