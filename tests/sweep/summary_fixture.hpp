#pragma once
// Shared by the tests of the sweep's statistics (tests/sweep/summary*_test.cpp): the fixture
// sweep, whose runs can be recorded in any grouping, and a synthetic layout whose runs a test
// writes by hand.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "agents/builtin_agents.hpp"
#include "engine/random/sampling_design.hpp"
#include "sweep/recorder.hpp"
#include "sweep/run_workspace.hpp"
#include "sweep/runner.hpp"
#include "sweep/summary.hpp"
#include "tests/support/sweep_fixture.hpp"

namespace parley::testing {

// A fixture sweep whose runs can be recorded in any grouping.
struct FixtureSweep {
  ScenarioPtr scenario = sweep_fixture_scenario();
  Simulator simulator{scenario, builtin_agents()};
  UncertaintySpec spec = sweep_fixture_uncertainty();
  std::vector<ParameterSlot> slots = bind_parameters(spec, *scenario, builtin_agents());
  std::shared_ptr<const SweepLayout> layout =
      std::make_shared<const SweepLayout>(make_sweep_layout(simulator, slots, spec));
  std::shared_ptr<const std::vector<EfficiencyReference>> references =
      efficiency_references(simulator);
  SamplingDesign design{spec, 3, 3000};

  SweepRecorder recorder() const {
    return SweepRecorder(simulator, layout, slots, references, false);
  }
  // Records runs [first, last) (whole blocks of block_size) with one thread into `into`.
  void record(SweepRecorder& into, std::uint64_t first, std::uint64_t last,
              std::uint64_t block_size = 1) const {
    SweepOptions options;
    options.seed = 3;
    options.block_size = block_size;
    for (std::uint64_t block = first / block_size; block * block_size < last; ++block)
      options.blocks.push_back(block);
    run_sweep(simulator, design, slots, options, [&](int) -> SweepWorker& { return into; });
  }
  // All runs in blocks of block_size on `threads` threads, each with its own recorder, merged.
  SweepStatistics record_on_threads(std::uint64_t block_size, int threads) const {
    std::vector<SweepRecorder> recorders;
    for (int t = 0; t < threads; ++t) recorders.push_back(recorder());
    SweepOptions options;
    options.seed = 3;
    options.block_size = block_size;
    options.threads = threads;
    for (std::uint64_t block = 0; block * block_size < design.runs(); ++block)
      options.blocks.push_back(block);
    run_sweep(simulator, design, slots, options,
              [&](int thread) -> SweepWorker& { return recorders[thread]; });
    SweepStatistics merged = recorders[0].statistics();
    for (int t = 1; t < threads; ++t) merged.merge(recorders[t].statistics());
    return merged;
  }
};

// A layout with one track of one options issue, one party and two uniform parameters.
inline std::shared_ptr<const SweepLayout> synthetic_layout() {
  SweepLayout l;
  SweepLayout::IssueInfo issue;
  issue.id = "q";
  issue.label = "Q";
  issue.kind = IssueKind::Quantity;
  issue.level_values = {0, 10, 20, 30};
  issue.min = 0;
  issue.max = 30;
  l.tracks.push_back({"t", "T", {issue}});
  l.parties.push_back({"P", "P", -1.0, 1.0});
  std::string error;
  l.parameters.push_back({"/x1", *parse_distribution("uniform(0, 1)", error), true});
  l.parameters.push_back({"/x2", *parse_distribution("uniform(0, 1)", error), true});
  return std::make_shared<const SweepLayout>(l);
}

struct SyntheticRun {
  RunResult result;
  int horizon = 9;
  std::optional<DealEfficiency> efficiency;

  SyntheticRun() {
    result.tracks.resize(1);
    result.parties.resize(1);
  }
  void add_to(SweepStatistics& s, std::uint64_t run, const double* x) {
    s.add(run, x, result, RunContext{&horizon, &efficiency});
  }
};

}  // namespace parley::testing
