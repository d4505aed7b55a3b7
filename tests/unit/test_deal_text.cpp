// The workspace document's fast paths (reader/deal_text.cpp) against the DOM they stand in for:
// save_workspace must write exactly workspace_to_json(ws).dump(indent), and load_workspace must
// read exactly what parse_json + read_workspace read, with the same issues when it refuses.
#include <cmath>

#include "demo.hpp"
#include "deal_text.hpp"
#include "test_helpers.hpp"

using namespace pb;

namespace {

// A demo workspace with values that exercise escaping, every custom field type and odd numbers.
Workspace tricky_workspace() {
  Workspace ws = make_demo_workspace({.deals = 40, .seed = 3});
  ws.fields.insert(ws.fields.size(), std::make_shared<const FieldDef>(FieldDef{"f_money", "Budget", FieldType::Money, {}}));
  ws.fields.insert(ws.fields.size(), std::make_shared<const FieldDef>(FieldDef{"f_date", "Signed", FieldType::Date, {}}));
  ws.fields.insert(ws.fields.size(), std::make_shared<const FieldDef>(FieldDef{"f_text", "Memo", FieldType::Text, {}}));
  const std::string texts[] = {"quote \" backslash \\ slash /", "tab\tnew\nline\rfeed\fback\b", std::string("nul\0x", 5),
                               "ctl \x01\x1f del \x7f", "Łódź – Nguyễn 😀 \xe2\x80\xa8", ""};
  const double numbers[] = {0.1, 1e300, -0.0, 0.0, 5, -17, 123456789.125, 1e15, 999999999999999.0, 3.0e20, 1e-7};
  std::vector<std::shared_ptr<const Deal>> edited;
  for (std::size_t i = 0; i < ws.deals.size(); ++i) {
    Deal d = ws.deals.at(i);
    d.notes = texts[i % 6];
    if (i % 3 == 0) d.title = "T " + texts[(i / 3) % 6];
    d.custom["f_seats"] = numbers[i % 11];
    if (i % 2) d.custom["f_money"] = Money{static_cast<std::int64_t>(i) * 1000 - 7000, "JPY"};
    if (i % 4 == 1) d.custom["f_date"] = Date{static_cast<std::int32_t>(i * 1000)};
    if (i % 5 == 2) d.custom["f_text"] = texts[i % 6];
    if (i % 7 == 3) d.custom.clear();
    if (i % 6 == 4) d.history.clear();
    if (i % 8 == 5) d.expected_close.reset();
    if (i % 9 == 6) d.created = d.updated = 1'790'000'000'123;  // milliseconds
    edited.push_back(std::make_shared<const Deal>(std::move(d)));
  }
  for (auto& d : edited) ws.deals.replace(d);
  return ws;
}

// The DOM path of load_workspace, for comparison.
bool load_with_dom(const std::string& text, Workspace& out, Issues& issues) {
  json doc;
  std::string error;
  if (!parse_json(text, doc, error, ParseLimits{kMaxWorkspaceBytes, 64})) {
    issues.add(JsonPath(), error);
    return false;
  }
  return read_workspace(std::move(doc), out, issues);
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("save_workspace writes what the DOM dumps, byte for byte") {
  const Workspace ws = tricky_workspace();
  for (int indent : {-1, 0, 2, 4}) {
    INFO("indent " << indent);
    CHECK(save_workspace(ws, indent) == workspace_to_json(ws).dump(indent));
  }
  CHECK(save_workspace(Workspace{}) == workspace_to_json(Workspace{}).dump());
  CHECK(save_workspace(make_demo_workspace({.deals = 2000})) == workspace_to_json(make_demo_workspace({.deals = 2000})).dump());
}

TEST_CASE("the deal writer refuses text that is not UTF-8, so the DOM reports it") {
  Workspace ws = make_demo_workspace({.deals = 3});
  Deal d = ws.deals.at(1);
  d.notes = "bad \xc3";
  ws.deals.replace(std::make_shared<const Deal>(d));
  std::string out;
  CHECK_FALSE(detail::write_deals_json(ws.deals, -1, 0, out));
}

TEST_CASE("load_workspace reads valid documents as the DOM reader does") {
  const Workspace ws = tricky_workspace();
  for (int indent : {-1, 2}) {
    const std::string text = save_workspace(ws, indent);
    Workspace fast, dom;
    Issues issues;
    REQUIRE(detail::load_workspace_fast(text, fast));
    REQUIRE(load_with_dom(text, dom, issues));
    CHECK(fast == dom);
    CHECK(fast == ws);
  }
  // Escapes, key order and spacing the writer never produces.
  const std::string text = save_workspace(ws);
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"{\"deals\"", "{ \"de\\u0061ls\" "},
           {"\"contact_name\":\"", "\"contact_name\" :\n\t\"\\ud83d\\ude00\\/\\u00e9"},
           {"\"company\":", "\"zz\":0,\"company\":"}}) {
    const std::string variant = replaced(text, from, to);
    Workspace fast, dom;
    Issues fast_issues, dom_issues;
    const bool dom_ok = load_with_dom(variant, dom, dom_issues);
    CHECK(load_workspace(variant, fast, fast_issues) == dom_ok);
    if (dom_ok) {
      CHECK(detail::load_workspace_fast(variant, fast));
      CHECK(fast == dom);
    } else {
      CHECK(fast_issues.summary() == dom_issues.summary());
    }
  }
}

TEST_CASE("the fast reader leaves anything unusual or wrong to the DOM reader") {
  const std::string text = save_workspace(make_demo_workspace({.deals = 5}));
  const std::vector<std::pair<std::string, std::string>> edits = {
      {"\"title\":", "\"title\":\"X\",\"title\":"},       // repeated key: the DOM keeps the last
      {"\"title\":", "\"title\":null,\"x\":"},            // null, then an unknown field
      {"\"amount\":", "\"amount\":1.5,\"q\":"},           // a fraction
      {"\"version\":2", "\"version\":1"},                 // needs migrating
      {"\"status\":\"", "\"status\":\"x"},              // not a status
      {"\"contact_name\":\"", "\"contact_name\":\"\\ud83d"},  // a lone surrogate: not JSON
      {"\"contact_name\":\"", "\"contact_name\":\"\t"},   // a raw control character: not JSON
      {"\"deals\":[", "\"deals\":[],\"deals\":["},        // "deals" twice
  };
  for (const auto& edit : edits) {  // no structured bindings: clang 14 cannot capture them in INFO
    const std::string &from = edit.first, &to = edit.second;
    INFO(to);
    const std::string variant = replaced(text, from, to);
    Workspace fast, dom;
    CHECK_FALSE(detail::load_workspace_fast(variant, fast));
    Issues load_issues, dom_issues;
    const bool dom_ok = load_with_dom(variant, dom, dom_issues);
    CHECK(load_workspace(variant, fast, load_issues) == dom_ok);
    CHECK(load_issues.summary() == dom_issues.summary());
    if (dom_ok) CHECK(fast == dom);
  }
}
