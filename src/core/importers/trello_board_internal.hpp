// A Trello board export read into plain records, checked with paths: what inspect_trello and
// import_trello both start from. Records that cannot be used (a card that is no object, a list
// without an id) are left out with an error; wrong-typed details are warnings.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "json_read.hpp"

namespace pb::trello {

struct List {
  std::string id, name;
  double pos = 0;
  bool closed = false;
};

struct Card {
  std::size_t index = 0;  // in the export's cards array, for paths
  std::string id, name, desc, list, due, last_activity;
  double pos = 0;
  bool closed = false;
  std::vector<std::string> members, labels;
  std::vector<std::pair<std::string, std::string>> custom;  // field id -> raw value (number text, option id, ...)
};

struct Field {
  std::string id, name, type;
  std::vector<std::pair<std::string, std::string>> options;  // option id -> text, for list fields, in order
};

struct Move {
  std::string list;
  std::int64_t at = 0;  // Unix milliseconds
};

struct Board {
  std::string name;
  std::vector<List> lists;  // sorted by pos, ties in array order
  std::vector<Card> cards;  // sorted by pos, ties in array order
  std::vector<Field> fields;
  std::vector<std::pair<std::string, std::string>> members, labels;  // id -> shown name
  std::map<std::string, std::vector<Move>> moves;  // card id -> lists entered, oldest first
};

// False with errors when the text is no Trello board (not JSON, an account export, no lists).
bool read_board(std::string_view text, Board& out, Issues& errors, Issues& warnings);

// Creation time (Unix milliseconds) of a Trello id (a Mongo ObjectId: its first 8 hex digits are Unix seconds).
std::optional<std::int64_t> id_time(const std::string& id);

}  // namespace pb::trello
