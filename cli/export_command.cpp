#include <iostream>
#include <memory>

#include "agents/builtin_agents.hpp"
#include "analysis/report/output_file.hpp"
#include "cli/commands.hpp"
#include "interop/gambit_export.hpp"
#include "interop/scenario_source.hpp"

namespace parley::cli {

namespace {

struct ExportOptions {
  std::string file;
  int rounds = 0;
  std::string out;
};

int export_gambit(const ExportOptions& options) {
  const ScenarioPtr scenario = load_scenario_or_genius_folder(options.file, builtin_agents());
  if (options.out.empty()) {
    write_gambit_efg(*scenario, options.rounds, std::cout);
    return 0;
  }
  OutputFile file(options.out);
  write_gambit_efg(*scenario, options.rounds, file.stream());
  file.commit();
  return 0;
}

}  // namespace

void add_export_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* cmd =
      app.add_subcommand("export", "Write a scenario in another tool's format (Gambit)");
  cmd->require_subcommand(1);
  cmd->footer(
      "Example:\n"
      "  parley export gambit my-scenario.json --rounds 2 --out game.efg\n"
      "See docs/interop.md for the game tree and its size limit.");

  CLI::App* gambit = cmd->add_subcommand(
      "gambit", "The extensive-form game of a small bilateral scenario, as a Gambit .efg file");
  gambit->add_option("file", options->file, "Scenario file or GENIUS folder")->required();
  gambit->add_option("--rounds", options->rounds,
                     "Rounds of alternating offers in the game (default: the scenario's "
                     "deadline_rounds)");
  gambit->add_option("--out", options->out,
                     "Write the game to this file (all or nothing) instead of standard output");
  gambit->footer(
      "The tree grows as outcomes^rounds; games of more than 1,000,000 nodes are refused.\n"
      "Example:\n"
      "  parley export gambit my-scenario.json --rounds 2 --out game.efg\n"
      "  gambit-enumpure game.efg");
  gambit->callback([options, &action] { action = [options] { return export_gambit(*options); }; });
}

}  // namespace parley::cli
