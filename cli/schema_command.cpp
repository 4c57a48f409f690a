#include <iostream>

#include "cli/commands.hpp"
#include "engine/load/schema_text.hpp"

namespace parley::cli {

void add_schema_command(CLI::App& app, Action& action) {
  CLI::App* cmd = app.add_subcommand(
      "schema", "Print the JSON Schema of scenario files (for editors and other tools)");
  cmd->footer("Example:\n  parley schema > scenario.schema.json");
  cmd->callback([&action] {
    action = [] {
      std::cout << scenario_schema_text();
      return 0;
    };
  });
}

}  // namespace parley::cli
