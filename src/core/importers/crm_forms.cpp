// The mapping forms of Pipedrive's and HubSpot's API exports: which pipelines to bring, the
// currency of deals that name none, and (HubSpot) archived deals.
#include "hubspot.hpp"
#include "pipedrive.hpp"
#include "source_forms_internal.hpp"

namespace pb::form_detail {
namespace {

MappingChoice pipeline_choice(const std::string& id, const std::string& name, std::string detail, bool chosen) {
  MappingChoice c;
  c.key = "pipeline:" + id;
  c.section = "Pipelines";
  c.label = name;
  c.detail = std::move(detail);
  c.options = {"Import", "Leave out"};
  c.selected = chosen ? 0 : 1;
  return c;
}

bool chosen(const std::vector<std::string>& suggested, const std::string& id, const std::string& name) {
  if (suggested.empty()) return true;
  for (const auto& s : suggested)
    if (s == id || s == name) return true;
  return false;
}

// Pipeline ids the form imports; empty when all are (the importers' "all").
std::vector<std::string> chosen_pipelines(const MappingForm& form) {
  std::vector<std::string> ids;
  bool all = true;
  for (const auto& c : form.choices) {
    if (c.key.rfind("pipeline:", 0) != 0) continue;
    if (c.selected == 0) ids.push_back(c.key.substr(9));
    else all = false;
  }
  if (all) ids.clear();
  else if (ids.empty()) ids.push_back("\x01none");  // every pipeline left out: match nothing
  return ids;
}

std::string holds(const std::vector<std::string>& texts) {
  std::string out;
  for (const auto& t : texts) out += (out.empty() ? "" : ", ") + t;
  return out;
}

}  // namespace

MappingForm pipedrive_form(const std::vector<std::string_view>& texts) {
  MappingForm form;
  const PipedriveInspection in = inspect_pipedrive(texts);
  form.title = "Pipedrive export";
  if (!in.ok) {
    form.errors = in.errors;
    return form;
  }
  const std::size_t deals = in.open + in.won + in.lost;
  form.summary = "The files hold " + holds(in.texts) + ": " + count_of(in.pipelines.size(), "pipeline", "pipelines") +
                 ", " + count_of(deals, "deal", "deals") + " (" + std::to_string(in.open) + " open, " +
                 std::to_string(in.won) + " won, " + std::to_string(in.lost) + " lost).";
  bool stages = false;
  for (const auto& t : in.texts) stages = stages || t == "stages";
  if (!stages) form.summary += " Drop the /stages response too, for the stages' names and order.";
  form.records = deals;
  for (const auto& p : in.pipelines)
    form.choices.push_back(pipeline_choice(p.id, p.name, count_of(p.stages, "stage", "stages") + " · " +
                                                             count_of(p.deals, "deal", "deals"),
                                           chosen(in.suggested.pipelines, p.id, p.name)));
  form.choices.push_back(currency_choice(in.suggested.currency, "Currency of deals without one"));
  return form;
}

SourceImport pipedrive_import(const MappingForm& form, const std::vector<std::string_view>& texts, std::int64_t now) {
  PipedriveOptions o;
  o.pipelines = chosen_pipelines(form);
  if (const std::string cur = selected_text(form, "currency"); !cur.empty()) o.currency = cur;
  return import_pipedrive(texts, o, now);
}

MappingForm hubspot_form(const std::vector<std::string_view>& texts) {
  MappingForm form;
  const HubspotInspection in = inspect_hubspot(texts);
  form.title = "HubSpot export";
  if (!in.ok) {
    form.errors = in.errors;
    return form;
  }
  form.summary = "The files hold " + holds(in.texts) + ": " + count_of(in.pipelines.size(), "pipeline", "pipelines") +
                 ", " + count_of(in.deals, "deal", "deals") +
                 (in.archived ? " (" + std::to_string(in.archived) + " archived)" : std::string()) +
                 ". Stages are won or lost as HubSpot's probability says (closed at 100% or 0%).";
  form.records = in.deals;
  for (const auto& p : in.pipelines) {
    std::string won, lost;
    for (const auto& s : p.stages) {
      if (s.kind == "won") won += (won.empty() ? "" : ", ") + s.label;
      if (s.kind == "lost") lost += (lost.empty() ? "" : ", ") + s.label;
    }
    std::string detail = count_of(p.stages.size(), "stage", "stages") + " · " + count_of(p.deals, "deal", "deals");
    if (!won.empty()) detail += " · won: " + won;
    if (!lost.empty()) detail += " · lost: " + lost;
    form.choices.push_back(pipeline_choice(p.id, p.label, detail, chosen(in.suggested.pipelines, p.id, p.label)));
  }
  form.choices.push_back(currency_choice(in.suggested.currency, "Currency of deals without one"));
  form.choices.push_back(archived_choice("Archived deals", in.suggested.include_archived));
  return form;
}

SourceImport hubspot_import(const MappingForm& form, const std::vector<std::string_view>& texts, std::int64_t now) {
  HubspotOptions o;
  o.pipelines = chosen_pipelines(form);
  if (const std::string cur = selected_text(form, "currency"); !cur.empty()) o.currency = cur;
  o.include_archived = selected_index(form, "include_archived") == 1;
  return import_hubspot(texts, o, now);
}

}  // namespace pb::form_detail
