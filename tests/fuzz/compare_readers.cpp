#include "compare_readers.hpp"

#include <cmath>

#include "codec.hpp"
#include "documents.hpp"

namespace pb::fuzz {
namespace {

// Every reader starts from this, so a reader that writes its output on failure shows up too.
const Workspace& sentinel() {
  static const Workspace ws = [] {
    Workspace w;
    w.people.insert(0, std::make_shared<const Person>(Person{"u_sentinel", "Sentinel", ""}));
    return w;
  }();
  return ws;
}

std::string first_issue(const Issues& issues) {
  return issues.list().empty() ? "(no issue)" : issues.list().front().str();
}

// Of two workspaces that are ==: a custom number that is 0.0 in one and -0.0 in the other (they
// save as "0.0" and "-0.0"). Custom numbers are the only doubles the deal scanner reads.
std::string zero_sign_difference(const Workspace& fast, const Workspace& plain) {
  for (std::size_t i = 0; i < fast.deals.size(); ++i) {
    const auto &x = fast.deals.at(i).custom, &y = plain.deals.at(i).custom;
    for (auto ix = x.begin(), iy = y.begin(); ix != x.end(); ++ix, ++iy) {
      const double *dx = std::get_if<double>(&ix->second), *dy = std::get_if<double>(&iy->second);
      if (dx && dy && std::signbit(*dx) != std::signbit(*dy))
        return "/deals/" + std::to_string(i) + "/custom/" + ix->first + " is " + (std::signbit(*dx) ? "-0.0" : "0.0") +
               " on the fast path, " + (std::signbit(*dy) ? "-0.0" : "0.0") + " on the plain one";
    }
  }
  return "";
}

// Which part of two workspaces differs: a table, or the first deal that does (both written out).
std::string workspace_difference(const Workspace& fast, const Workspace& plain) {
  if (fast == plain) return zero_sign_difference(fast, plain);
  if (fast.deals.size() != plain.deals.size() || !(fast.pipelines == plain.pipelines) || !(fast.people == plain.people) ||
      !(fast.fields == plain.fields) || !(fast.views == plain.views))
    return "different workspaces (not only in their deals)";
  for (std::size_t i = 0; i < fast.deals.size(); ++i)
    if (!(fast.deals.at(i) == plain.deals.at(i))) {
      auto text = [](const Deal& d) { return to_json(d).dump(-1, ' ', false, json::error_handler_t::replace); };
      return "/deals/" + std::to_string(i) + " differs: fast " + text(fast.deals.at(i)) + ", plain " + text(plain.deals.at(i));
    }
  return "different workspaces";
}

std::string compare_outcomes(bool fast_ok, const Issues& fast, bool plain_ok, const Issues& plain) {
  if (fast_ok != plain_ok)
    return std::string("fast ") + (fast_ok ? "accepts" : "rejects") + ", plain " + (plain_ok ? "accepts" : "rejects") +
           " (" + first_issue(fast_ok ? plain : fast) + ")";
  if (first_issue(fast) != first_issue(plain))
    return "first issue: fast \"" + first_issue(fast) + "\", plain \"" + first_issue(plain) + "\"";
  return "";
}

std::string compare_load_workspace(std::string_view text) {
  Workspace fast = sentinel(), plain = sentinel();
  Issues fast_issues, plain_issues;
  const bool fast_ok = load_workspace(text, fast, fast_issues, ReadPath::Fast);
  const bool plain_ok = load_workspace(text, plain, plain_issues, ReadPath::Plain);
  if (std::string d = compare_outcomes(fast_ok, fast_issues, plain_ok, plain_issues); !d.empty()) return d;
  if (std::string d = workspace_difference(fast, plain); !d.empty()) return d;
  return save_workspace(fast) == save_workspace(plain) ? "" : "the workspaces save differently";
}

std::string compare_load_document(std::string_view text) {
  Document fast, plain;
  fast.workspace = plain.workspace = sentinel();
  json fast_json, plain_json;
  Issues fast_issues, plain_issues;
  const bool fast_ok = load_document(text, fast, fast_issues, &fast_json, ReadPath::Fast);
  const bool plain_ok = load_document(text, plain, plain_issues, &plain_json, ReadPath::Plain);
  if (std::string d = compare_outcomes(fast_ok, fast_issues, plain_ok, plain_issues); !d.empty()) return d;
  if (fast.kind != plain.kind) return "different kinds";
  if (fast.version != plain.version) return "different versions";
  if (!(fast.templ == plain.templ) || fast_json != plain_json) return "different templates";
  return workspace_difference(fast.workspace, plain.workspace);
}

}  // namespace

ReaderComparison compare_scanner(std::string_view text) {
  ReaderComparison r;
  Workspace fast = sentinel(), plain = sentinel();
  Issues issues;
  r.accepted = load_workspace(text, plain, issues, ReadPath::Plain);
  if (!r.accepted) r.issue = first_issue(issues);
  r.fast = detail::load_workspace_fast(text, fast);
  if (r.fast && !r.accepted) r.difference = "the deal scanner accepts what the DOM reader rejects (" + r.issue + ")";
  else if (r.fast) r.difference = workspace_difference(fast, plain);
  else if (!(fast == sentinel())) r.difference = "the deal scanner gave up but changed its output";
  if (!r.difference.empty()) r.difference = "scanner: " + r.difference;
  return r;
}

ReaderComparison compare_readers(std::string_view text) {
  ReaderComparison r = compare_scanner(text);
  if (!r.difference.empty()) return r;
  if (std::string d = compare_load_workspace(text); !d.empty()) r.difference = "load_workspace: " + d;
  else if (std::string e = compare_load_document(text); !e.empty()) r.difference = "load_document: " + e;
  return r;
}

}  // namespace pb::fuzz
