// The sweep from Python: Scenario.sweep(runs, seed, threads, vary) gives summary.json's text and
// the runs CSV of `parley sweep --runs-csv`, the same bytes; python/parley/__init__.py turns them
// into a dict and a pandas DataFrame.
#include <pybind11/stl.h>

#include <thread>

#include "engine/input_error.hpp"
#include "engine/random/sampling_design.hpp"
#include "engine/scenario/parameter_slot.hpp"
#include "python/bindings.hpp"
#include "sweep/identity.hpp"
#include "sweep/recorder.hpp"
#include "sweep/runner.hpp"
#include "sweep/runs_csv.hpp"
#include "sweep/state.hpp"
#include "sweep/tournament.hpp"

namespace parley::python {

namespace {

std::pair<std::string, std::string> sweep(const LoadedScenario& loaded, std::uint64_t runs,
                                          std::uint64_t seed, int threads,
                                          const std::map<std::string, std::string>& vary,
                                          bool only_vary, ScenarioPtr scenario_ptr) {
  if (loaded.bytes.empty())
    throw InputError(loaded.path, 0, 0, "", "a scenario file (a sweep needs its bytes)",
                     "a folder");
  const Scenario& scenario = *scenario_ptr;
  std::shared_ptr<const Simulator> own = loaded.simulator;
  if (scenario_ptr != loaded.scenario)
    own = std::make_shared<const Simulator>(scenario_ptr, python_registry());
  const Simulator& simulator = *own;
  const AgentRegistry& registry = python_registry();
  UncertaintySpec spec;
  if (!only_vary) spec = scenario.uncertainty;
  for (const auto& [pointer, text] : vary) {
    UncertainParameter p;
    p.pointer = pointer;
    p.declared.file = "vary";
    std::string error;
    const auto d = parse_distribution(text, error);
    if (!d) throw InputError("vary", 0, 0, pointer, error, "'" + text + "'");
    p.distribution = *d;
    spec.set(std::move(p));
  }
  if (runs == 0) {
    if (spec.design != DesignKind::Grid)
      throw InputError("runs", 0, 0, "", "a number of runs >= 1 (only a grid design has a default)",
                       "0");
    runs = SamplingDesign::grid_size(spec);
  }
  const std::vector<ParameterSlot> slots = bind_parameters(spec, scenario, registry);
  const SamplingDesign design(spec, seed, runs);
  SweepState state;
  state.identity = sweep_identity(scenario, loaded.path, loaded.bytes, seed, runs, spec, slots);
  state.scenario_path = loaded.path;
  state.layout = std::make_shared<const SweepLayout>(make_sweep_layout(simulator, slots, spec));
  const std::uint64_t blocks = sweep_block_count(runs, kSweepBlockSize);
  state.shard.first_block = 0;
  state.shard.last_block = blocks;
  state.statistics.emplace(state.layout);

  SweepOptions options;
  options.seed = seed;
  options.threads =
      threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  for (std::uint64_t b = 0; b < blocks; ++b) options.blocks.push_back(b);
  std::string csv = runs_csv_header(*state.layout);
  options.ordered_output = [&csv](const std::string& rows) { csv += rows; };

  const auto references = efficiency_references(simulator);
  std::vector<std::unique_ptr<SweepRecorder>> recorders;
  for (int t = 0; t < options.threads; ++t)
    recorders.push_back(
        std::make_unique<SweepRecorder>(simulator, state.layout, slots, references, true));
  const SweepProgress progress =
      run_sweep(simulator, design, slots, options,
                [&recorders](int thread) -> SweepWorker& { return *recorders[thread]; });
  for (const auto& recorder : recorders) state.statistics->merge(recorder->statistics());
  state.done.add(0, progress.completed);
  return {summary_json(state).dump(2) + "\n", std::move(csv)};
}

}  // namespace

void bind_sweep(py::module_& m) {
  m.def(
      "sweep_text",
      [](const LoadedScenario& loaded, std::uint64_t runs, std::uint64_t seed, int threads,
         const std::map<std::string, std::string>& vary, bool only_vary, const py::dict& agents) {
        const ScenarioPtr scenario = with_agents(loaded, agents);
        py::gil_scoped_release release;
        return sweep(loaded, runs, seed, threads, vary, only_vary, scenario);
      },
      py::arg("scenario"), py::arg("runs"), py::arg("seed") = 1, py::arg("threads") = 0,
      py::arg("vary") = std::map<std::string, std::string>(), py::arg("only_vary") = false,
      py::arg("agents") = py::dict(),
      "summary.json's text and the runs CSV of `parley sweep --runs-csv`");

  m.def(
      "tournament_text",
      [](const std::vector<std::shared_ptr<LoadedScenario>>& loaded,
         const std::vector<std::string>& models, std::uint64_t seeds, int threads, bool as_json) {
        std::vector<ScenarioPtr> scenarios;
        for (const auto& l : loaded) scenarios.push_back(l->scenario);
        TournamentOptions options;
        options.models = models;
        options.seeds = seeds;
        options.threads = threads > 0
                              ? threads
                              : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
        // Python agents take the GIL for each decision; the tournament itself runs without it.
        py::gil_scoped_release release;
        const TournamentResult result = run_tournament(scenarios, options, python_registry());
        return as_json ? tournament_json(result, options).dump(2) + "\n"
                       : tournament_text(result, options);
      },
      py::arg("scenarios"), py::arg("models"), py::arg("seeds") = 10, py::arg("threads") = 0,
      py::arg("as_json") = true,
      "`parley tournament --format json` (or its text) over loaded scenarios, with the models "
      "registered from Python among the built-in ones");
}

}  // namespace parley::python
