// Turns the catalog's stories (stories_catalog.cpp) into deals: a year of closed deals, some open
// ones, each with a stage history that agrees with where the deal stands now.
#include "stories.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <tuple>

#include "stories_catalog_internal.hpp"
#include "xorshift_internal.hpp"

namespace pb {
namespace {

using stories::Story;

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;
constexpr int kMonths = 12;  // closed deals fall in the 12 calendar months up to now's

// splitmix64: spreads a seed (and a story's index) into a non-zero xorshift state.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  x ^= x >> 31;
  return x ? x : 0x2545F4914F6CDD1DULL;
}

// xorshift64 (xorshift_internal.hpp) and plain modulo.
struct Rng {
  std::uint64_t s;
  std::uint64_t next() { return demo_detail::xorshift64(s); }
  std::int64_t below(std::int64_t n) { return n <= 0 ? 0 : static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(n)); }
  std::int64_t between(std::int64_t lo, std::int64_t hi) { return lo + below(hi - lo + 1); }  // inclusive
  bool percent(int p) { return below(100) < p; }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    static const T none{};
    return v.empty() ? none : v[static_cast<std::size_t>(below(static_cast<std::int64_t>(v.size())))];
  }
};

// The first instant of the UTC month `back` months before now's month.
Timestamp month_start(Timestamp now, int back) {
  int y = 0;
  unsigned m = 0, d = 0;
  civil_from_days(date_of(now).days, y, m, d);
  const int months = y * 12 + static_cast<int>(m) - 1 - back;
  return static_cast<Timestamp>(days_from_civil(months / 12, static_cast<unsigned>(months % 12) + 1, 1)) * kDay;
}

// A moment in [lo, hi), in working hours (08:00-18:59 UTC) when the range allows, on the minute.
Timestamp working_time(Rng& rng, Timestamp lo, Timestamp hi) {
  // One draw per statement: the order of two calls in one expression is up to the compiler.
  const std::int64_t day = rng.below((hi - lo + kDay - 1) / kDay);
  const Timestamp t = lo + day * kDay + 8 * kHour + rng.below(11 * 60) * kMinute;
  return t < hi ? t : lo + rng.below((hi - lo) / kMinute) * kMinute;
}

// n visit times, oldest first: the first at `from`, the last at `to` (when n > 1), the gaps of
// random relative sizes, on the minute.
std::vector<Timestamp> spread(Rng& rng, std::size_t n, Timestamp from, Timestamp to) {
  std::vector<std::int64_t> gaps(n > 1 ? n - 1 : 0);
  std::int64_t total = 0;
  for (auto& g : gaps) total += g = 1 + rng.below(4);
  std::vector<Timestamp> out{from};
  std::int64_t acc = 0;
  for (std::size_t i = 1; i < n; ++i) {
    acc += gaps[i - 1];
    out.push_back(i + 1 == n ? to : from + (to - from) * acc / total / kMinute * kMinute);
  }
  return out;
}

// "Brandt & Söhne" -> "brandt-sohne": ASCII letters and digits, for email domains. Latin-1
// letters (UTF-8 C3 xx) lose their accents; other non-ASCII text is dropped.
std::string slug(const std::string& s) {
  static constexpr char kLatin1[] = "aaaaaaaceeeeiiiidnooooo-ouuuuyty";  // U+00C0..U+00DF, lower-cased
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += static_cast<char>(c);
    else if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    else if (c == 0xC3 && i + 1 < s.size()) {
      const unsigned char next = static_cast<unsigned char>(s[++i]);
      if (next == 0x9F) out += "ss";
      else if (next >= 0x80 && next <= 0xBF && kLatin1[next & 0x1F] != '-') out += kLatin1[next & 0x1F];
    } else if (c < 0x80 && !out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

// A title pattern filled in from the deal; "" when it names a field the deal leaves empty.
std::string fill(std::string pattern, const Deal& d) {
  const std::pair<const char*, const std::string*> slots[] = {{"{company}", &d.company}, {"{product}", &d.product},
                                                              {"{plan}", &d.plan},       {"{property}", &d.property},
                                                              {"{source}", &d.source},   {"{contact}", &d.contact_name}};
  for (const auto& [slot, value] : slots)
    for (auto at = pattern.find(slot); at != std::string::npos; at = pattern.find(slot)) {
      if (value->empty()) return {};
      pattern.replace(at, std::string_view(slot).size(), *value);
    }
  return pattern;
}

// Where a deal ends up: open (in open stage `reached`), or won or lost in month `back`.
struct Outcome {
  DealStatus status = DealStatus::Open;
  std::size_t reached = 0;  // the last open stage it entered
  int back = 0;
};

// The i-th of a story's deals. The first 24 closed deals are won, then lost, once in each of the
// 12 months, so every month of every pipeline's reports has both; the rest are drawn.
Outcome outcome_of(Rng& rng, const Story& s, std::size_t open_stages, int i, int closed) {
  Outcome o;
  const auto early = [&] {  // earlier stages hold more deals, as in real funnels
    const auto n = static_cast<std::int64_t>(open_stages);
    return static_cast<std::size_t>(std::min(rng.below(n), rng.below(n)));
  };
  if (i >= closed) {
    o.reached = early();
    return o;
  }
  const bool won = i < 2 * kMonths ? i < kMonths : rng.percent(s.won_percent);
  o.status = won ? DealStatus::Won : DealStatus::Lost;
  o.back = i < 2 * kMonths ? i % kMonths : static_cast<int>(rng.below(kMonths));
  o.reached = won ? open_stages - 1 : early();
  return o;
}

Deal make_deal(Rng& rng, const Story& s, std::size_t open_stages, const std::vector<Person>& people, const Outcome& o,
               Timestamp now) {
  const Pipeline& p = s.pipeline;
  Deal d;
  d.pipeline = p.id;
  d.status = o.status;
  d.owner = people[rng.pick(s.owners)].id;
  d.company = rng.pick(s.companies);
  const stories::Contact& contact = rng.pick(s.contacts);
  d.contact_name = contact.name;
  if (!contact.local.empty())
    d.contact_email = contact.local + "@" + (d.company.empty() ? std::string("mail") : slug(d.company)) + ".example";
  d.product = rng.pick(s.products);
  d.plan = rng.pick(s.plans);
  d.property = rng.pick(s.properties);
  d.source = rng.pick(s.sources);
  d.title = fill(rng.pick(s.titles), d);
  if (d.title.empty()) d.title = fill(s.titles.front(), d);  // the first pattern names only fields always set
  const std::int64_t u = rng.below(1001);  // u^2 skews values to the low end: a few big deals, many small
  if (const auto price = s.seat_price.find(d.plan); price != s.seat_price.end())
    d.value = Money{(1 + (s.seats_max - 1) * u * u / 1'000'000) * price->second, p.currency};
  else
    d.value = Money{(s.value_min + (s.value_max - s.value_min) * u * u / 1'000'000) / s.value_step * s.value_step, p.currency};
  if (rng.percent(30)) d.notes = rng.pick(s.notes);

  // The stages entered, in order: open ones (a won deal may have skipped a middle one), then the end.
  std::vector<const Stage*> path;
  for (std::size_t k = 0; k <= o.reached; ++k)
    if (k == 0 || k == o.reached || o.status != DealStatus::Won || !rng.percent(15)) path.push_back(&p.stages[k]);
  if (o.status != DealStatus::Open)
    path.push_back(p.first_of_kind(o.status == DealStatus::Won ? StageKind::Won : StageKind::Lost));

  Timestamp last = 0;
  if (o.status == DealStatus::Open) {
    const std::int64_t min_age = static_cast<std::int64_t>(o.reached + 1) * 2 * 60;  // minutes: time to move along
    const std::int64_t age = rng.between(min_age, std::max<std::int64_t>(min_age, s.open_age_max_days * 24 * 60));
    d.created = (now - age * kMinute) / kMinute * kMinute;
    last = d.created + (now - d.created) * rng.between(30, 95) / 100 / kMinute * kMinute;
    d.updated = last + rng.below((now - last) / kMinute) * kMinute;
    const std::int32_t today = date_of(now).days;
    if (const auto r = rng.below(100); r >= 15)  // 15% have no expected close, 20% are overdue
      d.expected_close = Date{today + static_cast<std::int32_t>(r < 35 ? -rng.between(1, 30) : rng.between(1, s.expect_max_days))};
  } else {
    last = working_time(rng, month_start(now, o.back), o.back == 0 ? now : month_start(now, o.back - 1));
    d.created = last - rng.between(s.cycle_min_days * 24 * 60, s.cycle_max_days * 24 * 60) * kMinute;
    d.updated = std::min(now, last + rng.below(2 * 24 * 60) * kMinute);  // a last note after closing
    if (rng.percent(85)) d.expected_close = Date{date_of(last).days + static_cast<std::int32_t>(rng.between(-10, 10))};
    if (o.status == DealStatus::Lost && rng.percent(90)) d.lost_reason = rng.pick(s.lost_reasons);
  }
  const std::vector<Timestamp> at = spread(rng, path.size(), d.created, last);
  for (std::size_t k = 0; k < path.size(); ++k) d.history.push_back(StageVisit{p.id, path[k]->id, at[k]});
  d.stage = path.back()->id;

  // More meetings the further a deal got: SMB a call or two, enterprise a dozen.
  if (s.meetings_min >= 0) {
    const std::int64_t span = s.meetings_max - s.meetings_min;
    const std::int64_t m = s.meetings_min + span * static_cast<std::int64_t>(o.reached + 1) /
                                                static_cast<std::int64_t>(open_stages) + rng.between(-1, 1);
    d.custom["meetings"] = static_cast<double>(std::clamp<std::int64_t>(m, s.meetings_min, s.meetings_max));
  }
  return d;
}

}  // namespace

Workspace make_story_workspace(Timestamp now, std::uint64_t seed) {
  Workspace ws;
  const std::vector<Person> people = stories::people();
  const std::vector<Story> catalog = stories::catalog();
  for (const Story& s : catalog) ws.pipelines.insert(ws.pipelines.size(), std::make_shared<const Pipeline>(s.pipeline));
  for (const Person& p : people) ws.people.insert(ws.people.size(), std::make_shared<const Person>(p));
  for (const FieldDef& f : stories::fields()) ws.fields.insert(ws.fields.size(), std::make_shared<const FieldDef>(f));
  for (const View& v : stories::views()) ws.views.insert(ws.views.size(), std::make_shared<const View>(v));

  // Each story draws from its own stream, so changing one story leaves the others' deals alone.
  std::vector<std::tuple<Timestamp, std::size_t, int, Deal>> deals;
  for (std::size_t si = 0; si < catalog.size(); ++si) {
    const Story& s = catalog[si];
    Rng rng{mix(seed ^ mix(si + 1))};
    const std::size_t open_stages = static_cast<std::size_t>(std::count_if(
        s.pipeline.stages.begin(), s.pipeline.stages.end(), [](const Stage& st) { return st.kind == StageKind::Open; }));
    const int count = static_cast<int>(rng.between(s.deals_min, s.deals_max));
    const int closed = std::min(count, std::max(2 * kMonths, count * s.closed_percent / 100));
    for (int i = 0; i < count; ++i) {
      Deal d = make_deal(rng, s, open_stages, people, outcome_of(rng, s, open_stages, i, closed), now);
      const Timestamp created = d.created;
      deals.emplace_back(created, si, i, std::move(d));
    }
  }
  // The board lists deals in the order they came in; ids follow that order.
  std::sort(deals.begin(), deals.end(), [](const auto& a, const auto& b) {
    return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a)) < std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b));
  });
  ws.deals.reserve(deals.size());
  for (std::size_t i = 0; i < deals.size(); ++i) {
    Deal& d = std::get<3>(deals[i]);
    char id[32];
    std::snprintf(id, sizeof id, "deal-%04zu", i + 1);
    d.id = id;
    ws.deals.insert(ws.deals.size(), std::make_shared<const Deal>(std::move(d)));
  }
  return ws;
}

}  // namespace pb
