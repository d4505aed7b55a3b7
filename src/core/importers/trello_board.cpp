#include <algorithm>
#include <charconv>

#include "deal_fields.hpp"
#include "documents.hpp"
#include "source_json_internal.hpp"
#include "trello_board_internal.hpp"

namespace pb::trello {
namespace {

const JsonPath kRoot;  // paths keep a pointer to their parent: stored ones start here, not at a temporary

// The records of one top-level array, at most kMaxDeals of them; nullptr (with an error) when
// the member is there but no array.
const json* array_of(const json& doc, const char* key, Issues& errors, Issues& warnings) {
  const json* v = source::get(doc, key);
  if (!v) return nullptr;
  if (!v->is_array()) {
    errors.add(JsonPath() / key, "expected an array, got " + describe_type(*v));
    return nullptr;
  }
  if (v->size() > kMaxDeals)
    warnings.add(JsonPath() / key, "holds " + std::to_string(v->size()) + " entries; only the first " +
                                       std::to_string(kMaxDeals) + " are read");
  return v;
}

std::size_t limit(const json& a) { return std::min<std::size_t>(a.size(), kMaxDeals); }

// pos: a number, or a numeric string in old exports. Missing or wrong: last, with a warning.
double read_pos(const json& obj, const JsonPath& p, Issues& warnings) {
  const json* v = source::get(obj, "pos");
  if (!v) return 1e300;
  if (auto d = source::number(*v)) return *d;
  warnings.add(p / "pos", "expected a number, got " + describe_type(*v) + "; placed last");
  return 1e300;
}

bool read_closed(const json& obj, const JsonPath& p, Issues& warnings) {
  const json* v = source::get(obj, "closed");
  if (!v) return false;
  if (v->is_boolean()) return v->get<bool>();
  warnings.add(p / "closed", "expected true or false, got " + describe_type(*v) + "; taken as open");
  return false;
}

std::vector<std::string> read_ids(const json& obj, const char* key, const JsonPath& p, Issues& warnings) {
  std::vector<std::string> out;
  const json* v = source::get(obj, key);
  if (!v) return out;
  if (!v->is_array()) {
    warnings.add(p / key, "expected an array of ids, got " + describe_type(*v) + "; left out");
    return out;
  }
  for (std::size_t i = 0; i < v->size() && i < 1000; ++i)
    if ((*v)[i].is_string()) out.push_back((*v)[i].get<std::string>());
  return out;
}

// A card's customFieldItems: {idCustomField, value: {number|text|date|checked}} or {idCustomField, idValue}.
void read_custom(const json& card, Card& c, const JsonPath& p, Issues& warnings) {
  const json* items = source::get(card, "customFieldItems");
  if (!items) return;
  const JsonPath ip = p / "customFieldItems";
  if (!items->is_array()) {
    warnings.add(ip, "expected an array, got " + describe_type(*items) + "; left out");
    return;
  }
  for (std::size_t i = 0; i < items->size() && i < 1000; ++i) {
    const json& item = (*items)[i];
    std::string field = source::text(item, "idCustomField", ip / i, warnings);
    if (field.empty()) continue;
    if (const json* id = source::get(item, "idValue"); id && id->is_string()) {
      c.custom.emplace_back(field, id->get<std::string>());
      continue;
    }
    const json* value = source::get(item, "value");
    if (!value || !value->is_object() || value->empty()) continue;
    const std::string& key = value->begin().key();
    const json& v = value->begin().value();
    if (v.is_string()) c.custom.emplace_back(field, v.get<std::string>());
    else if (v.is_number() || v.is_boolean()) c.custom.emplace_back(field, v.dump());
    else warnings.add(ip / i / "value" / key, "expected text, got " + describe_type(v) + "; left out");
  }
}

void read_fields(const json& doc, Board& b, Issues& errors, Issues& warnings) {
  const json* fields = array_of(doc, "customFields", errors, warnings);
  if (!fields) return;
  const JsonPath fp = kRoot / "customFields";
  for (std::size_t i = 0; i < limit(*fields); ++i) {
    const json& f = (*fields)[i];
    Field field{source::text(f, "id", fp / i, warnings), source::text(f, "name", fp / i, warnings),
                source::text(f, "type", fp / i, warnings), {}};
    if (field.id.empty()) continue;
    if (const json* options = source::get(f, "options"); options && options->is_array())
      for (std::size_t k = 0; k < options->size() && k < kMaxOptions; ++k) {
        const json* value = source::get((*options)[k], "value");
        const json* t = value ? source::get(*value, "text") : nullptr;
        if (t && t->is_string()) field.options.emplace_back(source::id_text((*options)[k], "id"), t->get<std::string>());
      }
    b.fields.push_back(std::move(field));
  }
}

void read_named(const json& doc, const char* key, Board& b, Issues& errors, Issues& warnings) {
  const json* a = array_of(doc, key, errors, warnings);
  if (!a) return;
  const JsonPath p = kRoot / key;
  const bool labels = std::string_view(key) == "labels";
  for (std::size_t i = 0; i < limit(*a); ++i) {
    const json& m = (*a)[i];
    std::string id = source::text(m, "id", p / i, warnings);
    std::string name = source::text(m, labels ? "name" : "fullName", p / i, warnings);
    if (name.empty()) name = source::text(m, labels ? "color" : "username", p / i, warnings);
    if (name.empty()) name = labels ? "No color" : "Member " + id;
    if (!id.empty()) (labels ? b.labels : b.members).emplace_back(id, name);
  }
}

// createCard (data.list) and moves (updateCard with data.listAfter), oldest first.
void read_moves(const json& doc, Board& b, Issues& errors, Issues& warnings) {
  const json* actions = array_of(doc, "actions", errors, warnings);
  if (!actions) return;
  for (std::size_t i = 0; i < limit(*actions); ++i) {
    const json& a = (*actions)[i];
    const json* type = source::get(a, "type");
    const json* data = source::get(a, "data");
    const json* date = source::get(a, "date");
    auto at = date ? source::time_ms_of(*date) : std::nullopt;
    if (!type || !type->is_string() || !data || !at) continue;
    const std::string& t = type->get_ref<const std::string&>();
    const json* list = t == "createCard" || t == "copyCard" ? source::get(*data, "list")
                       : t == "updateCard"                    ? source::get(*data, "listAfter")
                                                              : nullptr;
    const json* card = source::get(*data, "card");
    if (!list || !card) continue;
    std::string list_id = source::id_text(*list, "id"), card_id = source::id_text(*card, "id");
    if (!list_id.empty() && !card_id.empty()) b.moves[card_id].push_back({list_id, *at});
  }
  for (auto& [card, moves] : b.moves)
    std::stable_sort(moves.begin(), moves.end(), [](const Move& x, const Move& y) { return x.at < y.at; });
}

}  // namespace

std::optional<std::int64_t> id_time(const std::string& id) {
  if (id.size() != 24 || id.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) return std::nullopt;
  std::uint32_t t = 0;
  std::from_chars(id.data(), id.data() + 8, t, 16);
  return static_cast<std::int64_t>(t) * 1000;
}

bool read_board(std::string_view text, Board& b, Issues& errors, Issues& warnings) {
  json doc;
  if (!source::parse(text, doc, errors, "the file")) return false;
  if (!doc.is_object()) {
    errors.add("", "a Trello board export is a JSON object; this file holds " + describe_type(doc));
    return false;
  }
  const json* boards = source::get(doc, "boards");
  if (!doc.contains("lists") && boards && boards->is_array()) {
    errors.add("/boards", "this is a Trello account export with " + std::to_string(boards->size()) +
                              " boards, not one board; open the board in Trello and export it from its menu: "
                              "… → Print, export and share → Export as JSON");
    return false;
  }
  if (!doc.contains("lists")) {
    errors.add("", "this is not a Trello board export: it has no \"lists\"");
    return false;
  }
  const json* lists = array_of(doc, "lists", errors, warnings);
  if (!lists) {
    if (errors.ok()) errors.add("/lists", "the board has no lists");
    return false;
  }
  const json* cards = doc.contains("cards") ? array_of(doc, "cards", errors, warnings) : nullptr;
  if (!errors.ok()) return false;
  b.name = source::text(doc, "name", JsonPath(), warnings);

  const JsonPath lp = kRoot / "lists";
  for (std::size_t i = 0; i < limit(*lists); ++i) {
    const json& l = (*lists)[i];
    if (source::id_text(l, "id").empty()) {
      errors.add(lp / i, "a list needs an object with an \"id\"; left out");
      continue;
    }
    b.lists.push_back({source::id_text(l, "id"), source::text(l, "name", lp / i, warnings), read_pos(l, lp / i, warnings),
                       read_closed(l, lp / i, warnings)});
  }
  std::stable_sort(b.lists.begin(), b.lists.end(), [](const List& x, const List& y) { return x.pos < y.pos; });

  const JsonPath cp = kRoot / "cards";
  for (std::size_t i = 0; cards && i < limit(*cards); ++i) {
    const json& c = (*cards)[i];
    if (!c.is_object()) {
      errors.add(cp / i, "expected a card (an object), got " + describe_type(c) + "; left out");
      continue;
    }
    Card card;
    card.index = i;
    card.id = source::id_text(c, "id");
    card.name = source::text(c, "name", cp / i, warnings);
    card.desc = source::text(c, "desc", cp / i, warnings);
    card.list = source::text(c, "idList", cp / i, warnings);
    card.due = source::text(c, "due", cp / i, warnings);
    card.last_activity = source::text(c, "dateLastActivity", cp / i, warnings);
    card.pos = read_pos(c, cp / i, warnings);
    card.closed = read_closed(c, cp / i, warnings);
    card.members = read_ids(c, "idMembers", cp / i, warnings);
    card.labels = read_ids(c, "idLabels", cp / i, warnings);
    read_custom(c, card, cp / i, warnings);
    b.cards.push_back(std::move(card));
  }
  std::stable_sort(b.cards.begin(), b.cards.end(), [](const Card& x, const Card& y) { return x.pos < y.pos; });

  // A wrong customFields, members, labels or actions array loses only what it holds: warnings.
  read_fields(doc, b, warnings, warnings);
  read_named(doc, "members", b, warnings, warnings);
  read_named(doc, "labels", b, warnings, warnings);
  read_moves(doc, b, warnings, warnings);
  return true;
}

}  // namespace pb::trello
