#include "document_format.hpp"

#include <array>
#include <set>
#include <span>
#include <vector>
#include <string_view>

#include "documents.hpp"

namespace pb {
namespace {

// What an object is, which decides its key order and what its members are.
enum class Ctx { Other, Workspace, Template, Pipeline, Stage, Person, Field, View, Sort, Filter, Deal, Money, Custom, Visit };

using Keys = std::span<const std::string_view>;

// Static arrays: an initializer_list returned from a function would dangle.
constexpr std::string_view kWorkspace[] = {"format", "version", "pipelines", "people", "fields", "views", "deals"};
constexpr std::string_view kTemplate[] = {"format", "version", "name", "description", "pipeline", "fields", "people", "views", "deals"};
constexpr std::string_view kPipeline[] = {"id", "name", "description", "currency", "stages"};
constexpr std::string_view kStage[] = {"id", "name", "color", "probability", "kind", "won", "lost", "rotting_days"};
constexpr std::string_view kPerson[] = {"id", "name", "email"};
constexpr std::string_view kField[] = {"id", "name", "type", "options"};
constexpr std::string_view kView[] = {"id", "name", "pipeline", "filter", "group_by", "sort", "hidden_stages"};
constexpr std::string_view kSort[] = {"field", "desc"};
constexpr std::string_view kFilter[] = {"text", "field", "op", "value", "all", "any", "not"};
// A deal's keys in the table's order (deal_fields.hpp), with v1's "currency" beside "value".
constexpr auto kDeal = [] {
  std::array<std::string_view, kDealFieldCount + 1> keys{};
  std::size_t n = 0;
  for (const DealFieldInfo& f : kDealFields) {
    keys[n++] = f.key;
    if (f.field == DealField::value) keys[n++] = "currency";
  }
  return keys;
}();
constexpr std::string_view kMoney[] = {"amount", "currency"};
constexpr std::string_view kVisit[] = {"pipeline", "stage", "at"};

// v1 documents keep their own keys in place: stages' "won"/"lost", deals' "currency" beside "value".
Keys keys_of(Ctx c) {
  switch (c) {
    case Ctx::Workspace: return kWorkspace;
    case Ctx::Template: return kTemplate;
    case Ctx::Pipeline: return kPipeline;
    case Ctx::Stage: return kStage;
    case Ctx::Person: return kPerson;
    case Ctx::Field: return kField;
    case Ctx::View: return kView;
    case Ctx::Sort: return kSort;
    case Ctx::Filter: return kFilter;
    case Ctx::Deal: return kDeal;
    case Ctx::Money: return kMoney;
    case Ctx::Visit: return kVisit;
    default: return {};
  }
}

// The context of a member's value (for arrays: of each element).
Ctx child_of(Ctx parent, std::string_view key) {
  switch (parent) {
    case Ctx::Workspace:
    case Ctx::Template:
      if (key == "pipelines" || key == "pipeline") return Ctx::Pipeline;
      if (key == "people") return Ctx::Person;
      if (key == "fields") return Ctx::Field;
      if (key == "views") return Ctx::View;
      if (key == "deals") return Ctx::Deal;
      return Ctx::Other;
    case Ctx::Pipeline: return key == "stages" ? Ctx::Stage : Ctx::Other;
    case Ctx::View:
      if (key == "filter") return Ctx::Filter;
      return key == "sort" ? Ctx::Sort : Ctx::Other;
    case Ctx::Filter: return key == "all" || key == "any" || key == "not" ? Ctx::Filter : Ctx::Other;
    case Ctx::Deal:
      if (key == "value") return Ctx::Money;
      if (key == "custom") return Ctx::Custom;
      return key == "history" ? Ctx::Visit : Ctx::Other;
    case Ctx::Custom: return Ctx::Money;  // money values; other values have no keys to order
    default: return Ctx::Other;
  }
}

// Orders one value; custom values follow the order of the document's "fields".
class Formatter {
 public:
  explicit Formatter(const json& doc) {
    if (auto f = doc.is_object() ? doc.find("fields") : doc.end(); f != doc.end() && f->is_array())
      for (const auto& field : *f)
        if (auto id = field.is_object() ? field.find("id") : field.end(); id != field.end() && id->is_string())
          field_order_.push_back(id->get<std::string>());
  }

  nlohmann::ordered_json ordered(const json& v, Ctx ctx) const {
    if (v.is_array()) {
      nlohmann::ordered_json a = nlohmann::ordered_json::array();
      for (const auto& e : v) a.push_back(ordered(e, ctx));
      return a;
    }
    if (!v.is_object()) return nlohmann::ordered_json(v);  // scalars convert as they are
    nlohmann::ordered_json o = nlohmann::ordered_json::object();
    std::vector<std::string_view> known(keys_of(ctx).begin(), keys_of(ctx).end());
    if (ctx == Ctx::Custom) known.assign(field_order_.begin(), field_order_.end());
    // ordered_json's operator[] looks keys up by a linear scan, quadratic for an object of 100,000
    // keys: append to its vector directly, with a set to skip keys already placed.
    auto& members = static_cast<nlohmann::ordered_json::object_t::Container&>(*o.get_ptr<nlohmann::ordered_json::object_t*>());
    std::set<std::string_view> done;
    for (auto key : known)
      if (auto it = v.find(key); it != v.end() && done.insert(key).second)
        members.emplace_back(std::string(key), ordered(*it, child_of(ctx, key)));
    for (auto it = v.begin(); it != v.end(); ++it)  // the rest, alphabetically (json's own order)
      if (!done.count(it.key())) members.emplace_back(it.key(), ordered(it.value(), child_of(ctx, it.key())));
    return o;
  }

 private:
  std::vector<std::string> field_order_;
};

}  // namespace

std::string format_document(const json& doc, int indent) {
  const DocumentKind kind = document_kind(doc);
  const Ctx root = kind == DocumentKind::Workspace ? Ctx::Workspace : kind == DocumentKind::Template ? Ctx::Template : Ctx::Other;
  return Formatter(doc).ordered(doc, root).dump(indent) + "\n";
}

}  // namespace pb
