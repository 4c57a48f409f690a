#include <iostream>
#include <memory>
#include <optional>

#include "analysis/report/output_file.hpp"
#include "analysis/report/run_report.hpp"
#include "analysis/report/trace_writer.hpp"
#include "cli/commands.hpp"
#include "cli/warnings.hpp"
#include "engine/load/agent_override.hpp"
#include "engine/load/scenario_loader.hpp"
#include "engine/simulator.hpp"
#include "interop/scenario_source.hpp"
#include "play/program_party.hpp"

namespace parley::cli {

namespace {
struct RunOptions {
  std::string file;
  std::uint64_t seed = 1;
  std::string trace;
  std::string format = "text";
  std::vector<std::string> agents;  // --agent ID=MODEL[:param=value,...]
  bool strict = false;
  bool allow_programs = false;
};

int run(const RunOptions& options) {
  const AgentRegistry& registry = agents_with_programs();
  const auto overrides = parse_agent_overrides(options.agents);
  const ScenarioPtr scenario = load_scenario_or_genius_folder(options.file, registry, {},
                                                              LoadOptions{options.allow_programs});
  if (report_warnings(*scenario, options.strict, std::cerr)) return 2;
  const Simulator simulator(apply_agent_overrides(scenario, overrides, registry), registry);

  std::optional<OutputFile> trace_file;
  std::unique_ptr<JsonlTraceWriter> trace;
  if (!options.trace.empty()) {
    trace_file.emplace(options.trace);
    trace = std::make_unique<JsonlTraceWriter>(simulator, trace_file->stream());
  }
  const RunResult result = simulator.run(options.seed, 0, trace.get());
  if (trace_file) trace_file->commit();

  if (options.format == "json")
    std::cout << run_report_json(simulator, result).dump(2) << "\n";
  else
    std::cout << run_report_text(simulator, result);
  return 0;
}
}  // namespace

void add_run_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* cmd = app.add_subcommand("run", "Simulate one negotiation and report its outcome");
  cmd->add_option("file", options->file,
                  "Scenario file (JSON, format version 1), or a GENIUS folder (docs/interop.md)")
      ->required();
  cmd->add_option("--seed", options->seed, "Random seed; the same seed gives the same run")
      ->capture_default_str();
  cmd->add_option("--trace", options->trace,
                  "Write every move as one JSON line to this file (docs/output.md)");
  cmd->add_option("--format", options->format, "Report as readable text or as JSON")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--agent", options->agents, kAgentHelp);
  cmd->add_flag("--allow-programs", options->allow_programs, kAllowProgramsHelp);
  cmd->add_flag("--strict", options->strict, kStrictHelp);
  cmd->footer(
      "A scenario with a history block also gets a History section (JSON: \"history\"): each\n"
      "recorded track's simulated outcome beside the historical one (docs/output.md).\n"
      "Example:\n"
      "  parley run scenarios/istanbul-2025-06.json --seed 7 --trace trace.jsonl\n"
      "  parley run scenarios/textbook/rubinstein-0.9-0.9.json --format json\n"
      "  parley run scenarios/istanbul-2025-06.json --agent RU=hardliner --agent "
      "UA=boulware:e=0.1\n"
      "  parley run path/to/GENIUS/Laptop/\n"
      "  parley run scenarios/istanbul-2025-06.json --agent UA=program:cmd=python3 my_agent.py");
  cmd->callback([options, &action] { action = [options] { return run(*options); }; });
}

}  // namespace parley::cli
