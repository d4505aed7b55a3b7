// Queries: pure functions that filter, group, sort and total deals.
//
// Field keys used by filters, grouping and sorting: the built-in deal fields (deal_fields.hpp: the
// rows with a group place, kSortable or filter ops, which say what each key may do), "currency"
// (the value's currency), and "custom.<field id>" for custom fields.
//
// Filter expressions (JSON):
//   {"all": [f, ...]}  {"any": [f, ...]}  {"not": f}
//   {"text": "acme"}   case-insensitive search in the fields marked kSearched (title, company, ...)
//   {"field": "value", "op": "gt", "value": 100000}
// ops: eq ne lt le gt ge contains starts_with in empty not_empty. Money compares minor units,
// dates take "YYYY-MM-DD", "in" takes an array.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "json_read.hpp"
#include "model.hpp"

namespace pb {

// A resolved field key: a built-in deal field, the value's currency (part of `value`, so it has
// no row of its own) or a custom field.
struct FieldKey {
  enum class Of : std::uint8_t { Deal, Currency, Custom };
  Of of = Of::Deal;
  DealField field = DealField::title;  // for Of::Deal
  const FieldDef* custom = nullptr;    // for Of::Custom
  bool is(DealField f) const { return of == Of::Deal && field == f; }
};

std::optional<FieldKey> resolve_field(const Table<FieldDef>& fields, std::string_view key);
bool is_groupable(const FieldKey& key);
// Human label for a field key ("Owner", "Expected close", a custom field's name).
std::string field_label(const Table<FieldDef>& fields, std::string_view key);
// All keys a view can group by, in menu order (built-ins, then custom fields).
std::vector<std::string> groupable_keys(const Table<FieldDef>& fields);

struct FilterNode;  // compiled filter, see query.cpp
struct CompiledFilter {
  std::shared_ptr<const FilterNode> root;  // null: matches everything
  bool matches(const Deal& d) const;
};
// Checks and compiles a filter expression; null compiles to "everything".
bool compile_filter(const json& expr, const Table<FieldDef>& fields, CompiledFilter& out, const JsonPath& p,
                    Issues& issues);
bool validate_sort(const std::vector<SortKey>& sort, const Table<FieldDef>& fields, const JsonPath& p, Issues& issues);

struct Query {
  Id pipeline;                  // empty: every pipeline
  json filter;                  // expression, or null
  std::string text;             // quick search on top of the filter
  std::string group_by = "stage";
  std::vector<SortKey> sort;
  std::vector<Id> hidden_stages;
};
Query query_of(const View& v);

struct Totals {
  std::size_t count = 0;
  MoneyTotals value;     // per currency, never mixed
  MoneyTotals weighted;  // value x stage probability (won 100%, lost 0%)
};

struct Group {
  std::string key;    // the field value the group stands for ("" = none)
  std::string label;  // what the UI shows
  std::vector<const Deal*> deals;
  Totals totals;
};

struct QueryResult {
  std::vector<Group> groups;
  Totals totals;
  std::string error;  // set when the query itself is invalid
};

QueryResult run_query(const Workspace& ws, const Query& q);

// Per-pipeline counts for the sidebar, in pipeline order, from one pass over the deals.
struct PipelineSummary {
  Id pipeline;
  std::size_t deals = 0;
  std::size_t open = 0;
  MoneyTotals open_value;
};
std::vector<PipelineSummary> summarize_pipelines(const Workspace& ws);

// Probability used for weighting one deal.
int deal_probability(const Workspace& ws, const Deal& d);

}  // namespace pb
