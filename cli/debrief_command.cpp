// parley debrief: a class's games (a classroom folder, or traces) as one HTML page.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

#include "agents/builtin_agents.hpp"
#include "analysis/charts/vega_runtime.hpp"
#include "analysis/report/debrief.hpp"
#include "analysis/report/output_file.hpp"
#include "analysis/report/trace_reader.hpp"
#include "cli/commands.hpp"
#include "engine/input_error.hpp"
#include "interop/scenario_source.hpp"

namespace parley::cli {

namespace {

namespace fs = std::filesystem;

struct DebriefOptions {
  std::vector<std::string> inputs;
  std::string scenario;
  std::string out = "debrief.html";
  int runs = 200;
  std::uint64_t seed = 1;
};

// A table's name from its file: "tables/t03.trace.json" -> "t03".
std::string table_name(const fs::path& file) {
  std::string name = file.filename().string();
  for (const char* ending : {".trace.json", ".trace.jsonl", ".jsonl", ".json"})
    if (name.size() > std::string(ending).size() &&
        name.compare(name.size() - std::string(ending).size(), std::string::npos, ending) == 0)
      return name.substr(0, name.size() - std::string(ending).size());
  return name;
}

int debrief(const DebriefOptions& options) {
  std::string scenario_path = options.scenario;
  std::vector<fs::path> traces;
  for (const std::string& input : options.inputs) {
    const fs::path path(input);
    if (fs::is_directory(path)) {
      // A class folder: scenario.json and tables/<table-id>.trace.json.
      if (scenario_path.empty()) scenario_path = (path / "scenario.json").string();
      const fs::path dir = path / "tables";
      if (!fs::is_directory(dir))
        throw InputError(input, 0, 0, "",
                         "a class folder (scenario.json and tables/<table>.trace.json) or trace "
                         "files",
                         "a folder without tables/");
      std::vector<fs::path> found;
      for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && (name.ends_with(".json") || name.ends_with(".jsonl")))
          found.push_back(entry.path());
      }
      std::sort(found.begin(), found.end());
      traces.insert(traces.end(), found.begin(), found.end());
    } else {
      traces.push_back(path);
    }
  }
  if (scenario_path.empty())
    throw InputError(options.inputs.front(), 0, 0, "",
                     "--scenario FILE: the scenario the games were played on (or a class folder "
                     "holding scenario.json)",
                     "no --scenario");
  if (traces.empty())
    throw InputError(options.inputs.front(), 0, 0, "", "at least one table's trace", "none");
  const ScenarioPtr scenario = load_scenario_or_genius_folder(scenario_path, builtin_agents());
  std::vector<DebriefTable> tables;
  for (const fs::path& trace : traces)
    tables.push_back({table_name(trace), read_trace(trace.string(), false)});
  const Simulator simulator(scenario, builtin_agents());
  const AgentBaseline baseline = agent_baseline(simulator, options.runs, options.seed);
  const ReportPage page = debrief_page(simulator, tables, baseline);
  const std::string vega = vega_runtime_script();  // before the output exists: all or nothing
  OutputFile file(options.out);
  file.stream() << html_page(page, vega);
  file.commit();
  std::cerr << "parley debrief: " << options.out << " (" << tables.size() << " tables, "
            << page.chart_count() << " charts)\n";
  return 0;
}

}  // namespace

void add_debrief_command(CLI::App& app, Action& action) {
  auto options = std::make_shared<DebriefOptions>();
  CLI::App* cmd = app.add_subcommand(
      "debrief",
      "A class's games against theory, the agents and history, as one self-contained HTML page");
  cmd->add_option("inputs", options->inputs,
                  "A class folder (scenario.json and tables/*.trace.json), or the traces of the "
                  "tables (parley play, parley run --trace)")
      ->required()
      ->check(CLI::ExistingPath);
  cmd->add_option("--scenario", options->scenario,
                  "The scenario the games were played on (default: the class folder's "
                  "scenario.json)");
  cmd->add_option("--out", options->out, "The HTML file to write")->capture_default_str();
  cmd->add_option("--runs", options->runs,
                  "Runs of the scenario's own agents for their typical deal")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  cmd->add_option("--seed", options->seed, "Seed of those runs")->capture_default_str();
  cmd->footer(
      "Per track: every table's deal in the parties' points with the Pareto frontier, the Nash\n"
      "and Kalai-Smorodinsky points (as parley analyze), the agents' most frequent deal and the\n"
      "historical one; a class table sortable by joint points, distance to the frontier and to\n"
      "the Nash point, inequality (Gini) and more; each table's offers round by round. Tables\n"
      "still playing are shown as they stand. The page opens offline. See docs/classroom.md.\n"
      "Examples:\n"
      "  parley debrief class-korea --out debrief.html\n"
      "  parley debrief t1.trace.jsonl t2.trace.jsonl --scenario scenarios/korea-1951-53.json "
      "--out debrief.html");
  cmd->callback([options, &action] { action = [options] { return debrief(*options); }; });
}

}  // namespace parley::cli
