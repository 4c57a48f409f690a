// parley evaluate: the points and utility of a deal for every party, against the frontier.
#include <iostream>
#include <memory>

#include "agents/builtin_agents.hpp"
#include "analysis/report/deal_evaluation.hpp"
#include "cli/commands.hpp"
#include "engine/load/deal_text.hpp"
#include "interop/scenario_source.hpp"

namespace parley::cli {

namespace {

struct EvaluateOptions {
  std::string file;
  std::vector<std::string> deal;
  std::string format = "text";
};

int evaluate(const EvaluateOptions& options) {
  const ScenarioPtr scenario = load_scenario_or_genius_folder(options.file, builtin_agents());
  const std::map<int, Deal> deals = parse_deal(*scenario, options.deal, "DEAL");
  const Simulator simulator(scenario, builtin_agents());
  nlohmann::ordered_json json;
  json["scenario"] = scenario->meta.name;
  json["tracks"] = nlohmann::ordered_json::array();
  bool first = true;
  for (const auto& [track, deal] : deals) {
    const OutcomeSpace& space = simulator.space(track);
    const TrackReference reference = track_reference(simulator, track);
    const DealEvaluation e = evaluate_deal(reference, space, deal);
    if (options.format == "json") {
      json["tracks"].push_back(evaluation_json(*scenario, space, reference, e));
    } else {
      std::cout << (first ? "" : "\n") << evaluation_text(*scenario, space, reference, e);
      first = false;
    }
  }
  if (options.format == "json") std::cout << json.dump(2) << "\n";
  return 0;
}

}  // namespace

void add_evaluate_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<EvaluateOptions>();
  CLI::App* cmd = app.add_subcommand(
      "evaluate",
      "Score a deal: points and utility for every party, Pareto-optimal or not, distance to the "
      "frontier and to the Nash point");
  cmd->add_option("file", options->file, "Scenario file or GENIUS folder")->required();
  cmd->add_option("deal", options->deal,
                  "The deal: issue=value ... (one per issue of each track scored), or one JSON "
                  "object {\"issue\": value, ...}")
      ->required();
  cmd->add_option("--format", options->format, "Readable text, or JSON")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->footer(
      "A value is an option's text (or a prefix naming only one option, or its index from 0),\n"
      "yes/no for a flag, a number in range for a quantity or share (between two steps is\n"
      "fine). Every track whose issues the deal names is scored; each needs all its issues.\n"
      "Points are utility times 100; distances are Euclidean over the parties' points; the\n"
      "no-deal scores are what a run starts from, as in parley analyze. See docs/cli.md.\n"
      "Examples:\n"
      "  parley evaluate scenarios/korea-1951-53.json repatriation=neutral \"line=line of "
      "contact at signature\"\n"
      "  parley evaluate scenarios/korea-1951-53.json '{\"sw_unc\": 6670, \"sw_com\": 684}' "
      "--format json");
  cmd->callback([options, &action] { action = [options] { return evaluate(*options); }; });
}

}  // namespace parley::cli
