// The round loop of issue 2: two time-dependent agents, a 3-issue discrete domain of
// 10 x 10 x 4 outcomes, linear-additive preferences, at most 100 rounds, no trace.
// A step is one offer and the answer to it; the counter `steps` is reported per second.
#include <benchmark/benchmark.h>

#include <memory>

#include "agents/builtin_agents.hpp"
#include "engine/simulator.hpp"

namespace {

using namespace parley;

Issue options_issue(const std::string& id, int count) {
  Issue issue;
  issue.id = id;
  issue.label = id;
  issue.kind = IssueKind::Options;
  for (int i = 0; i < count; ++i) issue.options.push_back(id + std::to_string(i));
  return issue;
}

// Opposed linear value tables: A prefers high levels, B low ones; weights differ so the
// parties can trade across issues (an integrative domain, as in the ANAC domains).
ScenarioPtr bench_scenario(const std::string& model) {
  auto s = std::make_shared<Scenario>();
  s->meta.name = "round-loop benchmark";
  s->issues = {options_issue("a", 10), options_issue("b", 10), options_issue("c", 4)};
  s->tracks = {Track{"all", "All issues", {0, 1, 2}}};
  const double weights[2][3] = {{0.5, 0.3, 0.2}, {0.2, 0.3, 0.5}};
  for (int p = 0; p < 2; ++p) {
    Party party;
    party.id = p == 0 ? "A" : "B";
    party.name = party.id;
    party.agent.model = model;
    Preferences& prefs = party.preferences;
    for (int k = 0; k < 3; ++k) {
      const int n = s->issues[k].levels();
      std::vector<double> table(n);
      for (int level = 0; level < n; ++level)
        table[level] = p == 0 ? double(level) / (n - 1) : double(n - 1 - level) / (n - 1);
      prefs.weights.push_back(weights[p][k]);
      prefs.values.push_back(ValueFunction::table(table));
    }
    prefs.reservation = {0.2};
    s->parties.push_back(party);
  }
  s->protocol.deadline_rounds = 100;
  return s;
}

void run_loop(benchmark::State& state, const std::string& model) {
  const Simulator simulator(bench_scenario(model), builtin_agents());
  std::uint64_t seed = 0;
  std::int64_t steps = 0;
  for (auto _ : state) {
    const RunResult result = simulator.run(1, seed++);
    steps += result.rounds;
    benchmark::DoNotOptimize(result.parties[0].utility);
  }
  state.counters["steps"] =
      benchmark::Counter(static_cast<double>(steps), benchmark::Counter::kIsRate);
  state.counters["steps_per_run"] =
      benchmark::Counter(static_cast<double>(steps) / static_cast<double>(state.iterations()));
}

void BM_RoundLoop_Linear(benchmark::State& state) {
  run_loop(state, "linear");
}
void BM_RoundLoop_Boulware(benchmark::State& state) {
  run_loop(state, "boulware");
}

BENCHMARK(BM_RoundLoop_Linear);
BENCHMARK(BM_RoundLoop_Boulware);

}  // namespace
