// Trello: a board's "Export as JSON" (board menu: … → Print, export and share → Export as JSON)
// to a workspace of one pipeline. Open lists become open stages in `pos` order, cards become
// deals in `pos` order within their list; archived lists and cards are left out unless asked for.
//
// Labels: a card's first label is the choice field "Label" (so the board can be grouped by it);
// when any card has more than one, the text field "All labels" holds each card's labels joined
// by ", ", so none is lost.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "importers.hpp"

namespace pb {

struct TrelloOptions {
  std::vector<std::string> won_lists, lost_lists;  // list ids or exact names: won / lost stages
  std::string value_field;                         // custom field (id or name) holding the deal value
  std::string currency = "USD";                    // of that value
  bool include_archived = false;                   // archived lists and cards too
  bool operator==(const TrelloOptions&) const = default;
};
json to_json(const TrelloOptions& o);
// Reads options as to_json writes them; every key is optional. False (with issues) on a wrong type.
bool trello_options_from_json(const json& j, TrelloOptions& out, Issues& issues);

// What a board holds, for the mapping screen. Lists in pos order.
struct TrelloInspection {
  bool ok = false;
  Issues errors = Issues();  // why it is not a board (an account export, not JSON, no lists)
  std::string board;
  struct List { std::string id, name; double pos = 0; bool closed = false; std::size_t cards = 0, archived_cards = 0; };
  struct Field { std::string id, name, type; };  // type as Trello says: number, text, date, list, checkbox
  struct Named { std::string id, name; };
  std::vector<List> lists;
  std::vector<Field> custom_fields;
  std::vector<Named> members, labels;  // a label's name is its color when unnamed
  std::size_t cards = 0, archived_cards = 0, archived_lists = 0;
  TrelloOptions suggested;  // won/lost lists and a value field, guessed from their names
};
TrelloInspection inspect_trello(std::string_view text);
json to_json(const TrelloInspection& i);

// `now` (Unix milliseconds) stands in for times the board does not give.
SourceImport import_trello(std::string_view text, const TrelloOptions& options, std::int64_t now);

}  // namespace pb
