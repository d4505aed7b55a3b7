#include "hubspot.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "documents.hpp"
#include "hubspot_read_internal.hpp"
#include "money.hpp"
#include "source_json_internal.hpp"
#include "workspace_builder.hpp"

namespace pb {
namespace {

std::string in_quotes(std::string_view s) { return quoted_excerpt(s, 80); }

bool wanted(const HubspotOptions& o, const std::string& id, const std::string& label) {
  return o.pipelines.empty() || std::any_of(o.pipelines.begin(), o.pipelines.end(),
                                            [&](const std::string& w) { return w == id || w == label; });
}

std::string kind_word(StageKind k) { return k == StageKind::Won ? "won" : k == StageKind::Lost ? "lost" : "open"; }

}  // namespace

json to_json(const HubspotOptions& o) {
  return {{"pipelines", o.pipelines}, {"currency", o.currency}, {"include_archived", o.include_archived}};
}

bool hubspot_options_from_json(const json& j, HubspotOptions& out, Issues& issues) {
  const std::size_t before = issues.count();
  if (!expect_object(j, JsonPath(), issues)) return false;
  reject_unknown_keys(j, {"pipelines", "currency", "include_archived"}, JsonPath(), issues);
  HubspotOptions o;
  read_string_list(j, "pipelines", o.pipelines, JsonPath(), issues, Need::Optional, 1000, 1000);
  source::read_currency_option(j, o.currency, issues);
  read_bool(j, "include_archived", o.include_archived, JsonPath(), issues);
  if (issues.count() != before) return false;
  out = std::move(o);
  return true;
}

HubspotInspection inspect_hubspot(const std::vector<std::string_view>& texts) {
  HubspotInspection r;
  hubspot::Source s;
  Issues warnings;
  hubspot::read_source(texts, s, r.errors, warnings);
  r.texts = s.kinds;
  r.ok = !s.pipelines.empty() || !s.deals.empty();
  std::map<std::string, std::size_t> at;
  for (const auto& p : s.pipelines) {
    at.emplace(p.id, r.pipelines.size());
    HubspotInspection::Pipeline out{p.id, p.label, {}, 0};
    for (const auto& st : p.stages) out.stages.push_back({st.id, st.label, kind_word(st.kind), st.probability.value_or(0)});
    r.pipelines.push_back(std::move(out));
  }
  std::set<std::string> owners;
  for (const auto& d : s.deals) {
    ++r.deals;
    if (d.archived) ++r.archived;
    if (d.stage.empty()) ++r.without_stage;
    if (at.count(d.pipeline)) ++r.pipelines[at[d.pipeline]].deals;
    if (!d.owner.empty() && owners.insert(d.owner).second) r.owners.push_back(d.owner);
    if (r.suggested.currency == "USD" && is_currency(d.currency)) r.suggested.currency = d.currency;
  }
  return r;
}

json to_json(const HubspotInspection& i) {
  json pipelines = json::array(), errors = json::array();
  for (const auto& p : i.pipelines) {
    json stages = json::array();
    for (const auto& s : p.stages)
      stages.push_back({{"id", s.id}, {"label", s.label}, {"kind", s.kind}, {"probability", s.probability}});
    pipelines.push_back({{"id", p.id}, {"label", p.label}, {"stages", stages}, {"deals", p.deals}});
  }
  for (const auto& e : i.errors.list()) errors.push_back(e.str());
  return {{"ok", i.ok},       {"errors", errors},     {"texts", i.texts},         {"pipelines", pipelines},
          {"owners", i.owners}, {"deals", i.deals}, {"archived", i.archived}, {"without_stage", i.without_stage},
          {"suggested", to_json(i.suggested)}};
}

SourceImport import_hubspot(const std::vector<std::string_view>& texts, const HubspotOptions& options,
                            std::int64_t now) {
  SourceImport r;
  if (!is_currency(options.currency)) {
    r.errors.add("", in_quotes(options.currency) + " is not a currency code; choose one such as \"USD\"");
    return r;
  }
  hubspot::Source s;
  hubspot::read_source(texts, s, r.errors, r.warnings);
  if (s.pipelines.empty() && s.deals.empty()) {
    if (r.errors.ok()) r.errors.add("", texts.empty() ? "no files were given" : "the files hold no pipelines or deals");
    return r;
  }
  WorkspaceBuilder w(now, r.warnings);
  std::map<std::string, std::string> pipeline_of;                    // HubSpot pipeline id -> built id
  std::map<std::pair<std::string, std::string>, std::string> stage_of;  // (pipeline, stage) -> built stage
  std::map<std::string, std::string> pipeline_of_stage;              // stage id -> its first pipeline
  std::set<std::string> excluded;
  std::string first_pipeline;  // in displayOrder, of those chosen
  std::map<std::string, StageKind> closed_stages;                    // built won and lost stages
  for (const auto& p : s.pipelines)  // every pipeline's, so a deal of a pipeline not chosen is known as one
    for (const auto& st : p.stages) pipeline_of_stage.emplace(st.id, p.id);
  for (const auto& p : s.pipelines) {
    if (!wanted(options, p.id, p.label)) {
      excluded.insert(p.id);
      r.mapping.push_back({"pipeline", p.label, "skipped (not chosen)"});
      continue;
    }
    pipeline_of[p.id] = w.add_pipeline(p.label, options.currency);
    if (first_pipeline.empty()) first_pipeline = p.id;
    r.mapping.push_back({"pipeline", p.label, "pipeline " + in_quotes(p.label)});
    for (const auto& st : p.stages) {
      stage_of[{p.id, st.id}] = w.add_stage(pipeline_of[p.id], {st.label, st.kind, st.probability, std::nullopt});
      if (st.kind != StageKind::Open) closed_stages[stage_of[{p.id, st.id}]] = st.kind;
      r.mapping.push_back({"stage", st.label, "stage " + in_quotes(st.label) +
                                                 (st.kind != StageKind::Open ? " (" + kind_word(st.kind) + ")"
                                                  : st.closed_unsure         ? " (open: closed, but neither won nor lost)"
                                                                             : "")});
    }
  }
  std::map<std::string, std::string> owner_of;
  std::size_t archived = 0, not_chosen = 0, without_stage = 0;
  for (const auto& d : s.deals) {
    const std::string where = "file " + std::to_string(d.file + 1) + ": ";
    if (d.archived && !options.include_archived) {
      ++archived;
      ++r.skipped;
      continue;
    }
    // The deal's pipeline, else its stage's, else "default" (HubSpot's first pipeline), else the first.
    std::string pid = d.pipeline;
    if (pid.empty() && pipeline_of_stage.count(d.stage)) pid = pipeline_of_stage[d.stage];
    if (pid.empty()) pid = pipeline_of.count("default") ? "default" : first_pipeline;
    const bool listed_not_chosen = excluded.count(pid) > 0;
    if (listed_not_chosen || (!pipeline_of.count(pid) && !wanted(options, pid, ""))) {
      ++not_chosen;
      ++r.skipped;
      continue;
    }
    if (!pipeline_of.count(pid)) {
      pipeline_of[pid] = w.add_pipeline(pid.empty() ? "Deals" : "Pipeline " + pid, options.currency);
      r.warnings.add(d.path + "/properties/pipeline", where + (pid.empty() ? "no pipelines file was given; the deals are in \"Deals\""
                                                                     : "no pipelines file names pipeline " + in_quotes(pid) +
                                                                           "; its deals are in \"Pipeline " + excerpt(pid, 60) + "\""));
    }
    const std::string& pipeline = pipeline_of[pid];
    std::string stage;
    if (d.stage.empty()) {
      ++without_stage;
      stage = w.stage_of_kind(pipeline, StageKind::Open, "No stage");
    } else {
      auto key = std::make_pair(pid, d.stage);
      if (!stage_of.count(key)) {
        stage_of[key] = w.add_stage(pipeline, {"Stage " + d.stage, StageKind::Open, std::nullopt, std::nullopt});
        r.warnings.add(d.path + "/properties/dealstage", where + "no pipelines file names stage " + in_quotes(d.stage) +
                                                             "; its deals are in a stage called \"Stage " + excerpt(d.stage, 60) + "\"");
        r.mapping.push_back({"stage", d.stage, "stage \"Stage " + excerpt(d.stage, 60) + "\" (not in the pipelines file)"});
      }
      stage = stage_of[key];
    }
    if (w.deals() >= kMaxDeals) {
      r.warnings.add("", "more than " + std::to_string(kMaxDeals) + " deals; the rest are left out");
      break;
    }
    BuiltDeal b;
    b.title = d.name;
    b.stage = stage;
    b.currency = is_currency(d.currency) ? d.currency : options.currency;
    if (!d.currency.empty() && !is_currency(d.currency))
      r.warnings.add(d.path + "/properties/deal_currency_code", where + in_quotes(d.currency) + " is not a currency code; " + options.currency + " is used");
    if (!d.amount.empty()) {
      if (auto minor = source::minor_units(d.amount, currency_exponent(b.currency))) b.amount = *minor;
      else r.warnings.add(d.path + "/properties/amount", where + in_quotes(d.amount) + " is not an amount; the value is left at 0");
    }
    b.lost_reason = d.lost_reason;
    b.notes = d.notes;
    b.created = d.created;
    b.updated = d.updated;
    if (!d.owner.empty()) {
      if (!owner_of.count(d.owner)) {
        owner_of[d.owner] = w.person("Owner " + d.owner);
        r.mapping.push_back({"person", d.owner, "person \"Owner " + excerpt(d.owner, 60) + "\" (HubSpot exports owner ids only)"});
      }
      b.owner = owner_of[d.owner];
    }
    // closedate is the expected close while a deal is open, and the day it closed after: only the first is a field here.
    auto closed = closed_stages.find(stage);
    if (!d.close_date.empty() && closed == closed_stages.end()) b.expected_close = source::day(d.close_date);
    w.add_deal(std::move(b));
  }
  if (without_stage)
    r.warnings.add("", std::to_string(without_stage) + " deals have no dealstage; they are in their pipeline's first open stage");
  if (archived) r.mapping.push_back({"deals", std::to_string(archived) + " archived deals", "skipped (archived)"});
  if (not_chosen) r.mapping.push_back({"deals", std::to_string(not_chosen) + " deals", "skipped (pipeline not chosen)"});
  r.document = w.document();
  r.ok = true;
  return r;
}

}  // namespace pb
