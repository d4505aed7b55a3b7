// The hand-made workspace behind test_query.cpp and test_query_groups.cpp. Every expected result
// in those tests is worked out by hand from this table:
//
//  id  title             pipe stage   value          owner  product     plan      source    close       created
//  d1  Acme rollout      p1   s_new   1,000.00 EUR   u1     CRM         Team      Web       2026-10-15  09-01 10:00
//  d2  Beta renewal      p1   s_pres  2,500.00 EUR   u2     Analytics   Business  Referral  2026-10-31  09-02 00:00
//  d3  Gamma pilot       p1   s_pres    400.00 USD   u1     CRM         Team      Web       2026-11-02  09-02 23:59:59
//  d4  delta expansion   p1   s_nego  5,000.00 EUR   -      -           -         Event     -           now
//  d5  Epsilon           p1   s_won   3,000.00 EUR   u2     CRM         -         -         2026-09-30  now
//  d6  Zeta              p1   s_lost    700.00 EUR   u1     Analytics   -         -         -           now  (lost: Price)
//  d7  Eta               p2   t_demo 10,000.00 USD   u2     Consulting  -         -         2026-12-01  now
//  d8  Theta             p2   t_new     200.00 USD   u1     -           -         -         -           now
//
// Custom: d1 {Industry Retail, Seats 10, Start 2026-11-01, Budget 500.00 EUR, Ref "REF-1"},
// d2 {Tech, 25, Budget 750.00 USD}, d3 {Tech, Ref "ref-22"}, d4 {Seats 5}, d7 {Health, Start 2027-01-15}.
// d1 also has company "Acme GmbH", contact Jane Roe <jane@acme.test>, property "12 Harbour St", notes
// "Call Monday"; d2 company "Beta Ltd"; d3 "Gamma"; d4 "delta"; d5 property "Villa Aurora".
// Stage probabilities: s_new 10, s_pres 30, s_nego 60, s_won 100, s_lost 0; t_new 20, t_demo 50.
// People: u1 Ana, u2 Łukasz, u3 Zoe (owns nothing).
#pragma once
#include <algorithm>

#include "query.hpp"
#include "test_helpers.hpp"
#include "validate.hpp"

namespace pb::test {

inline std::string join(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ",") + id;
  return out;
}

inline std::string ids_of(const Group& g) {
  std::vector<std::string> ids;
  for (const Deal* d : g.deals) ids.push_back(d->id);
  return join(ids);
}

inline Workspace query_workspace() {
  Session s = small_session();
  add_p2(s);
  ok(s, {{"type", "person.create"}, {"person", {{"id", "u3"}, {"name", "Zoe"}}}});
  ok(s, {{"type", "field.update"}, {"field", "f_ind"}, {"options", {"Retail", "Tech", "Health"}}});
  ok(s, {{"type", "field.create"}, {"field", {{"id", "f_seats"}, {"name", "Seats"}, {"type", "number"}}}});
  ok(s, {{"type", "field.create"}, {"field", {{"id", "f_start"}, {"name", "Start"}, {"type", "date"}}}});
  ok(s, {{"type", "field.create"}, {"field", {{"id", "f_budget"}, {"name", "Budget"}, {"type", "money"}}}});
  ok(s, {{"type", "field.create"}, {"field", {{"id", "f_ref"}, {"name", "Reference"}, {"type", "text"}}}});
  auto add = [&](const char* id, const char* title, const char* pipeline, const char* stage, std::int64_t amount,
                 const char* currency, json extra) {
    json d{{"id", id}, {"title", title}, {"pipeline", pipeline}, {"stage", stage},
           {"value", {{"amount", amount}, {"currency", currency}}}};
    d.update(extra);
    ok(s, {{"type", "deal.create"}, {"deal", d}});
  };
  add("d1", "Acme rollout", "p1", "s_new", 100000, "EUR",
      {{"owner", "u1"}, {"company", "Acme GmbH"}, {"contact_name", "Jane Roe"}, {"contact_email", "jane@acme.test"},
       {"product", "CRM"}, {"plan", "Team"}, {"property", "12 Harbour St"}, {"source", "Web"},
       {"expected_close", "2026-10-15"}, {"created", "2026-09-01T10:00:00Z"}, {"notes", "Call Monday"},
       {"custom", {{"f_ind", "Retail"}, {"f_seats", 10}, {"f_start", "2026-11-01"},
                   {"f_budget", {{"amount", 50000}, {"currency", "EUR"}}}, {"f_ref", "REF-1"}}}});
  add("d2", "Beta renewal", "p1", "s_pres", 250000, "EUR",
      {{"owner", "u2"}, {"company", "Beta Ltd"}, {"product", "Analytics"}, {"plan", "Business"}, {"source", "Referral"},
       {"expected_close", "2026-10-31"}, {"created", "2026-09-02T00:00:00Z"},
       {"custom", {{"f_ind", "Tech"}, {"f_seats", 25}, {"f_budget", {{"amount", 75000}, {"currency", "USD"}}}}}});
  add("d3", "Gamma pilot", "p1", "s_pres", 40000, "USD",
      {{"owner", "u1"}, {"company", "Gamma"}, {"product", "CRM"}, {"plan", "Team"}, {"source", "Web"},
       {"expected_close", "2026-11-02"}, {"created", "2026-09-02T23:59:59Z"},
       {"custom", {{"f_ind", "Tech"}, {"f_ref", "ref-22"}}}});
  add("d4", "delta expansion", "p1", "s_nego", 500000, "EUR",
      {{"company", "delta"}, {"source", "Event"}, {"custom", {{"f_seats", 5}}}});
  add("d5", "Epsilon", "p1", "s_won", 300000, "EUR",
      {{"owner", "u2"}, {"product", "CRM"}, {"property", "Villa Aurora"}, {"expected_close", "2026-09-30"}});
  add("d6", "Zeta", "p1", "s_lost", 70000, "EUR", {{"owner", "u1"}, {"lost_reason", "Price"}, {"product", "Analytics"}});
  add("d7", "Eta", "p2", "t_demo", 1000000, "USD",
      {{"owner", "u2"}, {"product", "Consulting"}, {"expected_close", "2026-12-01"},
       {"custom", {{"f_ind", "Health"}, {"f_start", "2027-01-15"}}}});
  add("d8", "Theta", "p2", "t_new", 20000, "USD", {{"owner", "u1"}});
  return s.workspace();
}

}  // namespace pb::test
