// Helpers shared by the unit tests.
#pragma once
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "documents.hpp"
#include "session.hpp"

namespace pb::test {

inline constexpr Timestamp kNow = 1'790'000'000'000;  // 2026-09-21T14:13:20Z

inline std::string read_file(const std::string& relative) {
  std::ifstream in(std::string(PIPEBOARD_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The files of a folder (relative to the repository, like read_file's paths; subfolders too when
// `recursive`), sorted, README.md left out; none when the folder is missing.
inline std::vector<std::string> files_in(const std::string& relative, bool recursive = false) {
  const std::filesystem::path dir = std::filesystem::path(PIPEBOARD_SOURCE_DIR) / relative;
  std::vector<std::string> out;
  std::error_code ec, file_ec;
  auto add = [&](const std::filesystem::directory_entry& e) {
    if (e.is_regular_file(file_ec) && e.path().filename() != "README.md")
      out.push_back(relative + "/" + e.path().lexically_relative(dir).generic_string());
  };
  if (recursive)
    for (std::filesystem::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) add(*it);
  else
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) add(*it);
  std::sort(out.begin(), out.end());
  return out;
}

// Dispatches and requires success; returns the change applied.
inline void ok(Session& s, const json& command, Timestamp now = kNow) {
  Outcome o = s.dispatch_json(command.dump(), now);
  INFO(command.dump());
  INFO(o.error);
  REQUIRE(o.ok);
}

// Dispatches a command that must fail: returns the error, and checks nothing changed.
inline std::string fails(Session& s, const json& command) {
  const Workspace before = s.workspace();
  const std::size_t steps = s.history_steps();
  Outcome o = s.dispatch_json(command.dump(), kNow);
  INFO(command.dump());
  CHECK_FALSE(o.ok);
  CHECK_FALSE(o.error.empty());
  CHECK(s.workspace() == before);
  CHECK(s.history_steps() == steps);
  return o.error;
}

// A small workspace: one pipeline with the default stages (ids s_new .. s_lost), two people, one field.
inline Session small_session() {
  Session s;
  ok(s, {{"type", "pipeline.create"},
         {"pipeline",
          {{"id", "p1"}, {"name", "Sales"}, {"currency", "EUR"},
           {"stages", json::array({{{"id", "s_new"}, {"name", "New"}, {"probability", 10}},
                                    {{"id", "s_pres"}, {"name", "Presentation"}, {"probability", 30}},
                                    {{"id", "s_nego"}, {"name", "Negotiation"}, {"probability", 60}},
                                    {{"id", "s_won"}, {"name", "Won"}, {"probability", 100}, {"kind", "won"}},
                                    {{"id", "s_lost"}, {"name", "Lost"}, {"probability", 0}, {"kind", "lost"}}})}}}});
  ok(s, {{"type", "person.create"}, {"person", {{"id", "u1"}, {"name", "Ana"}}}});
  ok(s, {{"type", "person.create"}, {"person", {{"id", "u2"}, {"name", "Łukasz"}}}});
  ok(s, {{"type", "field.create"},
         {"field", {{"id", "f_ind"}, {"name", "Industry"}, {"type", "choice"}, {"options", {"Retail", "Tech"}}}}});
  return s;
}

inline json deal(const std::string& id, const std::string& title, std::int64_t amount, const std::string& stage = "s_new") {
  return {{"type", "deal.create"},
          {"deal", {{"id", id}, {"title", title}, {"pipeline", "p1"}, {"stage", stage},
                    {"value", {{"amount", amount}, {"currency", "EUR"}}}}}};
}

// A second pipeline, p2 (USD): t_new "New", t_demo "Demo", t_won "Won", t_lost "Lost".
inline void add_p2(Session& s) {
  ok(s, {{"type", "pipeline.create"},
         {"pipeline",
          {{"id", "p2"}, {"name", "Enterprise"}, {"currency", "USD"},
           {"stages", json::array({{{"id", "t_new"}, {"name", "New"}, {"probability", 20}},
                                    {{"id", "t_demo"}, {"name", "Demo"}, {"probability", 50}},
                                    {{"id", "t_won"}, {"name", "Won"}, {"kind", "won"}, {"probability", 100}},
                                    {{"id", "t_lost"}, {"name", "Lost"}, {"kind", "lost"}}})}}}});
}

inline const Deal& deal_of(const Session& s, const std::string& id) {
  const Deal* d = s.workspace().deals.find(id);
  REQUIRE_MESSAGE(d, id);
  return *d;
}

// `j` with `key` set to `value`.
inline json with(json j, const std::string& key, json value) {
  j[key] = std::move(value);
  return j;
}

}  // namespace pb::test
