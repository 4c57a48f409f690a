// The round loop: two time-dependent agents, a 3-issue discrete domain of
// 10 x 10 x 4 outcomes, linear-additive preferences, at most 100 rounds, no trace.
// A step is one offer and the answer to it; the counter `steps` is reported per second.
#include <benchmark/benchmark.h>

#include <memory>

#include "agents/builtin_agents.hpp"
#include "bench/negotiation_domain.hpp"
#include "engine/simulator.hpp"

namespace {

using namespace parley;

ScenarioPtr bench_scenario(const std::string& model) {
  return parley::bench::negotiation_domain(model, "round-loop benchmark");
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
