// parley play: a person (or two taking turns) plays parties of a scenario at the terminal.
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "agents/builtin_agents.hpp"
#include "analysis/report/output_file.hpp"
#include "analysis/report/trace_writer.hpp"
#include "cli/commands.hpp"
#include "cli/party_option.hpp"
#include "interop/scenario_source.hpp"
#include "play/terminal_game.hpp"

namespace parley::cli {

namespace {

struct PlayOptions {
  std::string file;
  std::string as;
  std::uint64_t seed = 1;
  std::string trace;
  bool no_clear = false;
};

int play(const PlayOptions& options) {
  const ScenarioPtr scenario = load_scenario_or_genius_folder(options.file, builtin_agents());
  TerminalGameOptions game_options;
  game_options.players = party_list_option(*scenario, options.as, "--as");
  game_options.seed = options.seed;
  game_options.clear_between_players = !options.no_clear;
  std::string trace_path = options.trace;
  if (trace_path.empty()) {
    trace_path = std::filesystem::path(options.file).stem().string();
    for (int p : game_options.players)
      trace_path += "-" + scenario->parties[static_cast<std::size_t>(p)].id;
    trace_path += "-seed" + std::to_string(options.seed) + ".trace.jsonl";
  }
  TerminalGame game(scenario, builtin_agents(), game_options);
  OutputFile file(trace_path);  // removed unless the game ends: no half-written trace
  JsonlTraceWriter writer(game.simulator(), file.stream());
  if (!game.play(std::cin, std::cout, &writer)) {
    std::cout << "No trace was saved (" << trace_path << " is written only when the game ends).\n";
    return 0;
  }
  file.commit();
  std::cout << "\nThe game is saved as the trace " << trace_path << ". To look at it:\n"
            << "  parley report " << trace_path << " --scenario " << options.file
            << " --out game.html\n"
            << "  parley debrief " << trace_path << " --scenario " << options.file
            << " --out debrief.html\n";
  return 0;
}

}  // namespace

void add_play_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<PlayOptions>();
  CLI::App* cmd = app.add_subcommand(
      "play", "Play a party yourself at the terminal, against the scenario's agents");
  cmd->add_option("file", options->file, "Scenario file")->required();
  cmd->add_option("--as", options->as,
                  "The party you play (its id); two ids separated by a comma for two people "
                  "taking turns at one terminal")
      ->required();
  cmd->add_option("--seed", options->seed,
                  "Random seed: the same seed and moves give the same game")
      ->capture_default_str();
  cmd->add_option("--trace", options->trace,
                  "Where to save the game as a trace (default SCENARIO-PARTY-seedN.trace.jsonl)");
  cmd->add_flag("--no-clear", options->no_clear,
                "With two players: do not clear the screen when the keyboard changes hands");
  cmd->footer(
      "Each turn shows the date, the news, the offers on your track with your points for each,\n"
      "your no-deal score and the time left. Answer with accept, reject, walk (where the rules\n"
      "allow), a suggestion's number, or propose issue=value ...; ? shows every command and the\n"
      "issues' options. You see what your party may know: your own points, the public moves\n"
      "and the news, never another party's preferences. At the end the game is saved as a\n"
      "trace that parley report and parley debrief read. See docs/classroom.md.\n"
      "Examples:\n"
      "  parley play scenarios/korea-1951-53.json --as COM --seed 3\n"
      "  parley play scenarios/istanbul-2025.json --as UA,RU --trace table1.trace.jsonl");
  cmd->callback([options, &action] { action = [options] { return play(*options); }; });
}

}  // namespace parley::cli
