#include "field_errors.hpp"

namespace pb::ui {

SplitError split_error(std::string_view error) {
  SplitError out;
  std::string_view message = error;
  // Only a leading JSON Pointer is a path; "stage \"x\": ..." is a plain sentence.
  if (!error.empty() && error.front() == '/') {
    if (const auto colon = error.find(": "); colon != std::string_view::npos) {
      out.path = std::string(error.substr(0, colon));
      message = error.substr(colon + 2);
    }
  }
  // One problem at a time beside a field: the rest show once this one is fixed.
  if (const auto more = message.rfind(" (and "); more != std::string_view::npos && message.ends_with(" more)"))
    message = message.substr(0, more);
  out.message = std::string(message);
  if (!out.message.empty() && out.message[0] >= 'a' && out.message[0] <= 'z') out.message[0] -= 'a' - 'A';
  return out;
}

const FieldTarget& field_for_error(const std::vector<FieldTarget>& fields, std::string_view error_path) {
  for (const auto& f : fields) {
    if (f.path.empty() || !error_path.starts_with(f.path)) continue;
    if (error_path.size() == f.path.size() || error_path[f.path.size()] == '/') return f;
  }
  return fields.front();
}

void reject(UiState& ui, const std::vector<FieldTarget>& fields, std::string_view error) {
  if (fields.empty()) return;
  const SplitError e = split_error(error);
  const FieldTarget& at = field_for_error(fields, e.path);
  for (const auto& f : fields)
    if (&f != &at) ui.field_errors.erase(f.name);
  reject_input(ui, at, e.message);
}

void reject_input(UiState& ui, const FieldTarget& field, std::string message) {
  ui.field_errors[field.name] = FieldError{field.form, field.text, std::move(message)};
}

void accept(UiState& ui, const std::vector<FieldTarget>& fields) {
  for (const auto& f : fields) {
    ui.field_errors.erase(f.name);
    if (f.clear_on_success) ui.edit_buffers[f.name][0] = '\0';
  }
}

void forget_closed_forms(UiState& ui) {
  const std::string deal = ui.open_deal.empty() ? "" : deal_form(ui.open_deal);
  const bool editing = ui.dialog.kind == Dialog::PipelineEditor || ui.dialog.kind == Dialog::DeleteStage;
  const std::string pipeline = editing ? pipeline_form(ui.dialog.target) : "";
  std::erase_if(ui.field_errors, [&](const auto& e) { return e.second.form != deal && e.second.form != pipeline; });
}

std::string deal_form(const Id& deal) { return "deal:" + deal; }
std::string pipeline_form(const Id& pipeline) { return "pipeline:" + pipeline; }

}  // namespace pb::ui
