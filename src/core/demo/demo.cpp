#include "demo.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>

#include "xorshift_internal.hpp"

namespace pb {
namespace {

struct Rng {
  std::uint64_t s;
  std::uint64_t next() { return demo_detail::xorshift64(s); }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  template <class T, std::size_t N>
  const T& pick(const std::array<T, N>& a) { return a[below(N)]; }
};

constexpr std::array<const char*, 16> kCompanies = {
    "Acme Robotics", "Łódź Logistics", "Çelik Yapı", "Nguyễn Trading", "Fjord Analytics", "Blue Harbor Realty",
    "Sonnenhof GmbH", "Kumo Systems", "Atlas Dental", "Granite & Co", "Pixel Forge", "Verde Foods",
    "Nordlicht AB", "São Paulo Têxtil", "Orbit Fitness", "Maple Legal"};
constexpr std::array<const char*, 8> kContacts = {"Anna Kowalska", "Mehmet Çelik", "Nguyễn Văn An", "Sofia Rossi",
                                                   "James Carter", "Léa Dubois", "Jürgen Müller", "Aiko Tanaka"};
constexpr std::array<const char*, 5> kProducts = {"CRM Suite", "Analytics", "Onboarding", "Consulting", "Support+"};
constexpr std::array<const char*, 4> kPlans = {"Starter", "Team", "Business", "Enterprise"};
constexpr std::array<const char*, 5> kProperties = {"12 Harbour St", "Flat 4B, Old Town", "Villa Aurora",
                                                    "Unit 7, Mill Lane", ""};
constexpr std::array<const char*, 6> kSources = {"Web form", "Cold email", "Referral", "Amazon FBA", "Web store",
                                                 "Event"};
constexpr std::array<const char*, 8> kTitles = {"Annual license", "Pilot project", "Expansion", "Renewal",
                                                "Team upgrade", "Implementation", "Support contract", "Rollout"};

Stage stage(const char* id, const char* name, const char* color, int probability, StageKind kind, int rotting) {
  return Stage{id, name, color, probability, kind, rotting};
}

}  // namespace

Workspace make_demo_workspace(const DemoOptions& o) {
  Workspace ws;
  Pipeline sales{"pipe_sales", "Sales", "SMB self-serve and sales-assisted deals", "EUR",
                 {stage("st_new", "New", "#8ca3ff", 10, StageKind::Open, 14),
                  stage("st_pres", "Presentation", "#5b8def", 30, StageKind::Open, 14),
                  stage("st_nego", "Negotiation", "#f0a030", 60, StageKind::Open, 21),
                  stage("st_won", "Won", "#2fb67c", 100, StageKind::Won, 0),
                  stage("st_lost", "Lost", "#e0565b", 0, StageKind::Lost, 0)}};
  Pipeline enterprise{"pipe_ent", "Enterprise consulting", "Months-long enterprise engagements", "USD",
                      {stage("st_qual", "Qualification", "#9aa5b1", 10, StageKind::Open, 30),
                       stage("st_contact", "Contact", "#7aa2f7", 20, StageKind::Open, 30),
                       stage("st_demo", "Demo", "#bb9af7", 40, StageKind::Open, 30),
                       stage("st_prop", "Proposal", "#e0af68", 70, StageKind::Open, 45),
                       stage("st_close", "Close", "#2fb67c", 100, StageKind::Won, 0),
                       stage("st_elost", "Lost", "#e0565b", 0, StageKind::Lost, 0)}};
  Pipeline inbound{"pipe_in", "Inbound", "Web forms and chat", "EUR",
                   {stage("st_in_new", "New lead", "#8ca3ff", 5, StageKind::Open, 3),
                    stage("st_in_qual", "Qualified", "#5b8def", 25, StageKind::Open, 7),
                    stage("st_in_meet", "Meeting", "#f0a030", 50, StageKind::Open, 14),
                    stage("st_in_won", "Won", "#2fb67c", 100, StageKind::Won, 0),
                    stage("st_in_lost", "Lost", "#e0565b", 0, StageKind::Lost, 0)}};
  const Pipeline* pipelines[] = {&sales, &enterprise, &inbound};
  for (const Pipeline* p : pipelines) ws.pipelines.insert(ws.pipelines.size(), std::make_shared<const Pipeline>(*p));

  const std::array<Person, 6> people = {Person{"u_ana", "Ana Souza", "ana@example.com"},
                                        Person{"u_lukasz", "Łukasz Wójcik", "lukasz@example.com"},
                                        Person{"u_ayse", "Ayşe Çelik", "ayse@example.com"},
                                        Person{"u_lan", "Nguyễn Thị Lan", "lan@example.com"},
                                        Person{"u_tom", "Tom Becker", "tom@example.com"},
                                        Person{"u_priya", "Priya Nair", "priya@example.com"}};
  for (const auto& p : people) ws.people.insert(ws.people.size(), std::make_shared<const Person>(p));
  ws.fields.insert(0, std::make_shared<const FieldDef>(
                          FieldDef{"f_industry", "Industry", FieldType::Choice, {"Retail", "Health", "Finance", "Tech", "Real estate"}}));
  ws.fields.insert(1, std::make_shared<const FieldDef>(FieldDef{"f_seats", "Seats", FieldType::Number, {}}));
  View hot;
  hot.id = "view_hot";
  hot.name = "Big open deals";
  hot.pipeline = "pipe_sales";
  hot.filter = nlohmann::json{{"all", nlohmann::json::array({nlohmann::json{{"field", "status"}, {"op", "eq"}, {"value", "open"}},
                                                            nlohmann::json{{"field", "value"}, {"op", "ge"}, {"value", 1000000}}})}};
  hot.sort = {SortKey{"value", true}};
  ws.views.insert(0, std::make_shared<const View>(hot));

  Rng rng{o.seed * 0x9E3779B97F4A7C15ULL + 1};
  ws.deals.reserve(o.deals);
  constexpr std::array<const char*, 4> kLostReasons = {"Price too high", "Chose a competitor", "No budget", "No response"};
  const std::array<std::string, 5> industries = {"Retail", "Health", "Finance", "Tech", "Real estate"};
  for (std::size_t i = 0; i < o.deals; ++i) {
    const Pipeline& p = o.one_pipeline ? sales : *pipelines[rng.below(10) < 6 ? 0 : (rng.below(2) ? 1 : 2)];
    // Earlier stages hold more deals, as in real funnels.
    std::size_t si = std::min(rng.below(p.stages.size()), rng.below(p.stages.size()));
    const Stage& s = p.stages[si];
    Deal d;
    char id[32];
    std::snprintf(id, sizeof id, "deal_%06zu", i + 1);
    d.id = id;
    d.company = rng.pick(kCompanies);
    d.title = std::string(rng.pick(kTitles)) + " – " + d.company;
    d.pipeline = p.id;
    d.stage = s.id;
    d.status = s.kind == StageKind::Won ? DealStatus::Won : (s.kind == StageKind::Lost ? DealStatus::Lost : DealStatus::Open);
    if (d.status == DealStatus::Lost) d.lost_reason = rng.pick(kLostReasons);
    const std::int64_t scale = p.id == "pipe_ent" ? 100 : 10;
    d.value = Money{static_cast<std::int64_t>(rng.below(900) + 100) * scale * 1000, p.currency};
    d.owner = people[rng.below(people.size())].id;
    d.contact_name = rng.pick(kContacts);
    d.contact_email = "contact" + std::to_string(rng.below(1000)) + "@example.com";
    d.product = rng.pick(kProducts);
    d.plan = rng.pick(kPlans);
    d.property = rng.pick(kProperties);
    d.source = rng.pick(kSources);
    d.created = o.now - static_cast<Timestamp>(rng.below(180) + 1) * 86'400'000 - static_cast<Timestamp>(rng.below(86'400)) * 1000;
    d.updated = d.created + static_cast<Timestamp>(rng.below(20)) * 86'400'000;
    if (d.updated > o.now) d.updated = o.now;
    d.expected_close = Date{date_of(o.now).days + static_cast<std::int32_t>(rng.below(120)) - 20};
    if (rng.below(4) == 0) d.notes = "Asked for a follow-up call next week.";
    if (rng.below(3) > 0) d.custom["f_industry"] = industries[rng.below(industries.size())];
    if (rng.below(2) == 0) d.custom["f_seats"] = static_cast<double>(5 + rng.below(200));
    for (std::size_t k = 0; k <= si; ++k) {
      if (p.stages[k].kind != StageKind::Open && k != si) continue;
      d.history.push_back(StageVisit{p.id, p.stages[k].id, d.created + static_cast<Timestamp>(k) * 3'600'000});
    }
    d.updated = std::max(d.updated, d.history.back().at);
    ws.deals.insert(ws.deals.size(), std::make_shared<const Deal>(std::move(d)));
  }
  return ws;
}

}  // namespace pb
