// Structural mutations (mutations.hpp): the parsed workspace edited as a person or another tool
// might get it wrong (or right), then written out again. Every string put in is valid UTF-8, as
// nlohmann's dump requires. Deals, the scanner's part, are picked more often than the rest.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <iterator>
#include <vector>

#include "mutations.hpp"

namespace pb::test {
namespace {

// A value reached by a random walk from the root, or more often from "deals": each step goes into
// a random member or element, stopping at random. With objects_only, the last object on the way.
// `path` receives its JSON Pointer, for the report.
json& pick_node(json& doc, Rng& rng, bool objects_only, std::string& path) {
  json* node = &doc;
  json* object = &doc;
  std::string object_path;
  path.clear();
  if (rng.percent(60) && doc.contains("deals")) {
    node = &doc["deals"];
    path = "/deals";
  }
  while ((node->is_object() || node->is_array()) && !node->empty() && (node == &doc || rng.percent(75))) {
    if (node->is_object()) {
      object = node;
      object_path = path;
      auto it = node->begin();
      std::advance(it, static_cast<std::ptrdiff_t>(rng.below(node->size())));
      path += "/" + it.key();
      node = &*it;
    } else {
      const std::size_t i = rng.below(node->size());
      path += "/" + std::to_string(i);
      node = &(*node)[i];
    }
  }
  if (!objects_only || node->is_object()) return *node;
  path = object_path;
  return *object;
}

const json& pick(const json& choices, Rng& rng) { return choices[rng.below(choices.size())]; }

// A value of each JSON type.
const json& any_value(Rng& rng) {
  static const json values = json::array({nullptr, true, false, 0, -1, 1.5, "", "x", json::array(), json::object(),
                                          json::array({1}), json{{"a", 1}}, json{{"amount", 1}, {"currency", "EUR"}}});
  return pick(values, rng);
}

// The ids of the records of one table ("pipelines", ...), and every stage id.
std::vector<std::string> ids_of(const json& doc, const char* table) {
  std::vector<std::string> ids;
  for (const json& r : doc.value(table, json::array()))
    if (r.is_object() && r.contains("id") && r["id"].is_string()) ids.push_back(r["id"]);
  return ids;
}
std::vector<std::string> stage_ids(const json& doc) {
  std::vector<std::string> ids;
  for (const json& p : doc.value("pipelines", json::array()))
    if (p.is_object())
      for (const json& s : p.value("stages", json::array()))
        if (s.is_object()) ids.push_back(s.value("id", ""));
  return ids;
}

std::string pick_id(std::vector<std::string> ids, Rng& rng) {
  ids.push_back("nope");
  ids.push_back("");
  return ids[rng.below(ids.size())];
}

// A record of the table, or the document itself when the table is missing or empty.
json& pick_record(json& doc, const char* table, Rng& rng) {
  auto it = doc.find(table);
  if (it == doc.end() || !it->is_array() || it->empty()) return doc;
  return (*it)[rng.below(it->size())];
}

// The type of custom field `id` ("" when there is none).
std::string field_type(const json& doc, const std::string& id) {
  for (const json& f : doc.value("fields", json::array()))
    if (f.is_object() && f.value("id", "") == id) return f.value("type", "");
  return "";
}

// References to other records, and ids that clash.
std::string wrong_reference(json& doc, Rng& rng) {
  json& deal = pick_record(doc, "deals", rng);
  switch (rng.below(7)) {
    case 0: deal["pipeline"] = pick_id(ids_of(doc, "pipelines"), rng); return "deal pipeline";
    case 1: deal["stage"] = pick_id(stage_ids(doc), rng); return "deal stage";
    case 2: deal["owner"] = pick_id(ids_of(doc, "people"), rng); return "deal owner";
    case 3: deal["id"] = pick_id(ids_of(doc, "deals"), rng); return "deal id";
    case 4: {  // a custom value under another field's id
      json& custom = deal["custom"];
      if (!custom.is_object() || custom.empty()) custom = json::object({{"f_x", 1}});
      auto it = custom.begin();
      std::advance(it, static_cast<std::ptrdiff_t>(rng.below(custom.size())));
      const json value = *it;
      custom.erase(it);
      custom[pick_id(ids_of(doc, "fields"), rng)] = value;
      return "custom field id";
    }
    case 5: {
      json& visit = deal["history"];
      if (!visit.is_array() || visit.empty())
        visit = json::array({{{"pipeline", "x"}, {"stage", "y"}, {"at", "2026-01-01T00:00:00Z"}}});
      const std::vector<std::string> ids = rng.percent(50) ? stage_ids(doc) : ids_of(doc, "pipelines");
      visit[0][rng.percent(50) ? "pipeline" : "stage"] = pick_id(ids, rng);
      return "history reference";
    }
    default: {  // a record with the id of another of its table
      static const char* const tables[] = {"pipelines", "people", "fields", "views", "deals"};
      const char* table = rng.pick(tables);
      pick_record(doc, table, rng)["id"] = pick_id(ids_of(doc, table), rng);
      return std::string("id in ") + table;
    }
  }
}

// Values at and past the limits the readers check.
std::string out_of_range(json& doc, Rng& rng) {
  static const json amounts = json::array({1'000'000'000'000LL, -1'000'000'000'000LL, 1'000'000'000'001LL,
                                           -1'000'000'000'001LL, 0, std::numeric_limits<std::int64_t>::max(),
                                           std::numeric_limits<std::uint64_t>::max(), 2.5});
  static const json currencies = json::array({"EURO", "eur", "", "XYZ", "JPY", "KWD", "USD"});
  static const json times = json::array({"2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z", "2024-02-29T12:00:00Z",
                                         "2026-01-01T24:00:00Z", "2026-01-01T00:00:00.123Z", "2026-01-01T00:00:00+01:00",
                                         "2026-01-01 00:00:00", "1969-12-31T23:59:59Z", "9999-12-31T23:59:59Z",
                                         "2000-01-01T00:00:00Z", "2026-01-01", ""});
  static const json dates = json::array({"2026-02-30", "2024-02-29", "0000-01-01", "9999-12-31", "10000-01-01", "2026-1-1",
                                         "", "2026-12-31T00:00:00Z"});
  static const json statuses = json::array({"open", "won", "lost", "Open", "", "pending"});
  static const json custom = json::array({1e308, -0.0, 0, 12345678901234567LL, "1", "Retail", "Tech", "nope",
                                          "2026-02-30", "2026-03-31", json{{"amount", 5}, {"currency", "EUR"}},
                                          json{{"amount", 1.5}, {"currency", "EUR"}}, nullptr, true});
  static const json versions = json::array({1, 3, 0, "2", 2.0, -1, 2});
  json& deal = pick_record(doc, "deals", rng);
  switch (rng.below(12)) {
    case 0: deal["value"]["amount"] = pick(amounts, rng); return "amount";
    case 1: deal["value"]["currency"] = pick(currencies, rng); return "currency";
    case 2: deal[rng.percent(50) ? "created" : "updated"] = pick(times, rng); return "timestamp";
    case 3: deal["expected_close"] = pick(dates, rng); return "expected_close";
    case 4:
      deal["title"] = rng.percent(50) ? std::string(200 + rng.below(2), 'x') : std::string(rng.percent(50) ? " \t" : "");
      return "title";
    case 5: deal[rng.percent(50) ? "id" : "owner"] = std::string(64 + rng.below(2), 'i'); return "id length";
    case 6: deal["status"] = pick(statuses, rng); return "status";
    case 7: deal["lost_reason"] = "Too expensive"; return "lost_reason";
    case 8: deal["custom"][pick_id(ids_of(doc, "fields"), rng)] = pick(custom, rng); return "custom value";
    case 9: {
      json& stages = pick_record(doc, "pipelines", rng)["stages"];
      if (!stages.is_array() || stages.empty()) return "stage (none)";
      json& stage = stages[rng.below(stages.size())];
      static const json probabilities = json::array({-1, 0, 100, 101, 50.5});
      static const json colors = json::array({"#12345g", "#fff", "#FFFFFF"});
      if (rng.percent(50)) stage["probability"] = pick(probabilities, rng);
      else stage["color"] = pick(colors, rng);
      return "stage";
    }
    case 10: doc["version"] = pick(versions, rng); return "version";
    default: doc["format"] = rng.percent(50) ? "pipeboard.template" : "pipeboard"; return "format";
  }
}

// Edits after which the workspace is still valid, so that many mutations are accepted.
std::string valid_edit(json& doc, Rng& rng) {
  static const json texts = json::array({"quote \" backslash \\ slash /", "tab\tnew\nline\rfeed\fback\b",
                                         std::string("nul\0x", 5), "ctl \x01\x1f del \x7f",
                                         "Łódź – Nguyễn 😀 \xe2\x80\xa8", "", "plain"});
  static const json numbers = json::array({0.1, -0.0, 0.0, 1e-7, 1e300, 123456789.125, -17, 5, 9007199254740993LL, 2.5, 1e15});
  static const char* const optional[] = {"company", "contact_name", "contact_email", "notes", "owner", "expected_close",
                                         "history", "custom", "source", "product", "plan", "property"};
  json& deals = doc["deals"];
  json& deal = pick_record(doc, "deals", rng);
  switch (rng.below(7)) {
    case 0: deal.erase(rng.pick(optional)); return "an optional key removed";
    case 1: deal[rng.percent(50) ? "notes" : "company"] = pick(texts, rng); return "text";
    case 2:
      deal["value"]["amount"] = rng.between(-1'000'000'000'000LL, 1'000'000'000'000LL);
      return "amount";
    case 3: {
      const std::vector<std::string> fields = ids_of(doc, "fields");
      for (const std::string& id : fields)
        if (field_type(doc, id) == "number") {
          deal["custom"][id] = pick(numbers, rng);
          return "custom number";
        }
      return "custom number (no number field)";
    }
    case 4:
      if (deals.is_array() && deals.size() > 1) std::swap(deals[0], deals[rng.below(deals.size() - 1) + 1]);
      return "deals swapped";
    case 5:
      if (deals.is_array() && !deals.empty()) deals.erase(rng.below(deals.size()));
      return "a deal removed";
    default: {
      json copy = deal;
      copy["id"] = "d_copy_" + std::to_string(rng.below(1000));
      if (deals.is_array()) deals.push_back(std::move(copy));
      return "a deal copied";
    }
  }
}

constexpr int kIndents[] = {-1, -1, -1, 2, 0, 1, 4};

}  // namespace

Mutation mutate_structure(json doc, Rng& rng) {
  const int indent = rng.pick(kIndents);
  std::string kind;
  switch (rng.below(6)) {
    case 0: {
      std::string path;
      pick_node(doc, rng, false, path) = any_value(rng);
      kind = "wrong type at " + path;
      break;
    }
    case 1: {
      std::string path;
      json& obj = pick_node(doc, rng, true, path);
      if (!obj.empty()) {
        auto it = obj.begin();
        std::advance(it, static_cast<std::ptrdiff_t>(rng.below(obj.size())));
        kind = "missing " + path + "/" + it.key();
        obj.erase(it);
      }
      break;
    }
    case 2: {
      static const char* const keys[] = {"zz", "Id", "", "title ", "deals", "custom", "é", "TITLE"};
      std::string path;
      const char* key = rng.pick(keys);
      pick_node(doc, rng, true, path)[key] = any_value(rng);
      kind = "unknown key " + path + "/" + key;
      break;
    }
    case 3: kind = "wrong reference: " + wrong_reference(doc, rng); break;
    case 4: kind = "out of range: " + out_of_range(doc, rng); break;
    default: kind = "valid edit: " + valid_edit(doc, rng); break;
  }
  return {doc.dump(indent), "structure, " + kind, std::string::npos};
}

std::size_t structure_edit_at(const json& doc, const std::string& mutated) {
  std::size_t best = 0;  // the dump it was made from shares the longest prefix
  for (int indent : kIndents) {
    const std::string before = doc.dump(indent);
    std::size_t at = 0;
    while (at < before.size() && at < mutated.size() && before[at] == mutated[at]) ++at;
    best = std::max(best, at);
  }
  return best;
}

}  // namespace pb::test
