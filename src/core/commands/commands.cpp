#include "commands.hpp"

#include "commands_internal.hpp"

namespace pb {

std::string apply_command(const Command& c, Tx& tx, std::string& label) {
  return std::visit(
      [&](const auto& command) {
        std::string error = detail::apply(command, tx);
        if (error.empty()) label = command.kLabel;
        return error;
      },
      c);
}

}  // namespace pb
