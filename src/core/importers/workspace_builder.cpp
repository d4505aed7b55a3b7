#include "workspace_builder.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "deal_fields.hpp"
#include "documents.hpp"
#include "money.hpp"
#include "time.hpp"

namespace pb {

std::string clip_utf8(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return std::string(text);
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end));
}

namespace {

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

// "Proposal & SOW" -> "proposal-sow": ids readable in the JSON, made unique by the caller.
std::string slug(std::string_view name) {
  std::string out;
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) && u < 0x80) {
      out += static_cast<char>(std::tolower(u));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
    if (out.size() >= 40) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string kind_name(StageKind k) { return std::string(to_string(k)); }

// Times are Unix milliseconds, as the model's. A time outside the documents' years (1900..9999)
// would not load, so it gives way to `fallback`.
std::int64_t in_range(std::optional<std::int64_t> ms, std::int64_t fallback) {
  constexpr std::int64_t kFirst = -2'208'988'800'000;  // 1900-01-01T00:00:00Z
  constexpr std::int64_t kLast = 253'402'300'799'000;  // 9999-12-31T23:59:59Z
  std::int64_t t = ms.value_or(fallback);
  return t < kFirst || t > kLast ? std::clamp(fallback, kFirst, kLast) : t;
}
std::string stamp(std::int64_t ms) { return format_timestamp(ms); }

}  // namespace

WorkspaceBuilder::WorkspaceBuilder(std::int64_t now, Issues& warnings) : now_(now), warnings_(warnings) {}

std::string WorkspaceBuilder::unique_id(std::string_view prefix, std::string_view name) {
  std::string base = std::string(prefix) + "-" + slug(name);
  if (base.back() == '-') base.pop_back();
  int& n = used_ids_[base];
  ++n;
  return n == 1 ? base : base + "-" + std::to_string(n);
}

std::string WorkspaceBuilder::clip(std::string_view text, std::size_t limit, std::string_view what) {
  if (text.size() <= limit) return std::string(text);
  warnings_.add("", std::string(what) + " was cut to " + std::to_string(limit) + " bytes");
  return clip_utf8(text, limit);
}

std::string WorkspaceBuilder::add_pipeline(std::string_view name, std::string_view currency) {
  std::string shown = blank(name) ? std::string("Imported pipeline") : clip(name, kMaxName, "a pipeline name");
  std::string id = unique_id("pipeline", shown);
  json p = {{"id", id}, {"name", shown}, {"stages", json::array()}};
  if (is_currency(currency)) p["currency"] = std::string(currency);
  pipelines_.push_back(std::move(p));
  return id;
}

std::string WorkspaceBuilder::add_stage(const std::string& pipeline, const BuiltStage& stage) {
  for (auto& p : pipelines_) {
    if (p["id"] != pipeline) continue;
    std::string shown = blank(stage.name) ? std::string("Stage") : clip(stage.name, kMaxName, "a stage name");
    std::string id = unique_id("stage", shown);
    json s = {{"id", id}, {"name", shown}, {"kind", kind_name(stage.kind)}};
    if (stage.probability) s["probability"] = std::clamp(*stage.probability, 0, 100);
    if (stage.rotting_days) s["rotting_days"] = std::clamp(*stage.rotting_days, 0, 3650);
    p["stages"].push_back(std::move(s));
    stage_pipeline_[id] = pipeline;
    stage_kind_[id] = stage.kind;
    return id;
  }
  return "";
}

std::string WorkspaceBuilder::stage_of_kind(const std::string& pipeline, StageKind kind, std::string_view name) {
  for (const auto& p : pipelines_) {
    if (p["id"] != pipeline) continue;
    for (const auto& s : p["stages"]) {
      const std::string& id = s["id"].get_ref<const std::string&>();
      if (stage_kind_[id] == kind) return id;
    }
  }
  BuiltStage s;
  s.name = std::string(name);
  s.kind = kind;
  s.probability = kind == StageKind::Won ? 100 : kind == StageKind::Lost ? 0 : 50;
  return add_stage(pipeline, s);
}

std::string WorkspaceBuilder::person(std::string_view name, std::string_view email) {
  std::string shown = blank(name) ? std::string(email) : clip(name, kMaxName, "a person's name");
  if (blank(shown)) return "";
  shown = clip(shown, kMaxName, "a person's name");
  auto it = person_by_name_.find(shown);
  if (it != person_by_name_.end()) return it->second;
  std::string id = unique_id("person", shown);
  json p = {{"id", id}, {"name", shown}};
  if (!email.empty() && email.size() <= 320) p["email"] = std::string(email);
  people_.push_back(std::move(p));
  person_by_name_[shown] = id;
  return id;
}

std::string WorkspaceBuilder::field(std::string_view name, std::string_view type) {
  std::string shown = blank(name) ? std::string("Field") : clip(name, kMaxName, "a field name");
  std::string id = unique_id("field", shown);
  json f = {{"id", id}, {"name", shown}, {"type", std::string(type)}};
  if (type == "choice") f["options"] = json::array();
  field_index_[id] = fields_.size();
  fields_.push_back(std::move(f));
  return id;
}

std::string WorkspaceBuilder::option(const std::string& field_id, std::string_view text) {
  auto it = field_index_.find(field_id);
  if (it == field_index_.end() || blank(text)) return "";
  json& options = fields_[it->second]["options"];
  std::string shown = clip(text, kMaxName, "a choice option");
  for (const auto& o : options)
    if (o == shown) return shown;
  if (options.size() >= kMaxOptions) {
    warnings_.add("", "field \"" + fields_[it->second]["name"].get<std::string>() + "\" has more than " +
                          std::to_string(kMaxOptions) + " options; the rest are left out");
    return "";
  }
  options.push_back(shown);
  return shown;
}

void WorkspaceBuilder::add_deal(BuiltDeal d) {
  auto sp = stage_pipeline_.find(d.stage);
  if (sp == stage_pipeline_.end()) return;
  const std::string& pipeline = sp->second;
  StageKind kind = stage_kind_[d.stage];

  std::string currency = d.currency;
  if (!is_currency(currency)) {
    if (!currency.empty()) warnings_.add("", "\"" + clip_utf8(currency, 20) + "\" is not a currency code; " + d.title + " uses the pipeline's");
    currency.clear();
    for (const auto& p : pipelines_)
      if (p["id"] == pipeline && p.contains("currency")) currency = p["currency"].get<std::string>();
    if (currency.empty()) currency = "USD";
  }
  std::int64_t amount = d.amount.value_or(0);
  if (std::llabs(amount) > kMaxMoneyMinor) {
    warnings_.add("", "the value of \"" + clip_utf8(d.title, 60) + "\" is out of range and was left at 0");
    amount = 0;
  }

  std::string id = "deal-" + std::to_string(deals_.size() + 1);
  std::int64_t created = in_range(d.created, in_range(now_, 0));
  std::int64_t updated = std::max(in_range(d.updated, created), created);
  // Built in place: at 100,000 deals the initializer-list form's copies were most of the import.
  json deal(json::value_t::object);
  auto& o = deal.get_ref<json::object_t&>();
  o.emplace("id", std::move(id));
  o.emplace("title", blank(d.title) ? std::string("Untitled deal") : clip(d.title, kMaxName, "a deal title"));
  o.emplace("pipeline", pipeline);
  o.emplace("stage", d.stage);
  o.emplace("status", kind_name(kind));
  json value(json::value_t::object);
  value.get_ref<json::object_t&>().emplace("amount", amount);
  value.get_ref<json::object_t&>().emplace("currency", std::move(currency));
  o.emplace("value", std::move(value));
  o.emplace("created", stamp(created));
  o.emplace("updated", stamp(updated));
  auto text = [&](const char* key, const std::string& v, std::size_t limit) {
    if (!blank(v)) deal[key] = clip(v, limit, std::string("a deal's ") + key);
  };
  if (kind == StageKind::Lost) text("lost_reason", d.lost_reason, kMaxName);
  text("company", d.company, kMaxName);
  text("contact_name", d.contact_name, kMaxName);
  text("contact_email", d.contact_email, kMaxName);
  text("product", d.product, kMaxName);
  text("plan", d.plan, kMaxName);
  text("property", d.property, kMaxName);
  text("source", d.source, kMaxName);
  text("notes", d.notes, kMaxText);
  if (!d.owner.empty()) deal["owner"] = d.owner;
  if (d.expected_close && parse_date(*d.expected_close)) deal["expected_close"] = *d.expected_close;
  if (d.custom.is_object() && !d.custom.empty()) deal["custom"] = std::move(d.custom);
  if (!d.history.empty()) {
    json history = json::array();
    for (const auto& m : d.history) {
      auto mp = stage_pipeline_.find(m.stage);
      if (mp == stage_pipeline_.end()) continue;
      history.push_back({{"pipeline", mp->second}, {"stage", m.stage}, {"at", stamp(in_range(m.at, created))}});
    }
    if (!history.empty()) deal["history"] = std::move(history);
  }
  deals_.push_back(std::move(deal));
}

json WorkspaceBuilder::document() {
  for (auto& p : pipelines_) {
    bool open = false;
    for (const auto& s : p["stages"]) open = open || s["kind"] == "open";
    if (!open) {  // only won and lost stages: an open one goes first, where open stages stand
      std::string id = unique_id("stage", "open");
      p["stages"].insert(p["stages"].begin(), json{{"id", id}, {"name", "Open"}, {"kind", "open"}});
      stage_pipeline_[id] = p["id"].get<std::string>();
      stage_kind_[id] = StageKind::Open;
    }
  }
  // Choice fields that never got an option become text fields (a choice needs one).
  for (auto& f : fields_)
    if (f["type"] == "choice" && f["options"].empty()) {
      f["type"] = "text";
      f.erase("options");
    }
  json deals = json::array();
  for (auto& d : deals_) deals.push_back(std::move(d));
  deals_.clear();
  return {{"format", "pipeboard.workspace"}, {"version", kWorkspaceVersion}, {"pipelines", pipelines_},
          {"people", people_},  {"fields", fields_},  {"views", json::array()},
          {"deals", std::move(deals)}};
}

}  // namespace pb
