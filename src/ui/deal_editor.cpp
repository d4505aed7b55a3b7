#include "deal_editor.hpp"

#include <imgui.h>

#include <cstdio>

#include "field_errors.hpp"
#include "format.hpp"
#include "item_registry.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace pb::ui {
namespace {

void label(const char* text) {
  ImGui::TextDisabled("%s", text);
}

// The editor field for one deal key: item "editor:<key>", errors of deal.update at /set/<key>.
FieldTarget deal_field(const Deal& d, const std::string& key) {
  return FieldTarget{"editor:" + key, deal_form(d.id), "", "/set/" + key};
}

// A labelled text field bound to one deal field; commits as deal.update {key: value}.
void text_field(const Ctx& ctx, const Deal& d, const char* title, const char* key, const std::string& value, UiState& ui,
                Actions& actions, const char* hint = "") {
  label(title);
  ImGui::SetNextItemWidth(-1);
  FieldTarget f = deal_field(d, key);
  if (!field_text(ctx, ui, f, value, {.hint = hint})) return;
  json set;
  set[key] = f.text.empty() && std::string_view(key) != "title" ? json(nullptr) : json(f.text);
  actions.typed(cmd::DealUpdate{d.id, set}, {f});
}

// The table's text fields the user types (company, contact, notes, ...).
bool is_editable_text(const DealFieldInfo& f) { return is_text(f.type) && f.has(kEditable); }

// A multi-line text field; commits the text as typed (an empty text clears it).
void long_text_field(const Ctx& ctx, const Deal& d, const DealFieldInfo& f, UiState& ui, Actions& actions) {
  label(f.label.data());
  const std::string key(f.key);
  FieldTarget target = deal_field(d, key);
  if (field_text(ctx, ui, target, *string_member(d, f.field), {.multiline = true, .height = ctx.px(90)}))
    actions.typed(cmd::DealUpdate{d.id, json{{key, target.text}}}, {target});
}

// Typed text -> the JSON value the core checks. Only turning text into a number is done here;
// what the number may be (finite, in range) is the core's rule.
std::optional<json> number_of(const std::string& text) {
  json n = json::parse(text, nullptr, false);
  if (n.is_discarded() || !n.is_number()) return std::nullopt;
  return n;
}

std::string shown_value(const FieldValue& v) {
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* n = std::get_if<double>(&v)) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.15g", *n);
    return buf;
  }
  if (auto* m = std::get_if<Money>(&v)) return format_amount(m->amount, m->currency);
  if (auto* dt = std::get_if<Date>(&v)) return format_date(*dt);
  return "";
}

void custom_field(const Ctx& ctx, const Deal& d, const FieldDef& f, UiState& ui, Actions& actions) {
  label(f.name.c_str());
  auto it = d.custom.find(f.id);
  const FieldValue* v = it == d.custom.end() ? nullptr : &it->second;
  ImGui::SetNextItemWidth(-1);
  FieldTarget target = deal_field(d, "custom/" + f.id);
  target.name = "editor:custom:" + f.id;
  auto commit = [&](json value) { actions.typed(cmd::DealUpdate{d.id, json{{"custom", {{f.id, value}}}}}, {target}); };
  if (f.type == FieldType::Choice) {
    const std::string current = v ? std::get<std::string>(*v) : "";
    if (ImGui::BeginCombo(("##" + target.name).c_str(), current.empty() ? "—" : current.c_str())) {
      if (ImGui::Selectable("—", current.empty()) && !current.empty()) commit(nullptr);
      for (const auto& o : f.options)
        if (ImGui::Selectable(o.c_str(), o == current) && o != current) commit(o);
      ImGui::EndCombo();
    }
    items().add_last_item(target.name);
    frame_if_rejected(ctx, ui, target.name);
    field_error_text(ui, target.name);
    return;
  }
  const char* hint = f.type == FieldType::Date ? "YYYY-MM-DD" : (f.type == FieldType::Number ? "number" : "");
  if (!field_text(ctx, ui, target, v ? shown_value(*v) : "", {.hint = hint})) return;
  if (target.text.empty()) return commit(nullptr);
  switch (f.type) {
    case FieldType::Number:
      if (auto n = number_of(target.text)) commit(*n);
      else reject_input(ui, target, "Is not a number");
      break;
    case FieldType::Money: {
      const std::string currency = v ? std::get<Money>(*v).currency : d.value.currency;
      const AmountInput in = read_amount(target.text, currency);
      if (in.amount) commit(json{{"amount", *in.amount}, {"currency", currency}});
      else reject_input(ui, target, split_error(in.problem).message);
      break;
    }
    default: commit(target.text); break;  // text; dates are checked by the command
  }
}

void history(const Ctx& ctx, const Deal& d) {
  label("Stage history");
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (auto it = d.history.rbegin(); it != d.history.rend(); ++it) {
    const Pipeline* p = ctx.ws.pipelines.find(it->pipeline);
    const Stage* s = p ? p->stage(it->stage) : nullptr;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float r = ctx.px(4);
    dl->AddCircleFilled(ImVec2(pos.x + r + ctx.px(2), pos.y + ImGui::GetTextLineHeight() * 0.5f), r,
                        s ? color_from_hex(s->color) : IM_COL32(128, 128, 128, 255));
    if (std::next(it) != d.history.rend())
      dl->AddLine(ImVec2(pos.x + r + ctx.px(2), pos.y + ImGui::GetTextLineHeight() * 0.5f + r),
                  ImVec2(pos.x + r + ctx.px(2), pos.y + ImGui::GetTextLineHeightWithSpacing() + ImGui::GetTextLineHeight() * 0.5f - r),
                  ImGui::GetColorU32(ImGuiCol_TextDisabled));
    ImGui::Indent(ctx.px(18));
    const std::string where = (s ? s->name : it->stage) + (p && p->id != d.pipeline ? "  (" + p->name + ")" : "");
    ImGui::TextUnformatted(where.c_str());
    ImGui::SameLine();
    const std::string when = format_timestamp(it->at).substr(0, 16);
    ImGui::TextDisabled("%s", when.c_str());
    ImGui::Unindent(ctx.px(18));
  }
}

}  // namespace

void draw_deal_editor(const Ctx& ctx, UiState& ui, Actions& actions) {
  const Deal* found = ctx.ws.deals.find(ui.open_deal);
  if (!found) {
    ui.open_deal.clear();
    return;
  }
  const Deal& d = *found;
  const Pipeline* p = ctx.ws.pipelines.find(d.pipeline);
  ImGui::BeginChild("deal-editor", ImVec2(0, 0), true);
  items().add("panel:deal", Rect{ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowSize().x, ImGui::GetWindowSize().y});
  if (ImGui::Button("Close  (Esc)")) ui.open_deal.clear();
  items().add_last_item("button:closedeal");
  ImGui::SameLine();
  if (d.status == DealStatus::Open) {
    if (ImGui::Button("Won")) actions.push(cmd::DealWin{d.id});
    items().add_last_item("button:won");
    ImGui::SameLine();
    if (ImGui::Button("Lost")) {
      open_dialog(ui, Dialog::LostReason, d.id);
      ui.dialog.pending = cmd::DealLose{d.id, ""};
    }
    items().add_last_item("button:lost");
  } else {
    ImGui::TextColored(d.status == DealStatus::Won ? ImVec4(0.18f, 0.71f, 0.49f, 1) : ImVec4(0.88f, 0.34f, 0.36f, 1), "%s",
                       d.status == DealStatus::Won ? "Won" : ("Lost: " + d.lost_reason).c_str());
    ImGui::SameLine();
    if (ImGui::Button("Reopen")) actions.push(cmd::DealReopen{d.id, ""});
  }
  ImGui::SameLine();
  if (ImGui::Button("Delete")) {
    open_dialog(ui, Dialog::DeleteDeals);
    ui.dialog.deals = {d.id};
  }
  ImGui::Separator();
  text_field(ctx, d, "Title", "title", d.title, ui, actions);
  label("Stage");
  ImGui::SetNextItemWidth(-1);
  const Stage* stage = p ? p->stage(d.stage) : nullptr;
  if (ImGui::BeginCombo("##stage", stage ? stage->name.c_str() : d.stage.c_str())) {
    if (p)
      for (const auto& s : p->stages)
        if (ImGui::Selectable(s.name.c_str(), s.id == d.stage) && s.id != d.stage) {
          if (s.kind == StageKind::Lost && d.status != DealStatus::Lost) {
            open_dialog(ui, Dialog::LostReason, d.id);
            ui.dialog.pending = cmd::DealMove{d.id, s.id, ""};
          } else {
            actions.push(cmd::DealMove{d.id, s.id, ""});
          }
        }
    ImGui::EndCombo();
  }
  label(("Value (" + d.value.currency + ")").c_str());
  ImGui::SetNextItemWidth(-1);
  FieldTarget value = deal_field(d, "value");
  if (field_text(ctx, ui, value, format_amount(d.value.amount, d.value.currency))) {
    const AmountInput in = read_amount(value.text, d.value.currency);
    if (!in.amount) reject_input(ui, value, split_error(in.problem).message);
    else if (*in.amount == d.value.amount) accept(ui, {value});  // the same amount, written differently
    else actions.typed(cmd::DealUpdate{d.id, json{{"value", {{"amount", *in.amount}, {"currency", d.value.currency}}}}}, {value});
  }
  label("Owner");
  ImGui::SetNextItemWidth(-1);
  const Person* owner = ctx.ws.people.find(d.owner);
  if (ImGui::BeginCombo("##owner", owner ? owner->name.c_str() : "—")) {
    if (ImGui::Selectable("—", !owner) && owner) actions.push(cmd::DealUpdate{d.id, json{{"owner", nullptr}}});
    for (const auto& person : ctx.ws.people)
      if (ImGui::Selectable(person.name.c_str(), person.id == d.owner) && person.id != d.owner)
        actions.push(cmd::DealUpdate{d.id, json{{"owner", person.id}}});
    ImGui::EndCombo();
  }
  text_field(ctx, d, "Expected close", "expected_close", d.expected_close ? format_date(*d.expected_close) : "", ui, actions,
             "YYYY-MM-DD");
  for (const DealFieldInfo& f : kDealFields)  // one line each, in table order (company, contact, ...)
    if (is_editable_text(f) && f.limit <= kMaxName)
      text_field(ctx, d, f.label.data(), f.key.data(), *string_member(d, f.field), ui, actions);
  for (const auto& f : ctx.ws.fields) custom_field(ctx, d, f, ui, actions);
  for (const DealFieldInfo& f : kDealFields)  // long text (notes) below everything else
    if (is_editable_text(f) && f.limit > kMaxName) long_text_field(ctx, d, f, ui, actions);
  ImGui::Spacing();
  history(ctx, d);
  ImGui::TextDisabled("Created %s · updated %s", format_timestamp(d.created).substr(0, 10).c_str(),
                      format_timestamp(d.updated).substr(0, 10).c_str());
  ImGui::EndChild();
}

}  // namespace pb::ui
