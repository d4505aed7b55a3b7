// The one table of a deal's built-in fields, PB_DEAL_FIELDS. Each row gives:
//   key    its JSON name (documents, commands, field keys of queries and views)
//   member the Deal member: model.hpp declares one per row, in this order (the canonical order of
//          README "The format", which the formatter follows)
//   type   what it holds, and so how it is read, written, filtered and compared (DealType)
//   limit  the longest accepted value in bytes, for the types read as strings
//   group  its place in the group-by menu, first = 1; 0 = deals cannot be grouped by it
//   flags  sortable, searched by the search box, edited by the user, set by dragging, in the bar
//   ops    the filter operators it takes
//   label  what the UI calls it
// Read by the codec (records), the deal scanner and writer (reader), the formatter (documents),
// queries and the quick filter (query), regrouping (commands) and the deal editor, board and
// filter bar (src/ui). A plain text field is one row of type Text: nothing else in C++ names it.
//
// Special fields keep hand-written code where their rule is their own, next to the generic code:
// id (required, not empty), title (required, not blank), pipeline and stage (references moved by
// commands; stage groups seed every stage), status (set by commands), value (money, required),
// owner (a person: groups seed every person, sorts by name), contact_email (an address when
// typed), expected_close, created and updated (dates and times; created and updated required),
// custom (checked against the workspace's fields) and history (stage visits). The query key
// "currency" (the value's currency) has no row: query.cpp adds it.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

namespace pb {

// Limits shared by every record's reader (bytes).
inline constexpr std::size_t kMaxId = 64;
inline constexpr std::size_t kMaxName = 200;
inline constexpr std::size_t kMaxText = 100'000;
inline constexpr std::size_t kMaxOptions = 1'000;  // per choice field

// What a field holds. Id, Title, Text and Email are std::string members.
enum class DealType : std::uint8_t {
  Id,       // an id: the deal's own, or a reference (pipeline, stage, owner); may be empty
  Title,    // text that must not be blank
  Text,     // text, empty when unset
  Email,    // text that commands hold to an email address
  Status,   // DealStatus
  Money,    // Money
  Day,      // std::optional<Date>
  Time,     // Timestamp
  Custom,   // custom values by field id
  History,  // stage visits
};
constexpr bool holds_string(DealType t) {
  return t == DealType::Id || t == DealType::Title || t == DealType::Text || t == DealType::Email;
}
// Plain text: optional, empty when unset, written only when set.
constexpr bool is_text(DealType t) { return t == DealType::Text || t == DealType::Email; }

enum DealFlag : unsigned {
  kSortable = 1u << 0,    // a sort key
  kSearched = 1u << 1,    // the search box and {"text": ...} filters look in it
  kEditable = 1u << 2,    // deal.update sets it; the deal editor shows it
  kDraggable = 1u << 3,   // dragging a card to another group column sets it
  kInFilterBar = 1u << 4, // the filter bar offers its values (a string field, "eq")
};

enum FilterOps : std::uint8_t {
  kNoFilter,    // not a filter key
  kTextOps,     // every operator: eq ne lt le gt ge contains starts_with in empty not_empty
  kCompareOps,  // all but contains and starts_with (numbers, money, dates, times)
};

// clang-format off
#define PB_DEAL_FIELDS(X)                                                                                                \
  /* key              member          type     limit     group flags                                            ops          label */ \
  X("id",             id,             Id,      kMaxId,   0,  0,                                                kNoFilter,   "Id")             \
  X("title",          title,          Title,   kMaxName, 0,  kSortable | kSearched | kEditable,               kTextOps,    "Title")          \
  X("pipeline",       pipeline,       Id,      kMaxId,   10, kSortable | kDraggable,                           kTextOps,    "Pipeline")       \
  X("stage",          stage,          Id,      kMaxId,   1,  kSortable | kDraggable,                           kTextOps,    "Stage")          \
  X("status",         status,         Status,  32,       7,  kSortable | kDraggable,                           kTextOps,    "Status")         \
  X("lost_reason",    lost_reason,    Text,    kMaxName, 12, kSortable,                                        kTextOps,    "Lost reason")    \
  X("value",          value,          Money,   0,        0,  kSortable | kEditable,                            kCompareOps, "Value")          \
  X("owner",          owner,          Id,      kMaxId,   2,  kSortable | kEditable | kDraggable,               kTextOps,    "Owner")          \
  X("company",        company,        Text,    kMaxName, 9,  kSortable | kSearched | kEditable | kDraggable,   kTextOps,    "Company")        \
  X("contact_name",   contact_name,   Text,    kMaxName, 15, kSortable | kSearched | kEditable,               kTextOps,    "Contact")        \
  X("contact_email",  contact_email,  Email,   kMaxName, 0,  kSortable | kSearched | kEditable,               kTextOps,    "Email")          \
  X("product",        product,        Text,    kMaxName, 3,  kSortable | kSearched | kEditable | kDraggable | kInFilterBar, kTextOps, "Product") \
  X("plan",           plan,           Text,    kMaxName, 4,  kSortable | kEditable | kDraggable,               kTextOps,    "Subscription plan") \
  X("property",       property,       Text,    kMaxName, 5,  kSortable | kEditable | kDraggable,               kTextOps,    "Property")       \
  X("source",         source,         Text,    kMaxName, 6,  kSortable | kEditable | kDraggable,               kTextOps,    "Source channel") \
  X("expected_close", expected_close, Day,     64,       8,  kSortable | kEditable | kDraggable,               kCompareOps, "Expected close") \
  X("created",        created,        Time,    64,       13, kSortable,                                        kCompareOps, "Created")        \
  X("updated",        updated,        Time,    64,       14, kSortable,                                        kCompareOps, "Updated")        \
  X("notes",          notes,          Text,    kMaxText, 0,  kSortable | kSearched | kEditable,               kTextOps,    "Notes")          \
  X("custom",         custom,         Custom,  0,        0,  kEditable,                                        kNoFilter,   "Custom fields")  \
  X("history",        history,        History, 0,        0,  0,                                                kNoFilter,   "Stage history")
// clang-format on

// The group-by menu place of the query key "currency", which has no row (between pipeline and lost_reason).
inline constexpr int kCurrencyGroup = 11;

#define PB_DEAL_FIELD_ENUM(key, member, ...) member,
enum class DealField : std::uint8_t { PB_DEAL_FIELDS(PB_DEAL_FIELD_ENUM) };
#undef PB_DEAL_FIELD_ENUM

struct DealFieldInfo {
  DealField field;
  std::string_view key;  // views a string literal: .data() is NUL-terminated
  DealType type;
  std::size_t limit;
  int group;
  unsigned flags;
  FilterOps ops;
  std::string_view label;  // views a string literal too
  constexpr bool has(unsigned flag) const { return (flags & flag) != 0; }
  constexpr bool queryable() const { return group > 0 || has(kSortable) || ops != kNoFilter; }
};

#define PB_DEAL_FIELD_INFO(key, member, type, limit, group, flags, ops, label) \
  DealFieldInfo{DealField::member, key, DealType::type, limit, group, flags, ops, label},
inline constexpr DealFieldInfo kDealFields[] = {PB_DEAL_FIELDS(PB_DEAL_FIELD_INFO)};
#undef PB_DEAL_FIELD_INFO
inline constexpr std::size_t kDealFieldCount = std::size(kDealFields);

constexpr const DealFieldInfo& field_info(DealField f) { return kDealFields[static_cast<std::size_t>(f)]; }

// What the code reading the table relies on: checked once, here, rather than per use.
constexpr bool rows_are_consistent() {
  for (std::size_t i = 0; i < kDealFieldCount; ++i) {
    const DealFieldInfo& f = kDealFields[i];
    if (static_cast<std::size_t>(f.field) != i) return false;  // DealField indexes kDealFields
    if ((f.has(kSearched) || f.has(kInFilterBar)) && !holds_string(f.type)) return false;  // matched as text
    if (holds_string(f.type) && f.limit == 0) return false;
    if (f.has(kDraggable) && f.group == 0) return false;  // dragging is between group columns
    for (std::size_t j = 0; j < i; ++j)
      if (kDealFields[j].key == f.key) return false;
  }
  return true;
}
static_assert(rows_are_consistent(), "PB_DEAL_FIELDS: a key repeats, or a row's flags do not fit its type");

// Strings left out of a deal's JSON when empty: text, and the owner (a deal may have none).
constexpr bool left_out_when_empty(const DealFieldInfo& f) { return is_text(f.type) || f.field == DealField::owner; }
// A string field the user edits whose group columns take cards: dragging a card to a column sets
// the field to the column's value, and a deal added in a column starts with it.
constexpr bool set_by_column(const DealFieldInfo& f) {
  return holds_string(f.type) && f.has(kEditable) && f.has(kDraggable);
}
// The row with this key, or null. A linear scan: for keys given once (a query, a patch), not per deal.
constexpr const DealFieldInfo* find_deal_field(std::string_view key) {
  for (const DealFieldInfo& f : kDealFields)
    if (f.key == key) return &f;
  return nullptr;
}

// [SECTION] Compile-time walks over the rows, for the hot paths: each row is a type, so code for a
// row is chosen with `if constexpr` and a walk compiles to straight-line code, as if hand-written.

// Each row's member, by overloading on the row: deal_member(row tag, deal) is deal.<member>.
template <DealField F>
using DealFieldTag = std::integral_constant<DealField, F>;
#define PB_DEAL_FIELD_MEMBER(key, member, ...) \
  template <class D>                           \
  constexpr auto& deal_member(DealFieldTag<DealField::member>, D& deal) { return deal.member; }
PB_DEAL_FIELDS(PB_DEAL_FIELD_MEMBER)
#undef PB_DEAL_FIELD_MEMBER

// One row as a type: its info as constants, and of(deal), its member (const as the deal is).
template <DealField F>
struct DealFieldRow {
  static constexpr const DealFieldInfo& info = kDealFields[static_cast<std::size_t>(F)];
  static constexpr DealField field = F;
  static constexpr std::string_view key = info.key;
  static constexpr DealType type = info.type;
  static constexpr std::size_t limit = info.limit;
  static constexpr bool has(unsigned flag) { return info.has(flag); }
  static constexpr auto& of(auto& deal) { return deal_member(DealFieldTag<F>{}, deal); }
};

// Calls f(DealFieldRow<...>{}) for every row, in table order.
template <class F>
constexpr void for_each_deal_field(F&& f) {
#define PB_DEAL_FIELD_CALL(key, member, ...) f(DealFieldRow<DealField::member>{});
  PB_DEAL_FIELDS(PB_DEAL_FIELD_CALL)
#undef PB_DEAL_FIELD_CALL
}

// Whether f(row) is true for some row, trying them in table order.
template <class F>
constexpr bool any_deal_field(F&& f) {
#define PB_DEAL_FIELD_ANY(key, member, ...) f(DealFieldRow<DealField::member>{}) ||
  return PB_DEAL_FIELDS(PB_DEAL_FIELD_ANY) false;
#undef PB_DEAL_FIELD_ANY
}

// f(row) for the row of a field known only at run time: one switch. f returns the same type for every row.
template <class F>
constexpr decltype(auto) visit_deal_field(DealField field, F&& f) {
  switch (field) {
#define PB_DEAL_FIELD_CASE(key, member, ...) \
  case DealField::member: return f(DealFieldRow<DealField::member>{});
    PB_DEAL_FIELDS(PB_DEAL_FIELD_CASE)
#undef PB_DEAL_FIELD_CASE
  }
  return f(DealFieldRow<DealField::id>{});  // not reached: every enumerator has its case
}

// The string member of a deal for a field that holds one (holds_string), else null.
template <class D>
constexpr auto* string_member(D& deal, DealField field) {
  return visit_deal_field(field, [&](auto row) {
    using Row = decltype(row);
    if constexpr (holds_string(Row::type)) return &Row::of(deal);
    else return static_cast<decltype(&deal.title)>(nullptr);
  });
}

}  // namespace pb
