// The differential check of the two workspace readers (issue 11): the fast path (the deal scanner,
// with the DOM reader taking over on anything it does not take) and ReadPath::Plain (the DOM
// reader alone, the reference) must agree on any text: the same success, the same workspace or
// template (custom numbers down to the sign of a zero, which == ignores), or the same first issue
// (path and message). Run on every input by the fuzz harness and by
// tests/unit/test_reader_differential.cpp on samples and mutations.
#pragma once
#include <string>
#include <string_view>

namespace pb::fuzz {

struct ReaderComparison {
  std::string difference;  // "" when the readers agree, else what differed
  bool accepted = false;   // the text loads as a workspace
  bool fast = false;       // ... and the deal scanner read it (no DOM fallback)
  std::string issue;       // else load_workspace's first issue
};

// Everything, through the API: load_workspace and load_document, each both ways.
ReaderComparison compare_readers(std::string_view text);
// Only the code that differs, at a third of the cost (for many inputs under ASan): the scanner
// (detail::load_workspace_fast, which load_workspace and load_document try first; when it gives up
// they run the Plain path) against load_workspace(Plain).
ReaderComparison compare_scanner(std::string_view text);

}  // namespace pb::fuzz
