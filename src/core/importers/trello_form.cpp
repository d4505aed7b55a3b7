// The mapping form of a Trello board: each list an open, won or lost stage; the custom field
// holding the deal value and its currency; archived lists and cards in or out.
#include "source_forms_internal.hpp"
#include "trello.hpp"

namespace pb::form_detail {
namespace {

constexpr const char* kListKinds[] = {"Open stage", "Won stage", "Lost stage"};

bool listed(const std::vector<std::string>& names, const TrelloInspection::List& l) {
  for (const auto& n : names)
    if (n == l.id || n == l.name) return true;
  return false;
}

}  // namespace

MappingForm trello_form(std::string_view text) {
  MappingForm form;
  const TrelloInspection in = inspect_trello(text);
  form.title = in.board.empty() ? "Trello board" : "Trello board \"" + in.board + "\"";
  if (!in.ok) {
    form.errors = in.errors;
    return form;
  }
  std::size_t open_lists = 0;
  for (const auto& l : in.lists) open_lists += l.closed ? 0 : 1;
  form.summary = count_of(open_lists, "list", "lists") + " and " + count_of(in.cards, "card", "cards") +
                 " become stages and deals";
  if (in.archived_lists + in.archived_cards > 0)
    form.summary += "; archived: " + count_of(in.archived_lists, "list", "lists") + ", " +
                    count_of(in.archived_cards, "card", "cards");
  form.summary += ". Mark the lists that mean won or lost.";
  form.records = in.cards;
  for (const auto& l : in.lists) {
    MappingChoice c;
    c.key = "list:" + l.id;
    c.section = "Lists";
    c.label = l.name;
    c.detail = count_of(l.cards, "card", "cards") + (l.closed ? " · archived" : "");
    c.options.assign(std::begin(kListKinds), std::end(kListKinds));
    c.selected = listed(in.suggested.won_lists, l) ? 1 : listed(in.suggested.lost_lists, l) ? 2 : 0;
    form.choices.push_back(std::move(c));
  }
  MappingChoice value;
  value.key = "value_field";
  value.section = "Options";
  value.label = "Deal value";
  value.detail = "a number custom field of the board";
  value.options.push_back("None");
  for (const auto& f : in.custom_fields) {
    if (f.type != "number") continue;
    value.options.push_back(f.name);
    if (f.id == in.suggested.value_field || f.name == in.suggested.value_field)
      value.selected = static_cast<int>(value.options.size()) - 1;
  }
  form.choices.push_back(std::move(value));
  form.choices.push_back(currency_choice(in.suggested.currency, "Currency of the value"));
  form.choices.push_back(archived_choice("Archived lists and cards", in.suggested.include_archived));
  return form;
}

SourceImport trello_import(const MappingForm& form, std::string_view text, std::int64_t now, std::size_t max_records) {
  TrelloOptions o;
  for (const auto& c : form.choices) {
    if (c.key.rfind("list:", 0) != 0) continue;
    const std::string id = c.key.substr(5);
    if (c.selected == 1) o.won_lists.push_back(id);
    if (c.selected == 2) o.lost_lists.push_back(id);
  }
  if (selected_index(form, "value_field") > 0) o.value_field = selected_text(form, "value_field");
  if (const std::string cur = selected_text(form, "currency"); !cur.empty()) o.currency = cur;
  o.include_archived = selected_index(form, "include_archived") == 1;
  SourceImport r = import_trello(text, o, now);
  // The live preview shows the first cards only (a board is small: converting it whole is cheap).
  if (max_records > 0 && r.ok && r.document.contains("deals") && r.document["deals"].size() > max_records)
    r.document["deals"].erase(r.document["deals"].begin() + static_cast<std::ptrdiff_t>(max_records),
                              r.document["deals"].end());
  return r;
}

}  // namespace pb::form_detail
