// Helpers for the importers' tests: every document an importer returns must load, and fixtures
// from ../shared/fixtures are read when present (tests skip, saying so, when they are missing).
#pragma once
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "documents.hpp"
#include "importers.hpp"

namespace pb::test {

inline constexpr std::int64_t kImportNow = 1'790'000'000'000;  // 2026-09-21T14:13:20Z, in milliseconds

// The shared fixture at ../shared/fixtures/<relative> beside the repository, or nullopt (with a
// message) when it is not there.
inline std::optional<std::string> shared_fixture(const std::string& relative) {
  const std::filesystem::path path = std::filesystem::path(PIPEBOARD_SOURCE_DIR) / ".." / "shared" / "fixtures" / relative;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    MESSAGE("SKIPPED: fixture " << path.string() << " is missing");
    return std::nullopt;
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Requires an import that succeeded and a document that loads; returns the workspace.
inline Workspace loads(const SourceImport& r) {
  INFO(r.errors.summary());
  REQUIRE(r.ok);
  Workspace ws;
  Issues issues;
  REQUIRE_MESSAGE(load_workspace(r.document.dump(), ws, issues), issues.summary());
  return ws;
}

// Whether any issue's path is `path` and its message holds `words`.
inline bool has_issue(const Issues& issues, const std::string& path, const std::string& words = "") {
  for (const auto& i : issues.list())
    if (i.path == path && i.message.find(words) != std::string::npos) return true;
  return false;
}

inline bool has_mapping(const SourceImport& r, const std::string& kind, const std::string& source,
                        const std::string& target_part) {
  for (const auto& m : r.mapping)
    if (m.kind == kind && m.source == source && m.target.find(target_part) != std::string::npos) return true;
  return false;
}

}  // namespace pb::test
