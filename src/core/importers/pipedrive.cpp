#include "pipedrive.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "documents.hpp"
#include "money.hpp"
#include "pipedrive_read_internal.hpp"
#include "source_json_internal.hpp"
#include "workspace_builder.hpp"

namespace pb {
namespace {

std::string in_quotes(std::string_view s) { return quoted_excerpt(s, 80); }

bool wanted(const PipedriveOptions& o, const std::string& id, const std::string& name) {
  return o.pipelines.empty() || std::any_of(o.pipelines.begin(), o.pipelines.end(),
                                            [&](const std::string& w) { return w == id || w == name; });
}

// Every pipeline the texts name: the pipelines text's, then those only stages or deals name.
std::vector<pipedrive::Pipeline> all_pipelines(const pipedrive::Source& s) {
  std::vector<pipedrive::Pipeline> out = s.pipelines;
  std::set<std::string> ids;
  for (const auto& p : out) ids.insert(p.id);
  auto known = [&](const std::string& id) { return !ids.insert(id).second; };  // and remembers it
  for (const auto& st : s.stages)
    if (!known(st.pipeline)) out.push_back({st.pipeline, st.pipeline_name.empty() ? "Pipeline " + st.pipeline : st.pipeline_name, 0});
  for (const auto& d : s.deals)
    if (!d.pipeline.empty() && !known(d.pipeline)) out.push_back({d.pipeline, "Pipeline " + d.pipeline, 0});
  return out;
}

}  // namespace

json to_json(const PipedriveOptions& o) { return {{"pipelines", o.pipelines}, {"currency", o.currency}}; }

bool pipedrive_options_from_json(const json& j, PipedriveOptions& out, Issues& issues) {
  const std::size_t before = issues.count();
  if (!expect_object(j, JsonPath(), issues)) return false;
  reject_unknown_keys(j, {"pipelines", "currency"}, JsonPath(), issues);
  PipedriveOptions o;
  read_string_list(j, "pipelines", o.pipelines, JsonPath(), issues, Need::Optional, 1000, 1000);
  source::read_currency_option(j, o.currency, issues);
  if (issues.count() != before) return false;
  out = std::move(o);
  return true;
}

PipedriveInspection inspect_pipedrive(const std::vector<std::string_view>& texts) {
  PipedriveInspection r;
  pipedrive::Source s;
  Issues warnings;
  pipedrive::read_source(texts, s, r.errors, warnings);
  r.texts = s.kinds;
  r.ok = !s.pipelines.empty() || !s.stages.empty() || !s.deals.empty();
  std::map<std::string, std::size_t> at;
  for (const auto& p : all_pipelines(s)) {
    at[p.id] = r.pipelines.size();
    r.pipelines.push_back({p.id, p.name, 0, 0});
  }
  for (const auto& st : s.stages) ++r.pipelines[at[st.pipeline]].stages;
  std::map<std::string, std::size_t> currencies;
  std::map<std::string, std::string> users;
  for (const auto& d : s.deals) {
    if (at.count(d.pipeline)) ++r.pipelines[at[d.pipeline]].deals;
    ++(d.status == "won" ? r.won : d.status == "lost" ? r.lost : d.status == "deleted" ? r.deleted : r.open);
    if (is_currency(d.currency)) ++currencies[d.currency];
    if (!d.owner_id.empty() && !users.count(d.owner_id)) {
      users[d.owner_id] = d.owner_name;
      r.users.push_back({d.owner_id, d.owner_name});
    }
  }
  for (const auto& [c, n] : currencies) r.currencies.push_back(c);
  std::stable_sort(r.currencies.begin(), r.currencies.end(),
                   [&](const std::string& a, const std::string& b) { return currencies[a] > currencies[b]; });
  if (!r.currencies.empty()) r.suggested.currency = r.currencies.front();
  return r;
}

json to_json(const PipedriveInspection& i) {
  json pipelines = json::array(), users = json::array(), errors = json::array();
  for (const auto& p : i.pipelines)
    pipelines.push_back({{"id", p.id}, {"name", p.name}, {"stages", p.stages}, {"deals", p.deals}});
  for (const auto& u : i.users) users.push_back({{"id", u.id}, {"name", u.name}});
  for (const auto& e : i.errors.list()) errors.push_back(e.str());
  return {{"ok", i.ok},     {"errors", errors}, {"texts", i.texts},   {"pipelines", pipelines},
          {"users", users}, {"open", i.open},   {"won", i.won},       {"lost", i.lost},
          {"deleted", i.deleted}, {"currencies", i.currencies}, {"suggested", to_json(i.suggested)}};
}

SourceImport import_pipedrive(const std::vector<std::string_view>& texts, const PipedriveOptions& options,
                              std::int64_t now) {
  SourceImport r;
  if (!is_currency(options.currency)) {
    r.errors.add("", in_quotes(options.currency) + " is not a currency code; choose one such as \"USD\"");
    return r;
  }
  pipedrive::Source s;
  pipedrive::read_source(texts, s, r.errors, r.warnings);
  if (s.pipelines.empty() && s.stages.empty() && s.deals.empty()) {
    if (r.errors.ok()) r.errors.add("", texts.empty() ? "no files were given" : "the files hold no pipelines, stages or deals");
    return r;
  }
  WorkspaceBuilder w(now, r.warnings);
  std::map<std::string, std::string> pipeline_of, stage_of;  // Pipedrive id -> built id
  std::map<std::string, std::string> stage_pipeline;         // Pipedrive stage id -> Pipedrive pipeline id
  for (const auto& p : all_pipelines(s)) {
    if (!wanted(options, p.id, p.name)) {
      r.mapping.push_back({"pipeline", p.name, "skipped (not chosen)"});
      continue;
    }
    pipeline_of[p.id] = w.add_pipeline(p.name, options.currency);
    r.mapping.push_back({"pipeline", p.name, "pipeline " + in_quotes(p.name)});
  }
  for (const auto& st : s.stages) {
    stage_pipeline[st.id] = st.pipeline;
    if (!pipeline_of.count(st.pipeline)) continue;
    stage_of[st.id] = w.add_stage(pipeline_of[st.pipeline], {st.name, StageKind::Open, st.probability, st.rotting_days});
    r.mapping.push_back({"stage", st.name, "stage " + in_quotes(st.name)});
  }
  std::map<std::string, std::string> owner_of;
  std::size_t deleted = 0, not_chosen = 0, won = 0, lost = 0;
  for (const auto& d : s.deals) {
    const std::string where = "file " + std::to_string(d.file + 1) + ": ";
    if (d.status == "deleted") {
      ++deleted;
      ++r.skipped;
      continue;
    }
    // The stage says which pipeline a deal is in; the deal's own pipeline_id when the stage is unknown.
    std::string pid = stage_pipeline.count(d.stage) ? stage_pipeline[d.stage] : d.pipeline;
    if (pid.empty()) pid = "?";
    if (!pipeline_of.count(pid)) {
      bool chosen = wanted(options, pid, "");
      if (!chosen || pid != "?") {  // a pipeline listed but not chosen
        ++not_chosen;
        ++r.skipped;
        continue;
      }
      pipeline_of[pid] = w.add_pipeline("Imported deals", options.currency);
      r.warnings.add(d.path + "/pipeline_id", where + "a deal has no pipeline; such deals are in \"Imported deals\"");
    }
    const std::string& pipeline = pipeline_of[pid];
    if (!stage_of.count(d.stage)) {
      std::string name = d.stage.empty() ? "No stage" : "Stage " + d.stage;
      stage_of[d.stage] = w.add_stage(pipeline, {name, StageKind::Open, std::nullopt, std::nullopt});
      stage_pipeline[d.stage] = pid;
      r.warnings.add(d.path + "/stage_id", where + "no stages file names stage " + in_quotes(d.stage) +
                                               "; its deals are in a stage called " + in_quotes(name));
      r.mapping.push_back({"stage", d.stage, "stage " + in_quotes(name) + " (not in the stages file)"});
    }
    if (w.deals() >= kMaxDeals) {
      r.warnings.add("", "more than " + std::to_string(kMaxDeals) + " deals; the rest are left out");
      break;
    }
    BuiltDeal b;
    b.title = d.title;
    b.currency = is_currency(d.currency) ? d.currency : options.currency;
    if (!d.currency.empty() && !is_currency(d.currency))
      r.warnings.add(d.path + "/currency", where + in_quotes(d.currency) + " is not a currency code; " + options.currency + " is used");
    if (d.value) {
      if (auto minor = source::minor_units_of(*d.value, currency_exponent(b.currency))) b.amount = *minor;
      else r.warnings.add(d.path + "/value", where + "expected an amount, got " + describe_type(*d.value) + "; the value is left at 0");
    }
    b.company = d.company;
    b.contact_name = d.contact;
    b.contact_email = d.email;
    b.lost_reason = d.lost_reason;
    if (!d.expected_close.empty()) b.expected_close = source::day(d.expected_close);
    b.created = d.added;
    b.updated = d.updated;
    if (!d.owner_id.empty()) {
      if (!owner_of.count(d.owner_id)) {
        std::string name = d.owner_name.empty() ? "User " + d.owner_id : d.owner_name;
        owner_of[d.owner_id] = w.person(name, d.owner_email);
        r.mapping.push_back({"person", name, "person " + in_quotes(name)});
      }
      b.owner = owner_of[d.owner_id];
    }
    // Its stage as history; won and lost deals then move to their pipeline's won or lost stage.
    const std::int64_t entered = d.stage_changed.value_or(d.added.value_or(now));
    b.history.push_back({stage_of[d.stage], entered});
    b.stage = stage_of[d.stage];
    if (d.status == "won" || d.status == "lost") {
      const bool is_won = d.status == "won";
      b.stage = w.stage_of_kind(pipeline, is_won ? StageKind::Won : StageKind::Lost, is_won ? "Won" : "Lost");
      b.history.push_back({b.stage, std::max(entered, d.closed.value_or(entered))});
      ++(is_won ? won : lost);
    } else if (d.status != "open" && !d.status.empty()) {
      r.warnings.add(d.path + "/status", where + "unknown status " + in_quotes(d.status) + "; the deal is open");
    }
    w.add_deal(std::move(b));
  }
  if (won) r.mapping.push_back({"status", "won", "the pipeline's won stage (" + std::to_string(won) + " deals)"});
  if (lost) r.mapping.push_back({"status", "lost", "the pipeline's lost stage (" + std::to_string(lost) + " deals)"});
  if (deleted) r.mapping.push_back({"status", "deleted", "skipped (deleted, " + std::to_string(deleted) + " deals)"});
  if (not_chosen) r.mapping.push_back({"deals", std::to_string(not_chosen) + " deals", "skipped (pipeline not chosen)"});
  r.document = w.document();
  r.ok = true;
  return r;
}

}  // namespace pb
