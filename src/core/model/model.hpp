// The Pipeboard data model: a workspace of pipelines, people, custom fields, saved views and deals.
// Plain values only; every rule that changes them lives in commands.cpp.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "deal_fields.hpp"
#include "money.hpp"
#include "table.hpp"
#include "time.hpp"

namespace pb {

using Id = std::string;

enum class StageKind { Open, Won, Lost };
enum class DealStatus { Open, Won, Lost };
enum class FieldType { Text, Number, Money, Date, Choice };

std::string_view to_string(StageKind k);
std::string_view to_string(DealStatus s);
std::string_view to_string(FieldType t);
bool parse_enum(std::string_view s, StageKind& out);
bool parse_enum(std::string_view s, DealStatus& out);
bool parse_enum(std::string_view s, FieldType& out);

struct Stage {
  Id id;
  std::string name;
  std::string color = "#4f7cff";  // "#rrggbb"
  int probability = 0;            // 0..100
  StageKind kind = StageKind::Open;
  int rotting_days = 0;           // 0 = never rots
  bool operator==(const Stage&) const = default;
};

struct Pipeline {
  Id id;
  std::string name;
  std::string description;
  std::string currency = "USD";
  std::vector<Stage> stages;
  bool operator==(const Pipeline&) const = default;

  const Stage* stage(std::string_view stage_id) const;
  int stage_index(std::string_view stage_id) const;  // -1 when absent
  const Stage* first_of_kind(StageKind kind) const;
};

struct Person {
  Id id;
  std::string name;
  std::string email;
  bool operator==(const Person&) const = default;
};

struct FieldDef {
  Id id;
  std::string name;
  FieldType type = FieldType::Text;
  std::vector<std::string> options;  // for Choice
  bool operator==(const FieldDef&) const = default;
};

// Text and Choice hold a string, Number a double, Money and Date their types.
using FieldValue = std::variant<std::string, double, Money, Date>;

struct StageVisit {
  Id pipeline;
  Id stage;
  Timestamp at = 0;
  bool operator==(const StageVisit&) const = default;
};

// The C++ type of each DealType (deal_fields.hpp).
template <DealType> struct DealValue;
template <> struct DealValue<DealType::Id> { using type = Id; };
template <> struct DealValue<DealType::Title> { using type = std::string; };
template <> struct DealValue<DealType::Text> { using type = std::string; };
template <> struct DealValue<DealType::Email> { using type = std::string; };
template <> struct DealValue<DealType::Status> { using type = DealStatus; };
template <> struct DealValue<DealType::Money> { using type = Money; };
template <> struct DealValue<DealType::Day> { using type = std::optional<Date>; };
template <> struct DealValue<DealType::Time> { using type = Timestamp; };
template <> struct DealValue<DealType::Custom> { using type = std::map<Id, FieldValue>; };
template <> struct DealValue<DealType::History> { using type = std::vector<StageVisit>; };  // oldest first

// One member per row of PB_DEAL_FIELDS, in its order: id, title, pipeline, stage, status,
// lost_reason, value, owner (a Person id, or empty), company, ..., notes, custom, history (every
// stage entered). Value-initialized: status open, times 0, no expected close.
struct Deal {
#define PB_DEAL_MEMBER(key, member, type_, ...) DealValue<DealType::type_>::type member{};
  PB_DEAL_FIELDS(PB_DEAL_MEMBER)
#undef PB_DEAL_MEMBER
  bool operator==(const Deal&) const = default;
};

struct SortKey {
  std::string field;
  bool descending = false;
  bool operator==(const SortKey&) const = default;
};

struct View {
  Id id;
  std::string name;
  Id pipeline;                         // empty: all pipelines
  nlohmann::json filter;               // a validated filter expression (see query.hpp), or null
  std::string group_by = "stage";
  std::vector<SortKey> sort;
  std::vector<Id> hidden_stages;
  bool operator==(const View&) const = default;
};

struct Workspace {
  Table<Pipeline> pipelines;
  Table<Person> people;
  Table<FieldDef> fields;
  Table<View> views;
  Table<Deal> deals;
  bool operator==(const Workspace&) const = default;

  // The pipeline that owns a stage id (stage ids are unique across the workspace).
  const Pipeline* pipeline_of_stage(std::string_view stage_id) const;
  std::size_t count_deals_in_stage(std::string_view stage_id) const;
  std::size_t count_deals_in_pipeline(std::string_view pipeline_id) const;
};

}  // namespace pb
