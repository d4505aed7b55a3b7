// The table of deal fields (deal_fields.hpp) against everything that reads it. Every check runs
// for each plain text field (type Text) of the table, and expects what the row says: a new row
// is tested here without a new line of test.
#include <algorithm>
#include <set>

#include "codec.hpp"
#include "document_format.hpp"
#include "query.hpp"
#include "quick_filter.hpp"
#include "regroup.hpp"
#include "query_fixture.hpp"

using namespace pb;
using namespace pb::test;

namespace {

std::vector<const DealFieldInfo*> plain_text_fields() {
  std::vector<const DealFieldInfo*> out;
  for (const DealFieldInfo& f : kDealFields)
    if (f.type == DealType::Text) out.push_back(&f);
  return out;
}

// A lost deal (a lost_reason is allowed there) with the field set to `value`.
Deal deal_with(const std::string& id, const DealFieldInfo& f, const std::string& value) {
  Deal d;
  d.id = id;
  d.title = "Deal " + id;
  d.pipeline = "p1";
  d.stage = "s_lost";
  d.status = DealStatus::Lost;
  d.value = Money{1000, "EUR"};
  d.created = d.updated = kNow;
  d.history = {StageVisit{"p1", "s_lost", kNow}};
  *string_member(d, f.field) = value;
  return d;
}

// d1..d4 with the field "gamma", "Alpha", unset and "beta": case-insensitive order d3, d2, d4, d1.
Workspace workspace_with(const DealFieldInfo& f) {
  Workspace ws = small_session().workspace();
  const std::pair<const char*, const char*> values[] = {{"d1", "gamma"}, {"d2", "Alpha"}, {"d3", ""}, {"d4", "beta"}};
  for (const auto& v : values) ws.deals.insert(ws.deals.size(), std::make_shared<const Deal>(deal_with(v.first, f, v.second)));
  return ws;
}

QueryResult run(const Workspace& ws, const std::string& group_by, json filter = nullptr, std::vector<SortKey> sort = {},
                std::string text = "") {
  Query q;
  q.group_by = group_by;
  q.filter = std::move(filter);
  q.sort = std::move(sort);
  q.text = std::move(text);
  return run_query(ws, q);
}

std::string ids(const QueryResult& r) {
  std::vector<std::string> out;
  for (const Group& g : r.groups)
    for (const Deal* d : g.deals) out.push_back(d->id);
  return join(out);
}

// "key=ids" per group, in order.
std::string groups(const QueryResult& r) {
  std::string out;
  for (const Group& g : r.groups) {
    std::vector<std::string> members;
    for (const Deal* d : g.deals) members.push_back(d->id);
    out += (out.empty() ? "" : " | ") + g.key + "=" + join(members);
  }
  return out;
}

json cond(const DealFieldInfo& f, const char* op, json value) {
  return json{{"field", std::string(f.key)}, {"op", op}, {"value", std::move(value)}};
}

}  // namespace

TEST_CASE("deal fields: the table's plain text fields include the usual ones") {
  std::set<std::string_view> keys;
  for (const DealFieldInfo* f : plain_text_fields()) keys.insert(f->key);
  for (const char* k : {"company", "contact_name", "product", "plan", "property", "source", "lost_reason", "notes"})
    CHECK_MESSAGE(keys.count(k), k);
}

TEST_CASE("deal fields: the codec writes and reads each text field, and leaves it out when empty") {
  const Table<FieldDef> no_fields;
  for (const DealFieldInfo* f : plain_text_fields()) {
    INFO("field " << f->key);
    const Deal d = deal_with("d1", *f, "Ünï \"quoted\" \\ text");
    const json j = to_json(d);
    CHECK(j.at(std::string(f->key)) == "Ünï \"quoted\" \\ text");
    Deal back;
    Issues issues;
    REQUIRE(read_deal(j, back, no_fields, JsonPath(), issues, DealRead::Document));
    CHECK(back == d);
    CHECK_FALSE(to_json(deal_with("d1", *f, "")).contains(std::string(f->key)));
    // Longer than the row's limit: refused, at the field's path.
    json too_long = j;
    too_long[std::string(f->key)] = std::string(f->limit + 1, 'x');
    Issues refused;
    CHECK_FALSE(read_deal(too_long, back, no_fields, JsonPath(), refused, DealRead::Document));
    CHECK(refused.summary().rfind("/" + std::string(f->key) + ":", 0) == 0);
  }
}

TEST_CASE("deal fields: the fast reader and the plain reader read each text field alike") {
  for (const DealFieldInfo* f : plain_text_fields()) {
    INFO("field " << f->key);
    const Workspace ws = workspace_with(*f);
    for (int indent : {-1, 2}) {
      const std::string text = save_workspace(ws, indent);
      CHECK(text == workspace_to_json(ws).dump(indent));  // the fast writer writes what the DOM would
      Workspace fast, plain, scanned;
      Issues fast_issues, plain_issues;
      REQUIRE(load_workspace(text, fast, fast_issues, ReadPath::Fast));
      REQUIRE(load_workspace(text, plain, plain_issues, ReadPath::Plain));
      CHECK(fast == plain);
      CHECK(fast == ws);
      CHECK(detail::load_workspace_fast(text, scanned));  // the scanner itself took the field
    }
    // A value past the limit: both readers refuse it with the same message.
    Workspace bad = ws;
    bad.deals.replace(std::make_shared<const Deal>(deal_with("d1", *f, std::string(f->limit + 1, 'x'))));
    const std::string text = save_workspace(bad);
    Workspace out;
    Issues fast_issues, plain_issues;
    CHECK_FALSE(load_workspace(text, out, fast_issues, ReadPath::Fast));
    CHECK_FALSE(load_workspace(text, out, plain_issues, ReadPath::Plain));
    CHECK(fast_issues.summary() == plain_issues.summary());
  }
}

TEST_CASE("deal fields: the formatter puts each field in the table's place") {
  for (const DealFieldInfo* f : plain_text_fields()) {
    INFO("field " << f->key);
    const std::string text = format_document(workspace_to_json(workspace_with(*f)));
    const auto doc = nlohmann::ordered_json::parse(text);
    std::vector<std::string> keys, expected;
    for (auto it = doc["deals"][0].begin(); it != doc["deals"][0].end(); ++it) keys.push_back(it.key());
    for (const DealFieldInfo& row : kDealFields)
      if (std::find(keys.begin(), keys.end(), row.key) != keys.end()) expected.emplace_back(row.key);
    CHECK(keys == expected);
    CHECK(std::find(keys.begin(), keys.end(), f->key) != keys.end());
  }
}

TEST_CASE("deal fields: queries sort, filter, group and search each text field as its row says") {
  for (const DealFieldInfo* f : plain_text_fields()) {
    INFO("field " << f->key);
    const Workspace ws = workspace_with(*f);
    const std::string key(f->key);
    REQUIRE(resolve_field(ws.fields, key));
    CHECK(field_label(ws.fields, key) == f->label);

    const QueryResult sorted = run(ws, "stage", nullptr, {SortKey{key, false}});
    if (f->has(kSortable)) {
      CHECK(sorted.error.empty());
      CHECK(ids(sorted) == "d3,d2,d4,d1");
      CHECK(ids(run(ws, "stage", nullptr, {SortKey{key, true}})) == "d1,d4,d2,d3");
    } else {
      CHECK(sorted.error.find("cannot sort by") != std::string::npos);
    }

    if (f->ops == kNoFilter) {
      CHECK(run(ws, "stage", cond(*f, "eq", "Alpha")).error.find("cannot filter by") != std::string::npos);
    } else {
      CHECK(ids(run(ws, "stage", cond(*f, "eq", "Alpha"))) == "d2");
      CHECK(ids(run(ws, "stage", cond(*f, "in", {"beta", "gamma"}))) == "d1,d4");
      CHECK(ids(run(ws, "stage", json{{"field", key}, {"op", "empty"}})) == "d3");
      const QueryResult contains = run(ws, "stage", cond(*f, "contains", "ALP"));
      if (f->ops == kTextOps) CHECK(ids(contains) == "d2");
      else CHECK_FALSE(contains.error.empty());
    }

    const auto group_keys = groupable_keys(ws.fields);
    const bool in_menu = std::find(group_keys.begin(), group_keys.end(), key) != group_keys.end();
    const QueryResult grouped = run(ws, key);
    if (f->group > 0) {
      CHECK(in_menu);
      CHECK(groups(grouped) == "Alpha=d2 | beta=d4 | gamma=d1 | =d3");
    } else {
      CHECK_FALSE(in_menu);
      CHECK(grouped.error.find("cannot group by") != std::string::npos);
    }

    // The search box ("lph" is in "Alpha" only; titles are "Deal d1", ...).
    CHECK(ids(run(ws, "stage", nullptr, {}, "LPH")) == (f->has(kSearched) ? "d2" : ""));
    CHECK(ids(run(ws, "stage", json{{"text", "lph"}})) == (f->has(kSearched) ? "d2" : ""));
  }
}

TEST_CASE("deal fields: the filter bar's quick filter finds the text fields it offers") {
  for (const DealFieldInfo* f : plain_text_fields()) {
    INFO("field " << f->key);
    const Workspace ws = workspace_with(*f);
    const json expression{{"all", json::array({cond(*f, "eq", "Alpha")})}};
    if (f->has(kInFilterBar)) {
      QuickFilter q;
      q.fields[std::string(f->key)] = "Alpha";
      CHECK(to_filter(q) == expression);
      CHECK(quick_filter_of(expression) == q);
      CHECK(ids(run(ws, "stage", to_filter(q))) == "d2");
    } else {
      CHECK_FALSE(quick_filter_of(expression));  // the bar cannot show it: the view keeps it as is
    }
  }
}

TEST_CASE("deal fields: commands edit the text fields marked editable, and only those") {
  for (const DealFieldInfo* f : plain_text_fields()) {
    INFO("field " << f->key);
    const std::string key(f->key);
    Session s = small_session();
    ok(s, deal("d1", "Acme", 1000));
    const json set_it{{"type", "deal.update"}, {"deal", "d1"}, {"set", {{key, "Zed"}}}};
    if (f->has(kEditable)) {
      ok(s, set_it);
      CHECK(*string_member(deal_of(s, "d1"), f->field) == "Zed");
      ok(s, {{"type", "deal.update"}, {"deal", "d1"}, {"set", {{key, nullptr}}}});
      CHECK(string_member(deal_of(s, "d1"), f->field)->empty());
    } else {
      CHECK(fails(s, set_it).rfind("/set/" + key + ": cannot be edited directly", 0) == 0);
    }
  }
}

TEST_CASE("deal fields: dragging a card to a column sets the text fields marked draggable") {
  for (const DealFieldInfo* f : plain_text_fields()) {
    INFO("field " << f->key);
    const Workspace ws = workspace_with(*f);
    const Deal& d = *ws.deals.find("d2");
    const Regroup r = regroup_command(ws, d, std::string(f->key), "Zed");
    CHECK(column_sets_field(f->key) == (f->group > 0 && f->has(kEditable) && f->has(kDraggable)));
    if (column_sets_field(f->key)) {
      REQUIRE(r.command);
      CHECK(command_type(*r.command) == "deal.update");
      CHECK(to_json(*r.command)["set"] == json{{std::string(f->key), "Zed"}});
      CHECK_FALSE(regroup_command(ws, d, std::string(f->key), "Alpha").command);  // its own column: nothing
    } else {
      CHECK_FALSE(r.command);
      CHECK_FALSE(r.error.empty());
    }
  }
}

TEST_CASE("deal fields: the JSON Schemas list exactly the table's keys") {
  std::set<std::string> table;
  for (const DealFieldInfo& f : kDealFields) table.emplace(f.key);
  for (const char* schema : {"assets/schema/workspace.schema.json", "assets/schema/template.schema.json"}) {
    INFO(schema);
    const json doc = json::parse(read_file(schema));
    std::set<std::string> listed;
    for (auto it = doc["$defs"]["deal"]["properties"].begin(); it != doc["$defs"]["deal"]["properties"].end(); ++it)
      listed.insert(it.key());
    CHECK(listed == table);
  }
}
