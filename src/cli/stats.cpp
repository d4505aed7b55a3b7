#include "stats.hpp"

#include "money.hpp"
#include "query.hpp"

namespace pb::cli {
namespace {

json totals_json(const Totals& t) {
  json value = json::object(), weighted = json::object();
  for (const auto& m : t.value) value[m.currency] = m.amount;
  for (const auto& m : t.weighted) weighted[m.currency] = m.amount;
  return json{{"deals", t.count}, {"value", value}, {"weighted", weighted}};
}

json by_status(const Workspace& ws, const Id& pipeline) {
  json out{{"open", 0}, {"won", 0}, {"lost", 0}};
  for (const auto& d : ws.deals)
    if (pipeline.empty() || d.pipeline == pipeline) out[std::string(to_string(d.status))] = out[std::string(to_string(d.status))].get<int>() + 1;
  return out;
}

// "1,250.00 EUR, 3,000 JPY" from {"EUR": 125000, "JPY": 3000}.
std::string money_list(const json& per_currency) {
  std::string out;
  for (auto it = per_currency.begin(); it != per_currency.end(); ++it)
    out += (out.empty() ? "" : ", ") + format_money(Money{it.value().get<std::int64_t>(), it.key()});
  return out.empty() ? "-" : out;
}

std::string deals(const json& n) { return n.dump() + (n.get<std::size_t>() == 1 ? " deal" : " deals"); }

std::string statuses(const json& s) {
  return "open " + s["open"].dump() + ", won " + s["won"].dump() + ", lost " + s["lost"].dump();
}

}  // namespace

json stats_json(const Workspace& ws) {
  std::size_t stages = 0;
  for (const auto& p : ws.pipelines) stages += p.stages.size();
  json pipelines = json::array();
  for (const auto& p : ws.pipelines) {
    Query q;
    q.pipeline = p.id;
    const QueryResult r = run_query(ws, q);  // grouped by stage, every stage in order
    json stage_list = json::array();
    for (const auto& g : r.groups) {
      json s = totals_json(g.totals);
      s["name"] = g.label;
      stage_list.push_back(std::move(s));
    }
    json pj = totals_json(r.totals);
    pj["name"] = p.name;
    pj["status"] = by_status(ws, p.id);
    pj["stages"] = std::move(stage_list);
    pipelines.push_back(std::move(pj));
  }
  Query all;
  all.group_by = "status";
  json totals = totals_json(run_query(ws, all).totals);
  return json{{"pipelines", ws.pipelines.size()}, {"stages", stages},           {"deals", ws.deals.size()},
              {"people", ws.people.size()},       {"fields", ws.fields.size()}, {"views", ws.views.size()},
              {"status", by_status(ws, "")},     {"totals", totals},            {"per_pipeline", pipelines}};
}

std::string stats_text(const json& s) {
  std::string out;
  auto line = [&](const std::string& text) { out += text + "\n"; };
  line("pipelines: " + s["pipelines"].dump());
  line("stages:    " + s["stages"].dump());
  line("deals:     " + s["deals"].dump() + " (" + statuses(s["status"]) + ")");
  line("people:    " + s["people"].dump());
  line("fields:    " + s["fields"].dump());
  line("views:     " + s["views"].dump());
  for (const auto& p : s["per_pipeline"]) {
    line("");
    line("pipeline \"" + p["name"].get<std::string>() + "\": " + deals(p["deals"]) + " (" + statuses(p["status"]) + ")");
    for (const auto& st : p["stages"])
      line("  " + st["name"].get<std::string>() + ": " + deals(st["deals"]) + ", value " + money_list(st["value"]) +
           ", weighted " + money_list(st["weighted"]));
    line("  value " + money_list(p["value"]) + ", weighted " + money_list(p["weighted"]));
  }
  line("");
  line("totals per currency (value / weighted):");
  const json& value = s["totals"]["value"];
  const json& weighted = s["totals"]["weighted"];
  if (value.empty()) line("  -");
  for (auto it = value.begin(); it != value.end(); ++it) {
    const std::int64_t w = weighted.contains(it.key()) ? weighted[it.key()].get<std::int64_t>() : 0;
    line("  " + it.key() + "  " + format_amount(it.value().get<std::int64_t>(), it.key()) + " / " + format_amount(w, it.key()));
  }
  return out;
}

}  // namespace pb::cli
