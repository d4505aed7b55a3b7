// [SECTION] Index
// - Field keys: resolve_field, is_groupable, field_label (from the table of deal_fields.hpp)
// - Field access: text_of, number_of (one place that knows how to read each field of a deal)
// - Filters: compile_filter, CompiledFilter::matches
// - Grouping, sorting and totals: run_query
#include "query.hpp"

#include "codec.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>

namespace pb {

// [SECTION] Field keys

namespace {
constexpr std::string_view kCustomPrefix = "custom.";
constexpr std::string_view kCurrency = "currency";

enum class Kind { Text, Amount, Date, Time, Number };

Kind kind_of(DealType t) {
  switch (t) {
    case DealType::Money: return Kind::Amount;
    case DealType::Day: return Kind::Date;
    case DealType::Time: return Kind::Time;
    default: return Kind::Text;
  }
}

Kind kind_of(const FieldKey& k) {
  switch (k.of) {
    case FieldKey::Of::Deal: return kind_of(field_info(k.field).type);
    case FieldKey::Of::Currency: return Kind::Text;
    case FieldKey::Of::Custom:
      switch (k.custom->type) {
        case FieldType::Number: return Kind::Number;
        case FieldType::Money: return Kind::Amount;
        case FieldType::Date: return Kind::Date;
        default: return Kind::Text;
      }
  }
  return Kind::Text;
}

FilterOps ops_of(const FieldKey& k) {
  if (k.of == FieldKey::Of::Deal) return field_info(k.field).ops;
  return kind_of(k) == Kind::Text ? kTextOps : kCompareOps;
}

bool is_sortable(const FieldKey& k) { return k.of != FieldKey::Of::Deal || field_info(k.field).has(kSortable); }
}  // namespace

std::optional<FieldKey> resolve_field(const Table<FieldDef>& fields, std::string_view key) {
  if (const DealFieldInfo* f = find_deal_field(key); f && f->queryable())
    return FieldKey{FieldKey::Of::Deal, f->field, nullptr};
  if (key == kCurrency) return FieldKey{FieldKey::Of::Currency, DealField::title, nullptr};
  if (key.substr(0, kCustomPrefix.size()) == kCustomPrefix) {
    if (const FieldDef* def = fields.find(key.substr(kCustomPrefix.size())))
      return FieldKey{FieldKey::Of::Custom, DealField::title, def};
  }
  return std::nullopt;
}

bool is_groupable(const FieldKey& key) {
  switch (key.of) {
    case FieldKey::Of::Deal: return field_info(key.field).group > 0;
    case FieldKey::Of::Currency: return true;
    case FieldKey::Of::Custom: return key.custom->type != FieldType::Money;
  }
  return false;
}

std::string field_label(const Table<FieldDef>& fields, std::string_view key) {
  const auto k = resolve_field(fields, key);
  if (!k) return std::string(key);
  switch (k->of) {
    case FieldKey::Of::Deal: return std::string(field_info(k->field).label);
    case FieldKey::Of::Currency: return "Currency";
    case FieldKey::Of::Custom: return k->custom->name;
  }
  return std::string(key);
}

std::vector<std::string> groupable_keys(const Table<FieldDef>& fields) {
  std::vector<std::pair<int, std::string_view>> builtins{{kCurrencyGroup, kCurrency}};  // by menu place
  for (const DealFieldInfo& f : kDealFields)
    if (f.group > 0) builtins.emplace_back(f.group, f.key);
  std::stable_sort(builtins.begin(), builtins.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> keys;
  for (const auto& b : builtins) keys.emplace_back(b.second);
  for (const auto& f : fields)
    if (f.type != FieldType::Money) keys.push_back(std::string(kCustomPrefix) + f.id);
  return keys;
}

// [SECTION] Field access

namespace {

const FieldValue* custom_of(const Deal& d, const FieldDef* def) {
  auto it = d.custom.find(def->id);
  return it == d.custom.end() ? nullptr : &it->second;
}

// Text form of a text-kind field; empty when unset.
std::string_view text_of(const Deal& d, const FieldKey& k) {
  switch (k.of) {
    case FieldKey::Of::Deal:
      return visit_deal_field(k.field, [&](auto row) -> std::string_view {
        using Row = decltype(row);
        if constexpr (holds_string(Row::type)) return Row::of(d);
        else if constexpr (Row::type == DealType::Status) return to_string(Row::of(d));
        else return {};
      });
    case FieldKey::Of::Currency: return d.value.currency;
    case FieldKey::Of::Custom:
      if (const FieldValue* v = custom_of(d, k.custom); v && std::holds_alternative<std::string>(*v))
        return std::get<std::string>(*v);
      return {};
  }
  return {};
}

// Numeric form of a number-like field (amount, days, ms, number); nullopt when unset.
std::optional<double> number_of(const Deal& d, const FieldKey& k) {
  switch (k.of) {
    case FieldKey::Of::Deal:
      return visit_deal_field(k.field, [&](auto row) -> std::optional<double> {
        using Row = decltype(row);
        const auto& v = Row::of(d);
        if constexpr (Row::type == DealType::Money) return static_cast<double>(v.amount);
        else if constexpr (Row::type == DealType::Day) return v ? std::optional<double>(v->days) : std::nullopt;
        else if constexpr (Row::type == DealType::Time) return static_cast<double>(v);
        else return std::nullopt;
      });
    case FieldKey::Of::Currency: return std::nullopt;
    case FieldKey::Of::Custom: {
      const FieldValue* v = custom_of(d, k.custom);
      if (!v) return std::nullopt;
      if (auto* n = std::get_if<double>(v)) return *n;
      if (auto* m = std::get_if<Money>(v)) return static_cast<double>(m->amount);
      if (auto* dt = std::get_if<Date>(v)) return dt->days;
      return std::nullopt;
    }
  }
  return std::nullopt;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

bool contains_ci(std::string_view hay, std::string_view needle_lower) {
  if (needle_lower.empty()) return true;
  if (hay.size() < needle_lower.size()) return false;
  for (std::size_t i = 0; i + needle_lower.size() <= hay.size(); ++i) {
    std::size_t k = 0;
    while (k < needle_lower.size() && lower(hay[i + k]) == needle_lower[k]) ++k;
    if (k == needle_lower.size()) return true;
  }
  return false;
}

int compare_ci(std::string_view a, std::string_view b) {
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const char x = lower(a[i]), y = lower(b[i]);
    if (x != y) return static_cast<unsigned char>(x) < static_cast<unsigned char>(y) ? -1 : 1;
  }
  return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

// The search box and {"text": ...}: the lower-cased needle in any field marked kSearched.
bool search_matches(const Deal& d, std::string_view needle_lower) {
  return any_deal_field([&](auto row) {
    using Row = decltype(row);
    if constexpr (Row::has(kSearched)) {
      static_assert(holds_string(Row::type), "only string fields are searched");
      return contains_ci(Row::of(d), needle_lower);
    } else {
      return false;
    }
  });
}

}  // namespace

// [SECTION] Filters

enum class Op { Eq, Ne, Lt, Le, Gt, Ge, Contains, StartsWith, In, Empty, NotEmpty };

struct FilterNode {
  enum class Type { All, Any, Not, Text, Cond } type = Type::All;
  std::vector<FilterNode> children;
  FieldKey key;
  Op op = Op::Eq;
  std::string text;               // text operand (lower-cased for contains / starts_with / text search)
  double number = 0;              // numeric operand (amounts, days, ms, numbers)
  std::vector<std::string> set;   // for "in" on text fields
  std::vector<double> numbers;    // for "in" on numeric fields
};

namespace {

constexpr std::string_view kOps[] = {"eq", "ne", "lt", "le", "gt", "ge", "contains", "starts_with", "in", "empty", "not_empty"};

bool compare(Op op, int c) {
  switch (op) {
    case Op::Eq: return c == 0;
    case Op::Ne: return c != 0;
    case Op::Lt: return c < 0;
    case Op::Le: return c <= 0;
    case Op::Gt: return c > 0;
    case Op::Ge: return c >= 0;
    default: return false;
  }
}

// Reads one operand for a numeric-kind field into a double (dates to days, times to ms).
bool read_numeric_operand(const json& v, Kind kind, double& out, const JsonPath& p, Issues& issues) {
  if (kind == Kind::Date || kind == Kind::Time) {
    std::string s;
    if (!value_string(v, s, p, issues, 64)) return false;
    auto d = parse_date(s);
    if (!d) {
      issues.add(p, "expected a date like 2026-03-31, got \"" + s + "\"");
      return false;
    }
    out = kind == Kind::Date ? d->days : static_cast<double>(d->days) * 86'400'000.0;
    return true;
  }
  if (kind == Kind::Amount) {
    std::int64_t n;
    if (!value_int(v, n, p, issues, -kMaxMoneyMinor, kMaxMoneyMinor)) return false;
    out = static_cast<double>(n);
    return true;
  }
  if (!v.is_number() || !std::isfinite(v.get<double>())) {
    issues.add(p, "expected a number, got " + describe_type(v));
    return false;
  }
  out = v.get<double>();
  return true;
}

bool compile_node(const json& e, const Table<FieldDef>& fields, FilterNode& n, const JsonPath& p, Issues& issues,
                  int depth) {
  if (depth > 16) {
    issues.add(p, "filter is nested deeper than 16 levels");
    return false;
  }
  if (!expect_object(e, p, issues)) return false;
  const std::size_t before = issues.count();
  for (auto [name, type] : {std::pair{"all", FilterNode::Type::All}, {"any", FilterNode::Type::Any}}) {
    if (!e.contains(name)) continue;
    reject_unknown_keys(e, {name}, p, issues);
    n.type = type;
    const json& list = e[name];
    if (!expect_array(list, p / name, issues)) return false;
    n.children.resize(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) compile_node(list[i], fields, n.children[i], p / name / i, issues, depth + 1);
    return issues.count() == before;
  }
  if (e.contains("not")) {
    reject_unknown_keys(e, {"not"}, p, issues);
    n.type = FilterNode::Type::Not;
    n.children.resize(1);
    return compile_node(e["not"], fields, n.children[0], p / "not", issues, depth + 1);
  }
  if (e.contains("text")) {
    reject_unknown_keys(e, {"text"}, p, issues);
    n.type = FilterNode::Type::Text;
    if (!read_string(e, "text", n.text, p, issues, Need::Required, kMaxName)) return false;
    n.text = to_lower(n.text);
    return issues.count() == before;
  }
  n.type = FilterNode::Type::Cond;
  reject_unknown_keys(e, {"field", "op", "value"}, p, issues);
  std::string field, op;
  if (!read_string(e, "field", field, p, issues, Need::Required, 100)) {
    if (!e.contains("field")) issues.add(p, "expected one of all, any, not, text or field");
    return false;
  }
  auto key = resolve_field(fields, field);
  if (!key) {
    issues.add(p / "field", "unknown field \"" + field + "\"");
    return false;
  }
  n.key = *key;
  const FilterOps ops = ops_of(n.key);
  if (ops == kNoFilter) {
    issues.add(p / "field", "cannot filter by \"" + field + "\"");
    return false;
  }
  if (!read_string(e, "op", op, p, issues, Need::Required, 32)) return false;
  auto it = std::find(std::begin(kOps), std::end(kOps), op);
  if (it == std::end(kOps)) {
    issues.add(p / "op", "unknown operator \"" + op + "\"");
    return false;
  }
  n.op = static_cast<Op>(it - std::begin(kOps));
  if (n.op == Op::Empty || n.op == Op::NotEmpty) return issues.count() == before;
  const Kind kind = kind_of(n.key);
  const bool numeric = kind != Kind::Text;
  if ((n.op == Op::Contains || n.op == Op::StartsWith) && ops != kTextOps) {
    issues.add(p / "op", "\"" + op + "\" works on text fields only");
    return false;
  }
  auto value = e.find("value");
  if (value == e.end()) {
    issues.add(p / "value", "is required");
    return false;
  }
  const JsonPath vp = p / "value";
  if (n.op == Op::In) {
    if (!expect_array(*value, vp, issues)) return false;
    for (std::size_t i = 0; i < value->size(); ++i) {
      if (numeric) {
        double d;
        if (read_numeric_operand((*value)[i], kind, d, vp / i, issues)) n.numbers.push_back(d);
      } else {
        std::string s;
        if (value_string((*value)[i], s, vp / i, issues, kMaxName)) n.set.push_back(std::move(s));
      }
    }
  } else if (numeric) {
    read_numeric_operand(*value, kind, n.number, vp, issues);
  } else if (value_string(*value, n.text, vp, issues, kMaxName)) {
    if (n.op == Op::Contains || n.op == Op::StartsWith) n.text = to_lower(n.text);
  }
  return issues.count() == before;
}

bool eval(const FilterNode& n, const Deal& d) {
  switch (n.type) {
    case FilterNode::Type::All:
      for (const auto& c : n.children)
        if (!eval(c, d)) return false;
      return true;
    case FilterNode::Type::Any:
      for (const auto& c : n.children)
        if (eval(c, d)) return true;
      return n.children.empty();
    case FilterNode::Type::Not: return !eval(n.children[0], d);
    case FilterNode::Type::Text: return search_matches(d, n.text);
    case FilterNode::Type::Cond: break;
  }
  if (kind_of(n.key) == Kind::Text) {
    const std::string_view v = text_of(d, n.key);
    switch (n.op) {
      case Op::Empty: return v.empty();
      case Op::NotEmpty: return !v.empty();
      case Op::Contains: return contains_ci(v, n.text);
      case Op::StartsWith: return v.size() >= n.text.size() && compare_ci(v.substr(0, n.text.size()), n.text) == 0;
      case Op::In: return std::find(n.set.begin(), n.set.end(), v) != n.set.end();
      case Op::Eq: return v == n.text;
      case Op::Ne: return v != n.text;
      default: return compare(n.op, v.compare(n.text) < 0 ? -1 : (v == n.text ? 0 : 1));
    }
  }
  std::optional<double> v = number_of(d, n.key);
  if (v && kind_of(n.key) == Kind::Time) {
    // Times compare by whole days so "created ge 2026-03-01" includes all of March 1st.
    v = std::floor(*v / 86'400'000.0) * 86'400'000.0;
  }
  switch (n.op) {
    case Op::Empty: return !v;
    case Op::NotEmpty: return v.has_value();
    case Op::In: return v && std::find(n.numbers.begin(), n.numbers.end(), *v) != n.numbers.end();
    default:
      if (!v) return n.op == Op::Ne;
      return compare(n.op, *v < n.number ? -1 : (*v == n.number ? 0 : 1));
  }
}

}  // namespace

bool CompiledFilter::matches(const Deal& d) const { return !root || eval(*root, d); }

bool compile_filter(const json& expr, const Table<FieldDef>& fields, CompiledFilter& out, const JsonPath& p,
                    Issues& issues) {
  if (expr.is_null()) {
    out.root.reset();
    return true;
  }
  auto node = std::make_shared<FilterNode>();
  if (!compile_node(expr, fields, *node, p, issues, 0)) return false;
  out.root = std::move(node);
  return true;
}

namespace {
// The key of sort[i], or nullopt with its issue at p/i/field.
std::optional<FieldKey> sort_key(const std::vector<SortKey>& sort, std::size_t i, const Table<FieldDef>& fields,
                                 const JsonPath& p, Issues& issues) {
  const std::string& name = sort[i].field;
  auto key = resolve_field(fields, name);
  if (!key) issues.add(p / i / "field", "unknown field \"" + name + "\"");
  else if (!is_sortable(*key)) issues.add(p / i / "field", "cannot sort by \"" + name + "\"");
  else return key;
  return std::nullopt;
}
}  // namespace

bool validate_sort(const std::vector<SortKey>& sort, const Table<FieldDef>& fields, const JsonPath& p,
                   Issues& issues) {
  const std::size_t before = issues.count();
  for (std::size_t i = 0; i < sort.size(); ++i) sort_key(sort, i, fields, p, issues);
  return issues.count() == before;
}

Query query_of(const View& v) {
  Query q;
  q.pipeline = v.pipeline;
  q.filter = v.filter;
  q.group_by = v.group_by;
  q.sort = v.sort;
  q.hidden_stages = v.hidden_stages;
  return q;
}

// [SECTION] Grouping, sorting and totals

int deal_probability(const Workspace& ws, const Deal& d) {
  if (d.status == DealStatus::Won) return 100;
  if (d.status == DealStatus::Lost) return 0;
  const Pipeline* p = ws.pipelines.find(d.pipeline);
  const Stage* s = p ? p->stage(d.stage) : nullptr;
  return s ? s->probability : 0;
}

namespace {

// Per-query lookups built once: stage probabilities and orders, people names.
struct QueryContext {
  const Workspace& ws;
  std::unordered_map<std::string_view, int> probability;   // by stage id
  std::unordered_map<std::string_view, int> stage_order;   // global order: pipeline, then stage
  std::unordered_map<std::string_view, std::string_view> person_name;

  explicit QueryContext(const Workspace& w) : ws(w) {
    int order = 0;
    for (const auto& p : ws.pipelines)
      for (const auto& s : p.stages) {
        probability[s.id] = s.probability;
        stage_order[s.id] = order++;
      }
    for (const auto& person : ws.people) person_name[person.id] = person.name;
  }
  int probability_of(const Deal& d) const {
    if (d.status == DealStatus::Won) return 100;
    if (d.status == DealStatus::Lost) return 0;
    auto it = probability.find(d.stage);
    return it == probability.end() ? 0 : it->second;
  }
};

struct TotalsBuilder {
  struct PerCurrency {
    std::int64_t value = 0;
    __int128 weighted = 0;  // sum of amount x probability; divided by 100 at the end
  };
  std::size_t count = 0;
  std::vector<std::pair<std::string_view, PerCurrency>> by_currency;

  void add(const Deal& d, int probability) {
    ++count;
    auto it = std::find_if(by_currency.begin(), by_currency.end(), [&](auto& e) { return e.first == d.value.currency; });
    if (it == by_currency.end()) it = by_currency.insert(by_currency.end(), {d.value.currency, {}});
    it->second.value += d.value.amount;
    // Amounts within +-10^12 (kMaxMoneyMinor) times a percentage fit in 64 bits: multiply there,
    // as a 128-bit multiply is a library call in wasm.
    const std::int64_t a = d.value.amount;
    const bool small = a >= -kMaxMoneyMinor && a <= kMaxMoneyMinor && probability >= -1000 && probability <= 1000;
    it->second.weighted += small ? static_cast<__int128>(a * probability) : static_cast<__int128>(a) * probability;
  }
  Totals finish() const {
    Totals t;
    t.count = count;
    for (const auto& [currency, sums] : by_currency) {
      add_to_totals(t.value, currency, sums.value);
      // Round half away from zero.
      const __int128 w = sums.weighted >= 0 ? (sums.weighted + 50) / 100 : (sums.weighted - 50) / 100;
      add_to_totals(t.weighted, currency, static_cast<std::int64_t>(w));
    }
    return t;
  }
};

// Group key for one deal; `scratch` holds formatted keys (months, numbers).
std::string_view group_key_of(const Deal& d, const FieldKey& k, std::string& scratch,
                              std::unordered_map<std::int32_t, std::string>& month_cache) {
  const Kind kind = kind_of(k);
  if (kind == Kind::Text) return text_of(d, k);
  auto n = number_of(d, k);
  if (!n) return {};
  if (kind == Kind::Date || kind == Kind::Time) {
    const Date day = kind == Kind::Date ? Date{static_cast<std::int32_t>(*n)} : date_of(static_cast<Timestamp>(*n));
    int y;
    unsigned m, dd;
    civil_from_days(day.days, y, m, dd);
    const std::int32_t month = y * 12 + static_cast<std::int32_t>(m);
    auto it = month_cache.find(month);
    if (it == month_cache.end()) it = month_cache.emplace(month, format_month(day)).first;
    return it->second;
  }
  scratch = json(*n).dump();
  return scratch;
}

// Groups that exist even with no deals, so the board can show them and accept drops.
void seed_groups(const Workspace& ws, const Query& q, const FieldKey& k, std::vector<Group>& groups) {
  auto add = [&](std::string key, std::string label) { groups.push_back(Group{std::move(key), std::move(label), {}, {}}); };
  if (k.of == FieldKey::Of::Custom && k.custom->type == FieldType::Choice) {
    for (const auto& o : k.custom->options) add(o, o);
    add("", "None");
  }
  if (k.of != FieldKey::Of::Deal) return;
  switch (k.field) {
    case DealField::stage:
      for (const auto& p : ws.pipelines) {
        if (!q.pipeline.empty() && p.id != q.pipeline) continue;
        for (const auto& s : p.stages) {
          if (std::find(q.hidden_stages.begin(), q.hidden_stages.end(), s.id) != q.hidden_stages.end()) continue;
          add(s.id, q.pipeline.empty() ? p.name + " / " + s.name : s.name);
        }
      }
      break;
    case DealField::owner:
      for (const auto& person : ws.people) add(person.id, person.name);
      add("", "No owner");
      break;
    case DealField::status:
      add("open", "Open");
      add("won", "Won");
      add("lost", "Lost");
      break;
    case DealField::pipeline:
      for (const auto& p : ws.pipelines) add(p.id, p.name);
      break;
    default: break;
  }
}

struct SortSpec {
  FieldKey key;
  bool descending;
};

int compare_deals(const Deal& a, const Deal& b, const SortSpec& s, const QueryContext& ctx) {
  int c = 0;
  const Kind kind = kind_of(s.key);
  if (s.key.is(DealField::stage)) {
    auto ia = ctx.stage_order.find(a.stage), ib = ctx.stage_order.find(b.stage);
    const int oa = ia == ctx.stage_order.end() ? -1 : ia->second, ob = ib == ctx.stage_order.end() ? -1 : ib->second;
    c = oa < ob ? -1 : (oa > ob ? 1 : 0);
  } else if (s.key.is(DealField::owner)) {
    auto name = [&](const Deal& d) -> std::string_view {
      auto it = ctx.person_name.find(d.owner);
      return it == ctx.person_name.end() ? std::string_view{} : it->second;
    };
    c = compare_ci(name(a), name(b));
  } else if (kind == Kind::Text) {
    c = compare_ci(text_of(a, s.key), text_of(b, s.key));
  } else {
    // Unset values sort last in either direction.
    auto va = number_of(a, s.key), vb = number_of(b, s.key);
    if (!va || !vb) return va ? -1 : (vb ? 1 : 0);
    c = *va < *vb ? -1 : (*va > *vb ? 1 : 0);
  }
  return s.descending ? -c : c;
}

// Scans of 100k deals are bound by memory latency: each deal is a heap object of its own.
// Asking for them some iterations ahead overlaps the cache misses.
inline void prefetch(const void* p) {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(p);
#endif
}
// The fields a board query reads: filters on status and value, groups, totals.
inline void prefetch_deal(const Deal* d) {
  prefetch(&d->pipeline);
  prefetch(&d->status);
  prefetch(&d->value);
  prefetch(&d->owner);
  prefetch(&d->expected_close);
}
constexpr std::size_t kPrefetchAhead = 8;

// A sort on one numeric key (unset values last, ties in their current order) can be a stable LSD
// radix sort on an order-preserving image of the key: several times faster than comparing at 10k+
// deals. run_query takes the images while it has each deal in cache.
bool radix_sortable(const std::vector<SortSpec>& specs) {
  if (specs.size() != 1) return false;
  const FieldKey& k = specs[0].key;
  return kind_of(k) != Kind::Text && !k.is(DealField::stage) && !k.is(DealField::owner);
}
// The image: unsigned order is the sort order. Unset sorts after every number (whose images stay
// below 0xfff0...01); nullopt for NaN, which has no place in that order.
std::optional<std::uint64_t> sort_image(const Deal& d, const SortSpec& spec) {
  const auto v = number_of(d, spec.key);
  if (!v) return ~0ULL;
  if (std::isnan(*v)) return std::nullopt;
  const double key = (spec.descending ? -*v : *v) + 0.0;  // + 0.0: -0 sorts as 0
  std::uint64_t bits;
  std::memcpy(&bits, &key, sizeof bits);
  return bits >> 63 ? ~bits : bits | (1ULL << 63);
}
void radix_sort(std::vector<const Deal*>& deals, const std::vector<std::uint64_t>& images) {
  const std::size_t n = deals.size();
  if (n < 2) return;
  std::vector<std::pair<std::uint64_t, const Deal*>> a(n), b(n);
  for (std::size_t i = 0; i < n; ++i) a[i] = {images[i], deals[i]};
  for (int shift = 0; shift < 64; shift += 8) {
    std::size_t count[257] = {};
    for (const auto& e : a) ++count[((e.first >> shift) & 255) + 1];
    if (count[((a[0].first >> shift) & 255) + 1] == n) continue;  // one digit for all: nothing moves
    for (int d = 0; d < 256; ++d) count[d + 1] += count[d];
    for (const auto& e : a) b[count[(e.first >> shift) & 255]++] = e;
    a.swap(b);
  }
  for (std::size_t i = 0; i < n; ++i) deals[i] = a[i].second;
}

void sort_deals(std::vector<const Deal*>& deals, const std::vector<SortSpec>& specs, const QueryContext& ctx) {
  if (specs.empty()) return;
  const SortSpec& first = specs.front();
  const Kind kind = kind_of(first.key);
  if (kind != Kind::Text && !first.key.is(DealField::stage) && !first.key.is(DealField::owner)) {
    // Numeric first keys sort on extracted keys: the board's hot path at 100k deals.
    struct Keyed {
      double key;
      bool missing;
      std::uint32_t index;
      const Deal* deal;
    };
    std::vector<Keyed> keyed(deals.size());
    for (std::size_t i = 0; i < deals.size(); ++i) {
      if (i + kPrefetchAhead < deals.size()) prefetch_deal(deals[i + kPrefetchAhead]);
      auto v = number_of(*deals[i], first.key);
      keyed[i] = {v ? (first.descending ? -*v : *v) : 0.0, !v, static_cast<std::uint32_t>(i), deals[i]};
    }
    std::sort(keyed.begin(), keyed.end(), [&](const Keyed& a, const Keyed& b) {
      if (a.missing != b.missing) return b.missing;
      if (a.key != b.key) return a.key < b.key;
      for (std::size_t k = 1; k < specs.size(); ++k)
        if (int c = compare_deals(*a.deal, *b.deal, specs[k], ctx)) return c < 0;
      return a.index < b.index;
    });
    for (std::size_t i = 0; i < deals.size(); ++i) deals[i] = keyed[i].deal;
    return;
  }
  std::stable_sort(deals.begin(), deals.end(), [&](const Deal* a, const Deal* b) {
    for (const auto& s : specs)
      if (int c = compare_deals(*a, *b, s, ctx)) return c < 0;
    return false;
  });
}

}  // namespace

QueryResult run_query(const Workspace& ws, const Query& q) {
  QueryResult result;
  Issues issues;
  CompiledFilter filter;
  compile_filter(q.filter, ws.fields, filter, JsonPath() / "filter", issues);
  auto group_key = resolve_field(ws.fields, q.group_by);
  if (!group_key) issues.add(JsonPath() / "group_by", "unknown field \"" + q.group_by + "\"");
  else if (!is_groupable(*group_key)) issues.add(JsonPath() / "group_by", "cannot group by \"" + q.group_by + "\"");
  std::vector<SortSpec> specs;
  for (std::size_t i = 0; i < q.sort.size(); ++i) {
    if (auto k = sort_key(q.sort, i, ws.fields, JsonPath() / "sort", issues)) specs.push_back({*k, q.sort[i].descending});
  }
  if (!q.pipeline.empty() && !ws.pipelines.contains(q.pipeline))
    issues.add(JsonPath() / "pipeline", "no pipeline has id \"" + q.pipeline + "\"");
  if (!issues.ok()) {
    result.error = issues.summary();
    return result;
  }
  const std::string needle = to_lower(q.text);
  const QueryContext ctx(ws);

  seed_groups(ws, q, *group_key, result.groups);
  const bool seeded = !result.groups.empty();
  std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>> index;
  for (std::size_t i = 0; i < result.groups.size(); ++i) index.emplace(result.groups[i].key, i);
  const bool stage_groups = group_key->is(DealField::stage);
  std::vector<TotalsBuilder> group_totals(result.groups.size());
  bool radix = radix_sortable(specs);
  std::vector<std::vector<std::uint64_t>> group_images(radix ? result.groups.size() : 0);  // by group, as deals
  TotalsBuilder all;
  std::string scratch;
  std::unordered_map<std::int32_t, std::string> month_cache;

  // Deals go by blocks: a tight first pass over a block keeps many cache misses in flight and
  // picks the block's deals of the pipeline, which the second pass then finds in cache.
  constexpr std::size_t kBlock = 256;
  std::vector<const Deal*> block;
  block.reserve(kBlock);
  for (std::size_t start = 0, n = ws.deals.size(); start < n; start += kBlock) {
  block.clear();
  for (std::size_t i = start, end = std::min(n, start + kBlock); i < end; ++i) {
    if (i + kPrefetchAhead < n) prefetch(&ws.deals.at(i + kPrefetchAhead).pipeline);
    const Deal* d = &ws.deals.at(i);
    if (!q.pipeline.empty() && d->pipeline != q.pipeline) continue;
    prefetch_deal(d);
    block.push_back(d);
  }
  for (const Deal* deal : block) {
    const Deal& d = *deal;
    if (!q.hidden_stages.empty() &&
        std::find(q.hidden_stages.begin(), q.hidden_stages.end(), d.stage) != q.hidden_stages.end())
      continue;
    if (!needle.empty() && !search_matches(d, needle)) continue;
    if (!filter.matches(d)) continue;
    const std::string_view key = group_key_of(d, *group_key, scratch, month_cache);
    auto it = index.find(key);
    if (it == index.end()) {
      if (stage_groups) continue;  // a stage of another pipeline, or a hidden one
      result.groups.push_back(Group{std::string(key), std::string(key), {}, {}});
      group_totals.emplace_back();
      if (radix) group_images.emplace_back();
      it = index.emplace(std::string(key), result.groups.size() - 1).first;
    }
    const int probability = ctx.probability_of(d);
    result.groups[it->second].deals.push_back(&d);
    group_totals[it->second].add(d, probability);
    if (radix) {
      const auto image = sort_image(d, specs[0]);
      if (image) group_images[it->second].push_back(*image);
      else radix = false;  // a NaN: the comparison sort copes
    }
    all.add(d, probability);
  }
  }
  for (std::size_t i = 0; i < result.groups.size(); ++i) {
    result.groups[i].totals = group_totals[i].finish();
    if (radix && result.groups[i].deals.size() >= 64) radix_sort(result.groups[i].deals, group_images[i]);
    else sort_deals(result.groups[i].deals, specs, ctx);  // the same order
  }
  result.totals = all.finish();

  // Free-form groups (product, source, months, ...) read best sorted by label with "none" last.
  if (!seeded) {
    std::sort(result.groups.begin(), result.groups.end(), [](const Group& a, const Group& b) {
      if (a.key.empty() != b.key.empty()) return b.key.empty();
      return compare_ci(a.label, b.label) < 0;
    });
    for (auto& g : result.groups)
      if (g.key.empty()) g.label = "None";
  }
  if (group_key->is(DealField::owner))
    for (auto& g : result.groups)
      if (!g.key.empty() && !ws.people.contains(g.key)) g.label = g.key + " (unknown)";
  return result;
}

}  // namespace pb

namespace pb {

std::vector<PipelineSummary> summarize_pipelines(const Workspace& ws) {
  std::vector<PipelineSummary> out;
  std::unordered_map<std::string_view, std::size_t> index;
  for (const auto& p : ws.pipelines) {
    index.emplace(p.id, out.size());
    out.push_back(PipelineSummary{p.id, 0, 0, {}});
  }
  for (const auto& d : ws.deals) {
    auto it = index.find(d.pipeline);
    if (it == index.end()) continue;
    PipelineSummary& s = out[it->second];
    ++s.deals;
    if (d.status == DealStatus::Open) {
      ++s.open;
      add_to_totals(s.open_value, d.value.currency, d.value.amount);
    }
  }
  return out;
}

}  // namespace pb
