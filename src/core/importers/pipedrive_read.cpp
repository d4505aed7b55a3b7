#include <algorithm>
#include <cmath>
#include <map>

#include "documents.hpp"
#include "pipedrive_read_internal.hpp"
#include "source_json_internal.hpp"

namespace pb::pipedrive {
namespace {

std::string file_name(std::size_t i) { return "file " + std::to_string(i + 1); }

// What a record is, by the keys only that kind has.
std::string kind_of(const json& r) {
  if (!r.is_object()) return "unknown";
  if (r.contains("title") && (r.contains("stage_id") || r.contains("status"))) return "deals";
  if (r.contains("pipeline_id") && r.contains("order_nr")) return "stages";
  if (r.contains("name") && !r.contains("stage_id") && !r.contains("pipeline_id")) return "pipelines";
  return "unknown";
}

// An id that may be an integer, a string or an object with "id" or "value" (v1's expanded user_id).
std::string id_in(const json& v) {
  if (v.is_object()) {
    std::string id = source::id_text(v, "id");
    return id.empty() ? source::id_text(v, "value") : id;
  }
  return source::id_text(v);
}

std::optional<std::int64_t> time_of(const json& r, const char* key, const JsonPath& p, std::size_t file,
                                    Issues& warnings) {
  const json* v = source::get(r, key);
  if (!v) return std::nullopt;
  auto t = source::time_ms_of(*v);
  if (!t) warnings.add(p / key, file_name(file) + ": " + excerpt(v->dump(), 60) + " is not a time; left out");
  return t;
}

std::optional<int> int_of(const json& r, const char* key) {
  const json* v = source::get(r, key);
  auto d = v ? source::number(*v) : std::nullopt;
  if (!d || *d < 0 || *d > 100000) return std::nullopt;
  return static_cast<int>(std::lround(*d));
}

bool flag(const json& r, const char* key) {
  const json* v = source::get(r, key);
  return v && v->is_boolean() && v->get<bool>();
}

double order_of(const json& r) {
  const json* v = source::get(r, "order_nr");
  auto d = v ? source::number(*v) : std::nullopt;
  return d ? *d : 1e300;
}

void read_deal(const json& r, std::size_t file, const JsonPath& p, Source& s, Issues& warnings) {
  Deal d;
  d.file = file;
  d.path = p.str();
  auto text = [&](const char* key) {
    Issues wrong;
    std::string t = source::text(r, key, p, wrong);
    for (const auto& i : wrong.list()) warnings.add(i.path, file_name(file) + ": " + i.message);
    return t;
  };
  d.id = source::id_text(r, "id");
  d.title = text("title");
  d.status = text("status");
  d.lost_reason = text("lost_reason");
  d.currency = text("currency");
  d.expected_close = text("expected_close_date");
  d.stage = source::id_text(r, "stage_id");
  d.pipeline = source::id_text(r, "pipeline_id");
  d.value = source::get(r, "value");
  // v1 expands user_id, org_id and person_id into objects; v2 has owner_id, org_id, person_id as integers.
  const json* user = source::get(r, "user_id");
  if (!user) user = source::get(r, "owner_id");
  if (user) d.owner_id = id_in(*user);
  if (user && user->is_object()) {
    d.owner_name = source::text(*user, "name", p / "user_id", warnings);
    d.owner_email = source::text(*user, "email", p / "user_id", warnings);
  }
  if (d.owner_name.empty()) d.owner_name = text("owner_name");
  d.company = text("org_name");
  if (const json* org = source::get(r, "org_id"); d.company.empty() && org && org->is_object())
    d.company = source::text(*org, "name", p / "org_id", warnings);
  d.contact = text("person_name");
  if (const json* person = source::get(r, "person_id"); person && person->is_object()) {
    if (d.contact.empty()) d.contact = source::text(*person, "name", p / "person_id", warnings);
    const json* emails = source::get(*person, "email");
    if (emails && emails->is_array() && !emails->empty()) d.email = source::text((*emails)[0], "value", p, warnings);
  }
  d.added = time_of(r, "add_time", p, file, warnings);
  d.updated = time_of(r, "update_time", p, file, warnings);
  d.stage_changed = time_of(r, "stage_change_time", p, file, warnings);
  d.closed = time_of(r, d.status == "won" ? "won_time" : "lost_time", p, file, warnings);
  if (!d.closed) d.closed = time_of(r, "close_time", p, file, warnings);
  s.deals.push_back(std::move(d));
}

}  // namespace

void read_source(const std::vector<std::string_view>& texts, Source& s, Issues& errors, Issues& warnings) {
  s.docs.resize(texts.size());
  std::vector<std::size_t> pipeline_index, stage_index;  // array order, for stable ties
  for (std::size_t f = 0; f < texts.size(); ++f) {
    json& doc = s.docs[f];
    s.kinds.push_back("unknown");
    if (!source::parse(texts[f], doc, errors, file_name(f))) continue;
    if (const json* ok = source::get(doc, "success"); ok && ok->is_boolean() && !ok->get<bool>()) {
      errors.add("/success", file_name(f) + " is an error answer from Pipedrive: " +
                                 excerpt(source::get(doc, "error") ? source::get(doc, "error")->dump() : "no reason given", 120));
      continue;
    }
    std::string key;
    const json* records = source::records(doc, key);
    if (const json* data = source::get(doc, "data"); !records && data && data->is_object()) {
      records = &doc;  // one record (/deals/{id}): read as a list of one
      key = "data";
    }
    if (!records) {
      const json* data = source::get(doc, "data");
      errors.add(data ? "/data" : "", file_name(f) + (data ? ": \"data\" is " + describe_type(*data) + ", expected an array"
                                                           : " is not a Pipedrive answer: no \"data\" array of pipelines, stages or deals"));
      continue;
    }
    const bool single = records == &doc && key == "data";
    const std::size_t n = single ? 1 : std::min<std::size_t>(records->size(), kMaxDeals);
    if (n == 0) {
      s.kinds.back() = "empty";
      warnings.add("", file_name(f) + " holds no records");
      continue;
    }
    auto record = [&](std::size_t i) -> const json& { return single ? doc["data"] : (*records)[i]; };
    std::string kind = "unknown";
    for (std::size_t i = 0; i < n && kind == "unknown"; ++i) kind = kind_of(record(i));
    s.kinds.back() = kind;
    if (kind == "unknown") {
      errors.add(key.empty() ? "" : "/" + key, file_name(f) + " holds no Pipedrive pipelines, stages or deals "
                                                            "(a deal has \"title\" and \"stage_id\", a stage \"order_nr\" and \"pipeline_id\")");
      continue;
    }
    const JsonPath root, keyed = root / key;  // a stored path points at its parent: both live here
    const JsonPath& base = key.empty() ? root : keyed;
    for (std::size_t i = 0; i < n; ++i) {
      const json& r = record(i);
      JsonPath p = single ? base : base / i;
      if (kind_of(r) != kind) {
        errors.add(p, file_name(f) + ": expected one of its " + kind + " (an object), got " + describe_type(r) + "; left out");
        continue;
      }
      Issues wrong;
      if (kind == "pipelines") {
        s.pipelines.push_back({source::id_text(r, "id"), source::text(r, "name", p, wrong), order_of(r)});
      } else if (kind == "stages") {
        Stage st{source::id_text(r, "id"), source::text(r, "name", p, wrong), source::id_text(r, "pipeline_id"),
                 source::text(r, "pipeline_name", p, wrong), order_of(r), int_of(r, "deal_probability"), std::nullopt};
        if (flag(r, "rotten_flag") || flag(r, "is_deal_rot_enabled"))
          st.rotting_days = int_of(r, source::get(r, "rotten_days") ? "rotten_days" : "days_to_rotten");
        s.stages.push_back(std::move(st));
      } else {
        read_deal(r, f, p, s, warnings);
      }
      for (const auto& w : wrong.list()) warnings.add(w.path, file_name(f) + ": " + w.message);
    }
  }
  std::stable_sort(s.pipelines.begin(), s.pipelines.end(), [](const Pipeline& a, const Pipeline& b) { return a.order < b.order; });
  std::map<std::string, std::size_t> first;  // pipeline id -> rank, so each pipeline's stages sort together
  for (const auto& p : s.pipelines) first.emplace(p.id, first.size());
  for (const auto& st : s.stages) first.emplace(st.pipeline, first.size());
  std::stable_sort(s.stages.begin(), s.stages.end(), [&](const Stage& a, const Stage& b) {
    if (first[a.pipeline] != first[b.pipeline]) return first[a.pipeline] < first[b.pipeline];
    return a.order < b.order;
  });
}

}  // namespace pb::pipedrive
