#include <algorithm>
#include <cmath>

#include "documents.hpp"
#include "hubspot_read_internal.hpp"
#include "source_json_internal.hpp"

namespace pb::hubspot {
namespace {

std::string file_name(std::size_t i) { return "file " + std::to_string(i + 1); }

std::string kind_of(const json& r) {
  if (source::get(r, "stages")) return "pipelines";
  if (source::get(r, "properties")) return "deals";
  return "unknown";
}

double order_of(const json& r) {
  const json* v = source::get(r, "displayOrder");
  auto d = v ? source::number(*v) : std::nullopt;
  return d ? *d : 1e300;
}

// isClosed is the string "true" or "false" (a boolean accepted too).
bool closed_of(const json& metadata) {
  const json* v = source::get(metadata, "isClosed");
  return v && ((v->is_string() && *v == "true") || (v->is_boolean() && v->get<bool>()));
}

Pipeline read_pipeline(const json& r, std::size_t file, const JsonPath& p, Issues& warnings) {
  Pipeline out{source::id_text(r, "id"), source::text(r, "label", p, warnings), {}};
  const json* stages = source::get(r, "stages");
  if (!stages->is_array()) {
    warnings.add(p / "stages", file_name(file) + ": expected an array, got " + describe_type(*stages) + "; no stages read");
    return out;
  }
  const JsonPath sp = p / "stages";
  std::vector<std::pair<double, Stage>> sorted;
  for (std::size_t i = 0; i < stages->size() && i < 10'000; ++i) {
    const json& s = (*stages)[i];
    Stage st{source::id_text(s, "id"), source::text(s, "label", sp / i, warnings), StageKind::Open, std::nullopt, false};
    if (st.id.empty()) {
      warnings.add(sp / i, file_name(file) + ": a stage without an id; left out");
      continue;
    }
    const json* metadata = source::get(s, "metadata");
    const json* prob = metadata ? source::get(*metadata, "probability") : nullptr;
    auto fraction = prob ? source::number(*prob) : std::nullopt;
    if (fraction) st.probability = static_cast<int>(std::lround(std::clamp(*fraction, 0.0, 1.0) * 100));
    if (metadata && closed_of(*metadata)) {
      if (fraction && *fraction == 1.0) st.kind = StageKind::Won;
      else if (fraction && *fraction == 0.0) st.kind = StageKind::Lost;
      else {
        st.closed_unsure = true;
        warnings.add(sp / i / "metadata", file_name(file) + ": stage " + excerpt(st.label, 60) +
                                              " is closed with probability " + (prob ? excerpt(prob->dump(), 20) : "none") +
                                              ", neither won (1.0) nor lost (0.0); it is kept as an open stage");
      }
    }
    sorted.emplace_back(order_of(s), std::move(st));
  }
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [order, st] : sorted) out.stages.push_back(std::move(st));
  return out;
}

void read_deal(const json& r, std::size_t file, const JsonPath& p, Source& s, Issues& warnings) {
  Deal d;
  d.file = file;
  d.path = p.str();
  d.id = source::id_text(r, "id");
  const json& props = *source::get(r, "properties");
  const JsonPath pp = p / "properties";
  if (!props.is_object()) {
    warnings.add(pp, file_name(file) + ": expected an object, got " + describe_type(props) + "; the deal has no details");
  }
  auto text = [&](const char* key) {
    Issues wrong;
    std::string t = source::text(props, key, pp, wrong);
    for (const auto& i : wrong.list()) warnings.add(i.path, file_name(file) + ": " + i.message);
    return t;
  };
  d.name = text("dealname");
  d.amount = text("amount");
  d.stage = text("dealstage");
  d.pipeline = text("pipeline");
  d.owner = text("hubspot_owner_id");
  d.lost_reason = text("closed_lost_reason");
  d.currency = text("deal_currency_code");
  d.close_date = text("closedate");
  d.notes = text("description");
  std::string created = text("createdate"), updated = text("hs_lastmodifieddate");
  if (created.empty() && source::get(r, "createdAt") && r["createdAt"].is_string()) created = r["createdAt"].get<std::string>();
  if (updated.empty() && source::get(r, "updatedAt") && r["updatedAt"].is_string()) updated = r["updatedAt"].get<std::string>();
  d.created = source::time_ms(created);
  d.updated = source::time_ms(updated);
  if (!created.empty() && !d.created) warnings.add(pp / "createdate", file_name(file) + ": not a time; left out");
  const json* archived = source::get(r, "archived");
  d.archived = archived && archived->is_boolean() && archived->get<bool>();
  s.deals.push_back(std::move(d));
}

}  // namespace

void read_source(const std::vector<std::string_view>& texts, Source& s, Issues& errors, Issues& warnings) {
  std::vector<std::pair<double, Pipeline>> pipelines;
  for (std::size_t f = 0; f < texts.size(); ++f) {
    s.kinds.push_back("unknown");
    json doc;
    if (!source::parse(texts[f], doc, errors, file_name(f))) continue;
    std::string key;
    const json* records = source::records(doc, key);
    const bool single = !records && doc.is_object() && source::get(doc, "stages");  // one pipeline
    if (!records && !single) {
      const json* results = source::get(doc, "results");
      errors.add(results ? "/results" : "",
                 file_name(f) + (results ? ": \"results\" is " + describe_type(*results) + ", expected an array"
                                         : " is not a HubSpot answer: no \"results\" of pipelines or deals"));
      continue;
    }
    const std::size_t n = single ? 1 : std::min<std::size_t>(records->size(), kMaxDeals);
    auto record = [&](std::size_t i) -> const json& { return single ? doc : (*records)[i]; };
    std::string kind = "unknown";
    for (std::size_t i = 0; i < n && kind == "unknown"; ++i) kind = kind_of(record(i));
    s.kinds.back() = n == 0 ? "empty" : kind;
    if (n == 0) {
      warnings.add("", file_name(f) + " holds no records");
      continue;
    }
    if (kind == "unknown") {
      errors.add(key.empty() ? "" : "/" + key, file_name(f) + " holds no HubSpot pipelines or deals "
                                                            "(a pipeline has \"stages\", a deal \"properties\")");
      continue;
    }
    const JsonPath root, keyed = root / key;  // stored paths point at their parents: both live here
    const JsonPath& base = key.empty() ? root : keyed;
    for (std::size_t i = 0; i < n; ++i) {
      const json& r = record(i);
      JsonPath p = single ? base : base / i;
      if (kind_of(r) != kind) {
        errors.add(p, file_name(f) + ": expected one of its " + kind + " (an object), got " + describe_type(r) + "; left out");
        continue;
      }
      if (kind == "pipelines") pipelines.emplace_back(order_of(r), read_pipeline(r, f, p, warnings));
      else read_deal(r, f, p, s, warnings);
    }
  }
  std::stable_sort(pipelines.begin(), pipelines.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [order, p] : pipelines) s.pipelines.push_back(std::move(p));
}

}  // namespace pb::hubspot
