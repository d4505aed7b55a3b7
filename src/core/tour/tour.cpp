#include "tour.hpp"

#include <algorithm>
#include <array>

#include "query.hpp"
#include "time.hpp"

namespace pb {
namespace {

// In TourActionKind order.
constexpr std::array<std::string_view, 6> kActionNames = {"pipeline", "group", "view", "reports", "board", "past_day"};
constexpr std::string_view kCustom = "custom.";

template <std::size_t N>
std::string one_of(const std::array<std::string_view, N>& names) {
  std::string s;
  for (auto n : names) s += (s.empty() ? "" : ", ") + std::string(n);
  return s;
}

// A key given as null counts as missing, as in the other documents' readers.
const json* member(const json& obj, std::string_view key) {
  auto it = obj.find(key);
  return it == obj.end() || it->is_null() ? nullptr : &*it;
}

// Characters, not bytes: the JSON Schema's maxLength counts code points, and the two must agree.
std::size_t characters(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

enum class Blank { Refused, Allowed };

// Text a user reads (a name, a title, a step's text): at most max_chars characters.
bool read_text(const json& obj, std::string_view key, std::string& out, const JsonPath& p, Issues& issues, Need need,
               std::size_t max_chars, Blank blank) {
  // Counted before read_string, whose limit is in bytes, so that the message is in characters.
  if (const json* v = member(obj, key); v && v->is_string()) {
    if (const std::size_t n = characters(v->get_ref<const std::string&>()); n > max_chars) {
      issues.add(p / key, "is too long (" + std::to_string(n) + " characters, at most " + std::to_string(max_chars) + ")");
      return false;
    }
  }
  std::string s;
  if (!read_string(obj, key, s, p, issues, need, max_chars * 4)) return false;  // 4 bytes a character at most
  if (blank == Blank::Refused && s.find_first_not_of(" \t\r\n") == std::string::npos) {
    issues.add(p / key, "must not be empty");
    return false;
  }
  out = std::move(s);
  return true;
}

// An item name of the UI: "kind:rest", kind in lower case ("button:saveview", "report:tab:comparison").
bool is_item_name(std::string_view s) {
  const auto colon = s.find(':');
  if (colon == 0 || colon == std::string_view::npos || colon + 1 == s.size() || s[0] < 'a' || s[0] > 'z') return false;
  for (char c : s.substr(0, colon))
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  for (char c : s.substr(colon + 1))
    if (static_cast<unsigned char>(c) < 0x20) return false;
  return true;
}

// The keys any workspace can group by; custom fields ("custom.<id>") are checked against a
// workspace by tour_warnings.
bool groupable(std::string_view key) {
  if (key.starts_with(kCustom)) return key.size() > kCustom.size();
  static const std::vector<std::string> builtins = groupable_keys(Table<FieldDef>{});
  return std::find(builtins.begin(), builtins.end(), key) != builtins.end();
}

std::string group_choices() {
  std::string s;
  for (const auto& k : groupable_keys(Table<FieldDef>{})) s += k + ", ";
  return s + "or custom.<field id>";
}

bool read_action(const json& v, TourAction& out, const JsonPath& p, Issues& issues) {
  if (!expect_object(v, p, issues)) return false;
  const std::size_t before = issues.count();
  reject_unknown_keys(v, {"kind", "value"}, p, issues);
  std::string name;
  if (!read_string(v, "kind", name, p, issues, Need::Required, 64)) return false;
  const auto kind = tour_action_kind(name);
  if (!kind) {
    issues.add(p / "kind", "unknown action \"" + excerpt(name) + "\" (one of " + one_of(kActionNames) + ")");
    return false;
  }
  TourAction a{*kind, {}};
  const JsonPath vp = p / "value";
  switch (*kind) {
    case TourActionKind::Pipeline:
    case TourActionKind::View:
      if (read_string(v, "value", a.value, p, issues, Need::Required, kMaxId) && a.value.empty())
        issues.add(vp, "must not be empty");
      break;
    case TourActionKind::Group:
      if (read_string(v, "value", a.value, p, issues, Need::Required, 100) && !groupable(a.value))
        issues.add(vp, "cannot group by \"" + excerpt(a.value) + "\" (one of " + group_choices() + ")");
      break;
    case TourActionKind::Reports:  // "" (the current pipeline), "all" or a pipeline id
      read_string(v, "value", a.value, p, issues, Need::Optional, kMaxId);
      break;
    case TourActionKind::Board:
      if (member(v, "value")) issues.add(vp, "the board action takes no value");
      break;
    case TourActionKind::PastDay:  // required, so that clearing the day is said, not implied
      if (read_string(v, "value", a.value, p, issues, Need::Required, 64) && !a.value.empty() && !parse_date(a.value))
        issues.add(vp, "expected a date like 2026-03-31 (or \"\" for today), got \"" + excerpt(a.value) +
                           "\" (or a day that does not exist)");
      break;
  }
  if (issues.count() != before) return false;
  out = std::move(a);
  return true;
}

bool read_advance(const json& v, TourAdvance& out, const JsonPath& p, Issues& issues) {
  if (v.is_string()) {
    const auto& s = v.get_ref<const std::string&>();
    if (s == "next") {
      out = TourAdvance{};
      return true;
    }
    // An event's name on its own is the likely slip: show the form it takes.
    const std::string hint = tour_event_from(s) ? s : "view_saved";
    issues.add(p, "expected \"next\" or {\"event\": \"" + hint + "\"}, got \"" + excerpt(s) + "\"");
    return false;
  }
  if (!v.is_object()) {
    issues.add(p, "expected \"next\" or {\"event\": \"view_saved\"}, got " + describe_type(v));
    return false;
  }
  const std::size_t before = issues.count();
  reject_unknown_keys(v, {"event"}, p, issues);
  std::string name;
  if (read_string(v, "event", name, p, issues, Need::Required, 64) && !tour_event_from(name))
    issues.add(p / "event", "unknown event \"" + excerpt(name) + "\" (one of " + one_of(kTourEventNames) + ")");
  if (issues.count() != before) return false;
  out = TourAdvance{tour_event_from(name)};
  return true;
}

bool read_step(const json& v, TourStep& out, const JsonPath& p, Issues& issues) {
  if (!expect_object(v, p, issues)) return false;
  const std::size_t before = issues.count();
  reject_unknown_keys(v, {"title", "text", "target", "action", "advance"}, p, issues);
  TourStep s;
  read_text(v, "title", s.title, p, issues, Need::Required, kMaxTourTitle, Blank::Refused);
  read_text(v, "text", s.text, p, issues, Need::Required, kMaxTourText, Blank::Refused);
  if (read_string(v, "target", s.target, p, issues, Need::Optional, kMaxTourTarget) && !s.target.empty() &&
      !is_item_name(s.target))
    issues.add(p / "target", "expected an item name like \"button:saveview\", got \"" + excerpt(s.target) + "\"");
  if (const json* a = member(v, "action")) {
    TourAction action;
    if (read_action(*a, action, p / "action", issues)) s.action = std::move(action);
  }
  if (const json* a = member(v, "advance")) read_advance(*a, s.advance, p / "advance", issues);
  if (issues.count() != before) return false;
  out = std::move(s);
  return true;
}

void read_body(const json& v, Tour& t, const JsonPath& p, Issues& issues) {
  reject_unknown_keys(v, {"id", "name", "description", "steps"}, p, issues);
  if (read_string(v, "id", t.id, p, issues, Need::Required, kMaxId) && t.id.empty()) issues.add(p / "id", "must not be empty");
  read_text(v, "name", t.name, p, issues, Need::Required, kMaxTourName, Blank::Refused);
  read_text(v, "description", t.description, p, issues, Need::Optional, kMaxTourDescription, Blank::Allowed);
  const JsonPath sp = p / "steps";
  const json* steps = member(v, "steps");
  if (!steps) {
    issues.add(sp, "is required");
    return;
  }
  if (!expect_array(*steps, sp, issues)) return;
  if (steps->empty()) {
    issues.add(sp, "a tour needs at least one step");
    return;
  }
  if (steps->size() > kMaxTourSteps) {  // no step is read: a long tour is refused whole, cheaply
    issues.add(sp, "has " + std::to_string(steps->size()) + " steps; the limit is " + std::to_string(kMaxTourSteps));
    return;
  }
  for (std::size_t i = 0; i < steps->size(); ++i)
    if (TourStep s; read_step((*steps)[i], s, sp / i, issues)) t.steps.push_back(std::move(s));
}

}  // namespace

std::string_view to_string(TourActionKind k) { return kActionNames[static_cast<std::size_t>(k)]; }

std::optional<TourActionKind> tour_action_kind(std::string_view name) {
  for (std::size_t i = 0; i < kActionNames.size(); ++i)
    if (kActionNames[i] == name) return static_cast<TourActionKind>(i);
  return std::nullopt;
}

json tour_to_json(const Tour& t) {
  json steps = json::array();
  for (const TourStep& s : t.steps) {
    json j{{"title", s.title}, {"text", s.text}};
    if (!s.target.empty()) j["target"] = s.target;
    if (s.action) {
      json a{{"kind", to_string(s.action->kind)}};
      // past_day's "" (back to today) is written: the reader wants it said.
      if (!s.action->value.empty() || s.action->kind == TourActionKind::PastDay) a["value"] = s.action->value;
      j["action"] = std::move(a);
    }
    if (s.advance.event) j["advance"] = json{{"event", to_string(*s.advance.event)}};
    steps.push_back(std::move(j));
  }
  json tour{{"id", t.id}, {"name", t.name}};
  if (!t.description.empty()) tour["description"] = t.description;
  tour["steps"] = std::move(steps);
  return json{{"format", kTourFormat}, {"version", kTourVersion}, {"tour", std::move(tour)}};
}

bool is_tour_document(const json& doc) {
  if (!doc.is_object()) return false;
  auto f = doc.find("format");
  return f != doc.end() && f->is_string() && f->get_ref<const std::string&>() == kTourFormat;
}

bool read_tour(const json& doc, Tour& out, Issues& issues) {
  std::int64_t version = 0;
  if (!read_document_header(doc, kTourFormat, kTourVersion, version, issues)) return false;
  const JsonPath root;
  const std::size_t before = issues.count();
  reject_unknown_keys(doc, {"format", "version", "tour"}, root, issues);
  const JsonPath tp = root / "tour";
  Tour t;
  if (const json* body = member(doc, "tour"); !body) issues.add(tp, "is required");
  else if (expect_object(*body, tp, issues)) read_body(*body, t, tp, issues);
  if (issues.count() != before) return false;
  out = std::move(t);
  return true;
}

bool load_tour(std::string_view text, Tour& out, Issues& issues) {
  json doc;
  std::string error;
  if (!parse_json(text, doc, error, ParseLimits{kMaxTourBytes, 64})) {
    issues.add(JsonPath(), error);
    return false;
  }
  return read_tour(doc, out, issues);
}

std::vector<Issue> tour_warnings(const Tour& t, const Workspace& ws) {
  std::vector<Issue> out;
  const JsonPath root;  // paths point at their parents: each must outlive its children
  const JsonPath tp = root / "tour";
  const JsonPath sp = tp / "steps";
  for (std::size_t i = 0; i < t.steps.size(); ++i) {
    const TourStep& s = t.steps[i];
    const JsonPath p = sp / i;
    const std::string step = "step " + std::to_string(i + 1);
    auto lacks = [&](const JsonPath& at, std::string_view what, std::string_view id) {
      out.push_back({at.str(), step + " refers to " + std::string(what) + " \"" + excerpt(id) + "\", which this workspace lacks"});
    };
    if (s.action) {
      const JsonPath ap = p / "action";
      const JsonPath vp = ap / "value";
      const std::string& v = s.action->value;
      switch (s.action->kind) {
        case TourActionKind::Pipeline:
          if (!ws.pipelines.contains(v)) lacks(vp, "pipeline", v);
          break;
        case TourActionKind::Reports:
          if (!v.empty() && v != "all" && !ws.pipelines.contains(v)) lacks(vp, "pipeline", v);
          break;
        case TourActionKind::View:
          if (!ws.views.contains(v)) lacks(vp, "saved view", v);
          break;
        case TourActionKind::Group:
          if (!std::string_view(v).starts_with(kCustom)) break;
          if (const auto key = resolve_field(ws.fields, v); !key) lacks(vp, "custom field", v.substr(kCustom.size()));
          else if (!is_groupable(*key)) out.push_back({vp.str(), step + " groups by \"" + excerpt(v) + "\", a money field, which cannot be grouped by"});
          break;
        default: break;
      }
    }
    // Targets that name a record: the sidebar's pipelines and views, the reports' pipeline menu.
    const std::string_view target = s.target;
    const JsonPath gp = p / "target";
    if (target.starts_with("pipeline:") && !ws.pipelines.contains(target.substr(9))) lacks(gp, "pipeline", target.substr(9));
    if (target.starts_with("report:pipeline:") && !ws.pipelines.contains(target.substr(16))) lacks(gp, "pipeline", target.substr(16));
    if (target.starts_with("view:") && !ws.views.contains(target.substr(5))) lacks(gp, "saved view", target.substr(5));
  }
  return out;
}

}  // namespace pb
