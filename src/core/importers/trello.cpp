#include "trello.hpp"

#include <algorithm>
#include <charconv>
#include <cctype>
#include <cmath>
#include <map>

#include "documents.hpp"
#include "money.hpp"
#include "source_json_internal.hpp"
#include "trello_board_internal.hpp"
#include "workspace_builder.hpp"

namespace pb {
namespace {

const JsonPath kRoot, kCards = kRoot / "cards";  // stored paths point at their parents: no temporaries

bool named(const std::vector<std::string>& wanted, const std::string& id, const std::string& name) {
  return std::any_of(wanted.begin(), wanted.end(), [&](const std::string& w) { return w == id || w == name; });
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string in_quotes(std::string_view s) { return quoted_excerpt(s, 80); }

const trello::Field* find_field(const trello::Board& b, const std::string& id_or_name) {
  if (id_or_name.empty()) return nullptr;
  for (const auto& f : b.fields)
    if (f.id == id_or_name) return &f;
  for (const auto& f : b.fields)
    if (f.name == id_or_name) return &f;
  return nullptr;
}

// Trello's custom field types as Pipeboard's.
std::string field_type(const std::string& trello_type) {
  if (trello_type == "number") return "number";
  if (trello_type == "date") return "date";
  if (trello_type == "list" || trello_type == "checkbox") return "choice";
  return "text";
}

// A choice value, when the field took the option (a field holds at most kMaxOptions).
void set_choice(BuiltDeal& d, WorkspaceBuilder& w, const std::string& field, const std::string& text) {
  std::string stored = w.option(field, text);
  if (!stored.empty()) d.custom[field] = stored;
}

}  // namespace

json to_json(const TrelloOptions& o) {
  return {{"won_lists", o.won_lists}, {"lost_lists", o.lost_lists}, {"value_field", o.value_field},
          {"currency", o.currency},   {"include_archived", o.include_archived}};
}

bool trello_options_from_json(const json& j, TrelloOptions& out, Issues& issues) {
  const std::size_t before = issues.count();
  if (!expect_object(j, JsonPath(), issues)) return false;
  reject_unknown_keys(j, {"won_lists", "lost_lists", "value_field", "currency", "include_archived"}, JsonPath(), issues);
  TrelloOptions o;
  read_string_list(j, "won_lists", o.won_lists, JsonPath(), issues, Need::Optional, 1000, 1000);
  read_string_list(j, "lost_lists", o.lost_lists, JsonPath(), issues, Need::Optional, 1000, 1000);
  read_string(j, "value_field", o.value_field, JsonPath(), issues, Need::Optional, 1000);
  source::read_currency_option(j, o.currency, issues);
  read_bool(j, "include_archived", o.include_archived, JsonPath(), issues);
  if (issues.count() != before) return false;
  out = std::move(o);
  return true;
}

TrelloInspection inspect_trello(std::string_view text) {
  TrelloInspection r;
  trello::Board b;
  Issues warnings;
  if (!trello::read_board(text, b, r.errors, warnings)) return r;
  r.ok = true;
  r.board = b.name;
  std::map<std::string, std::size_t> list_at;
  for (const auto& l : b.lists) {
    list_at[l.id] = r.lists.size();
    r.lists.push_back({l.id, l.name, l.pos, l.closed, 0, 0});
    if (l.closed) ++r.archived_lists;
    std::string n = lower(l.name);
    if (n == "won" || n == "closed won" || n == "deal won" || n == "won deals") r.suggested.won_lists.push_back(l.id);
    if (n == "lost" || n == "closed lost" || n == "deal lost" || n == "lost deals") r.suggested.lost_lists.push_back(l.id);
  }
  for (const auto& c : b.cards) {
    ++r.cards;
    auto it = list_at.find(c.list);
    bool archived = c.closed || (it != list_at.end() && r.lists[it->second].closed);
    if (archived) ++r.archived_cards;
    if (it != list_at.end()) ++(c.closed ? r.lists[it->second].archived_cards : r.lists[it->second].cards);
  }
  for (const auto& f : b.fields) {
    r.custom_fields.push_back({f.id, f.name, f.type});
    std::string n = lower(f.name);
    if (r.suggested.value_field.empty() && f.type == "number" &&
        (n == "value" || n == "amount" || n == "deal value" || n == "price"))
      r.suggested.value_field = f.id;
  }
  for (const auto& [id, name] : b.members) r.members.push_back({id, name});
  for (const auto& [id, name] : b.labels) r.labels.push_back({id, name});
  return r;
}

json to_json(const TrelloInspection& i) {
  json lists = json::array(), fields = json::array(), members = json::array(), labels = json::array();
  for (const auto& l : i.lists)
    lists.push_back({{"id", l.id}, {"name", l.name}, {"pos", l.pos}, {"closed", l.closed}, {"cards", l.cards},
                     {"archived_cards", l.archived_cards}});
  for (const auto& f : i.custom_fields) fields.push_back({{"id", f.id}, {"name", f.name}, {"type", f.type}});
  for (const auto& m : i.members) members.push_back({{"id", m.id}, {"name", m.name}});
  for (const auto& l : i.labels) labels.push_back({{"id", l.id}, {"name", l.name}});
  json errors = json::array();
  for (const auto& e : i.errors.list()) errors.push_back(e.str());
  return {{"ok", i.ok},         {"errors", errors},   {"board", i.board},   {"lists", lists},
          {"custom_fields", fields}, {"members", members}, {"labels", labels}, {"cards", i.cards},
          {"archived_cards", i.archived_cards}, {"archived_lists", i.archived_lists}, {"suggested", to_json(i.suggested)}};
}

SourceImport import_trello(std::string_view text, const TrelloOptions& options, std::int64_t now) {
  SourceImport r;
  trello::Board b;
  if (!trello::read_board(text, b, r.errors, r.warnings)) return r;
  if (!is_currency(options.currency)) {
    r.errors.add("", in_quotes(options.currency) + " is not a currency code; choose one such as \"USD\"");
    return r;
  }
  const bool all = options.include_archived;
  WorkspaceBuilder w(now, r.warnings);
  const std::string pipeline = w.add_pipeline(b.name.empty() ? "Trello board" : b.name, options.currency);
  r.mapping.push_back({"pipeline", b.name, "pipeline " + in_quotes(b.name.empty() ? "Trello board" : b.name)});

  std::map<std::string, std::string> stage_of;  // list id -> stage id; skipped lists are absent
  std::map<std::string, bool> list_skipped;
  bool open_stage = false;
  for (const auto& l : b.lists) {
    list_skipped[l.id] = l.closed && !all;
    if (l.closed && !all) {
      r.mapping.push_back({"stage", l.name, "skipped (archived)"});
      ++r.skipped;
      continue;
    }
    const bool won = named(options.won_lists, l.id, l.name), lost = !won && named(options.lost_lists, l.id, l.name);
    BuiltStage s{l.name, won ? StageKind::Won : lost ? StageKind::Lost : StageKind::Open, std::nullopt, std::nullopt};
    if (won || lost) s.probability = won ? 100 : 0;
    stage_of[l.id] = w.add_stage(pipeline, s);
    open_stage = open_stage || (!won && !lost);
    r.mapping.push_back({"stage", l.name, "stage " + in_quotes(l.name) + (won ? " (won)" : lost ? " (lost)" : "")});
  }
  if (!open_stage) {
    r.errors.add("/lists", b.lists.empty() ? "the board has no lists; a pipeline needs at least one open stage"
                                           : "the board has no open lists (each is archived or marked won or lost); "
                                             "a pipeline needs at least one open stage");
    return r;
  }
  for (const auto* names : {&options.won_lists, &options.lost_lists})
    for (const auto& n : *names)
      if (std::none_of(b.lists.begin(), b.lists.end(), [&](const trello::List& l) { return l.id == n || l.name == n; }))
        r.warnings.add("", "no list has the id or name " + in_quotes(n));

  // Custom fields: the value field becomes the deals' value, each other one a field.
  const trello::Field* value_field = find_field(b, options.value_field);
  if (!options.value_field.empty() && !value_field)
    r.warnings.add("/customFields", "no custom field has the id or name " + in_quotes(options.value_field) +
                                        "; the deals have no value");
  std::map<std::string, std::string> field_of;  // Trello field id -> field id
  std::map<std::string, const trello::Field*> field_by_id;
  for (const auto& f : b.fields) field_by_id.emplace(f.id, &f);
  for (const auto& f : b.fields) {
    if (&f == value_field) {
      r.mapping.push_back({"field", f.name, "deal value (" + options.currency + ")"});
      continue;
    }
    field_of[f.id] = w.field(f.name, field_type(f.type));
    if (f.type == "list")
      for (const auto& [id, option] : f.options) w.option(field_of[f.id], option);
    r.mapping.push_back({"field", f.name, "field " + in_quotes(f.name) + " (" + field_type(f.type) + ")"});
  }
  std::map<std::string, std::string> person_of, label_of;
  for (const auto& [id, name] : b.members) {
    person_of[id] = w.person(name);
    r.mapping.push_back({"person", name, "person " + in_quotes(name)});
  }
  for (const auto& [id, name] : b.labels) label_of[id] = name;
  std::string label_field, all_labels_field;

  std::map<std::string, std::vector<const trello::Card*>> cards_of;  // list id -> cards in pos order
  std::size_t archived = 0;
  for (const auto& c : b.cards) {
    const JsonPath cp = kCards / c.index;
    if (!list_skipped.count(c.list)) {
      r.errors.add(cp / "idList", "no list has the id " + in_quotes(c.list) + "; the card is left out");
      ++r.skipped;
    } else if ((c.closed && !all) || list_skipped[c.list]) {
      ++archived;
      ++r.skipped;
    } else {
      cards_of[c.list].push_back(&c);
    }
  }
  if (archived) r.mapping.push_back({"cards", std::to_string(archived) + " archived cards", "skipped (archived)"});

  const int exponent = currency_exponent(options.currency);
  for (const auto& l : b.lists)
    for (const trello::Card* c : cards_of[l.id]) {
      if (w.deals() >= kMaxDeals) {
        r.warnings.add("/cards", "more than " + std::to_string(kMaxDeals) + " cards; the rest are left out");
        break;
      }
      const JsonPath cp = kCards / c->index;
      BuiltDeal d;
      d.title = c->name;
      d.notes = c->desc;
      d.stage = stage_of[l.id];
      d.currency = options.currency;
      if (!c->due.empty()) d.expected_close = source::day(c->due);
      d.updated = source::time_ms(c->last_activity);
      auto moves = b.moves.find(c->id);
      d.created = trello::id_time(c->id);
      if (!d.created && moves != b.moves.end()) d.created = moves->second.front().at;
      for (const auto& m : c->members)
        if (person_of.count(m)) {
          d.owner = person_of[m];
          break;
        }
      if (moves != b.moves.end())
        for (const auto& m : moves->second)
          if (stage_of.count(m.list)) d.history.push_back({stage_of[m.list], m.at});

      std::vector<std::string> labels;
      for (const auto& id : c->labels)
        if (label_of.count(id)) labels.push_back(label_of[id]);
      if (!labels.empty()) {
        if (label_field.empty()) label_field = w.field("Label", "choice");
        set_choice(d, w, label_field, labels.front());
      }
      if (labels.size() > 1) {
        if (all_labels_field.empty()) all_labels_field = w.field("All labels", "text");
        std::string joined;
        for (const auto& s : labels) joined += (joined.empty() ? "" : ", ") + s;
        d.custom[all_labels_field] = joined;
      }

      for (const auto& [fid, raw] : c->custom) {
        auto found = field_by_id.find(fid);
        if (found == field_by_id.end()) continue;
        const trello::Field* f = found->second;
        const JsonPath fp = cp / "customFieldItems";
        if (f == value_field) {
          if (auto minor = source::minor_units(raw, exponent)) d.amount = *minor;
          else r.warnings.add(fp, "the value " + in_quotes(raw) + " is not an amount; the deal's value is left at 0");
          continue;
        }
        const std::string& id = field_of[f->id];
        if (f->type == "number") {
          if (auto n = source::number(json(raw))) d.custom[id] = *n;
          else r.warnings.add(fp, in_quotes(raw) + " in " + in_quotes(f->name) + " is not a number; left out");
        } else if (f->type == "date") {
          if (auto day = source::day(raw)) d.custom[id] = *day;
        } else if (f->type == "list") {
          for (const auto& [option_id, option] : f->options)
            if (option_id == raw) set_choice(d, w, id, option);
        } else if (f->type == "checkbox") {
          set_choice(d, w, id, raw == "true" ? "Yes" : "No");
        } else {
          d.custom[id] = raw;
        }
      }
      w.add_deal(std::move(d));
    }
  if (!label_field.empty())
    for (const auto& [id, name] : b.labels) r.mapping.push_back({"label", name, "option " + in_quotes(name) + " of field \"Label\""});

  r.document = w.document();
  r.ok = true;
  return r;
}

}  // namespace pb
