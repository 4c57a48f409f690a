// parley tournament: every model in every role of every scenario over seeds, ranked
// (docs/cli.md, "parley tournament").
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

#include "analysis/report/output_file.hpp"
#include "cli/commands.hpp"
#include "interop/scenario_source.hpp"
#include "play/program_party.hpp"
#include "sweep/tournament.hpp"

namespace parley::cli {

namespace {

struct TournamentCommandOptions {
  std::vector<std::string> files;
  std::vector<std::string> models;  // as given: comma-separated lists, repeatable
  std::uint64_t seeds = 10;
  int threads = 0;
  std::string format = "text";
  std::string out;
  bool allow_programs = false;
};

// "boulware:e=0.1,floor=0.2,conceder" -> {"boulware:e=0.1,floor=0.2", "conceder"}: a piece
// with '=' and no ':' is one more parameter of the model before it (model names have no '=').
std::vector<std::string> split_models(const std::vector<std::string>& lists) {
  std::vector<std::string> models;
  for (const std::string& list : lists) {
    std::size_t start = 0;
    for (;;) {
      const std::size_t comma = list.find(',', start);
      const std::string piece = list.substr(start, comma - start);
      const bool parameter = piece.find('=') != std::string::npos &&
                             piece.find(':') == std::string::npos && !models.empty() &&
                             models.back().find(':') != std::string::npos;
      if (parameter)
        models.back() += "," + piece;
      else if (!piece.empty())
        models.push_back(piece);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return models;
}

int tournament(const TournamentCommandOptions& options) {
  const AgentRegistry& registry = agents_with_programs();
  std::vector<ScenarioPtr> scenarios;
  for (const std::string& file : options.files)
    scenarios.push_back(
        load_scenario_or_genius_folder(file, registry, {}, LoadOptions{options.allow_programs}));
  TournamentOptions run;
  run.models = split_models(options.models);
  run.seeds = options.seeds;
  run.threads = options.threads > 0
                    ? options.threads
                    : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const TournamentResult result = run_tournament(scenarios, run, registry);
  const std::string text = options.format == "json" ? tournament_json(result, run).dump(2) + "\n"
                                                    : tournament_text(result, run);
  if (options.out.empty()) {
    std::cout << text;
    return 0;
  }
  OutputFile file(options.out);
  file.stream() << text;
  file.commit();
  return 0;
}

}  // namespace

void add_tournament_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<TournamentCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "tournament",
      "Play every model in every role of every scenario over seeds, and rank the models");
  cmd->add_option("files", options->files, "Scenario files (or GENIUS folders)")->required();
  cmd->add_option("--models", options->models,
                  "Models to compare, comma-separated, each MODEL[:param=value,...] "
                  "(`parley agents`); repeatable")
      ->required();
  cmd->add_option("--seeds", options->seeds, "Seeds 1..N per pairing")->capture_default_str();
  cmd->add_option("--threads", options->threads,
                  "Worker threads (default: every core); the result does not depend on it");
  cmd->add_option("--format", options->format, "Readable table or JSON")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--out", options->out, "Write the report to this file (all or nothing)");
  cmd->add_flag("--allow-programs", options->allow_programs, kAllowProgramsHelp);
  cmd->footer(
      "A pairing gives each party of a scenario one of the models; every pairing is played\n"
      "with seeds 1..N. Models are ranked by mean utility of the party they play, then by\n"
      "agreement rate; Pareto-optimal share and distance to the Nash point are over agreed\n"
      "tracks (docs/cli.md). Pairings a model cannot play are listed, not played.\n"
      "Examples:\n"
      "  parley tournament scenarios/istanbul-2025-06.json --models boulware,conceder,linear\n"
      "  parley tournament scenarios/*.json --models hardliner,boulware:e=0.1,tit-for-tat "
      "--seeds 20 --format json --out ranking.json");
  cmd->callback([options, &action] { action = [options] { return tournament(*options); }; });
}

}  // namespace parley::cli
