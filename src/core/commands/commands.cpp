#include "commands.hpp"

#include "commands_internal.hpp"

namespace pb {
namespace {

std::string_view label_of(std::string_view type) {
  static const std::pair<std::string_view, std::string_view> kLabels[] = {
      {"pipeline.create", "Create pipeline"}, {"pipeline.rename", "Rename pipeline"},
      {"pipeline.update", "Edit pipeline"},   {"pipeline.duplicate", "Duplicate pipeline"},
      {"pipeline.delete", "Delete pipeline"}, {"pipeline.reorder", "Reorder pipelines"},
      {"stage.create", "Add stage"},          {"stage.rename", "Rename stage"},
      {"stage.update", "Edit stage"},         {"stage.duplicate", "Duplicate stage"},
      {"stage.delete", "Delete stage"},       {"stage.reorder", "Reorder stages"},
      {"deal.create", "Add deal"},            {"deal.update", "Edit deal"},
      {"deal.delete", "Delete deal"},         {"deal.move", "Move deal"},
      {"deal.win", "Mark deal won"},          {"deal.lose", "Mark deal lost"},
      {"deal.reopen", "Reopen deal"},         {"deals.move", "Move deals"},
      {"deals.update", "Edit deals"},         {"deals.delete", "Delete deals"},
      {"field.create", "Add field"},          {"field.update", "Edit field"},
      {"field.delete", "Delete field"},       {"person.create", "Add person"},
      {"person.update", "Edit person"},       {"person.delete", "Delete person"},
      {"view.create", "Save view"},           {"view.update", "Edit view"},
      {"view.delete", "Delete view"},         {"template.import", "Import template"},
      {"workspace.import", "Import workspace"}};
  for (auto [t, l] : kLabels)
    if (t == type) return l;
  return type;
}

}  // namespace

std::string apply_command(const Command& c, Tx& tx, std::string& label) {
  std::string error = std::visit([&](const auto& command) { return detail::apply(command, tx); }, c);
  if (error.empty()) label = std::string(label_of(command_type(c)));
  return error;
}

}  // namespace pb
