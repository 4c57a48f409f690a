// The round loop: two time-dependent agents, a 3-issue discrete domain of
// 10 x 10 x 4 outcomes, linear-additive preferences, at most 100 rounds, no trace.
// A step is one offer and the answer to it; the counter `steps` is reported per second.
// Runs go the way a sweep thread runs them: one RunState and one RunResult kept across runs,
// reset() between runs, so agents are made new (Agent::reset) rather than built.
#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <string>

#include "agents/builtin_agents.hpp"
#include "bench/negotiation_domain.hpp"
#include "engine/simulator.hpp"

namespace {

using namespace parley;

std::shared_ptr<Scenario> bench_scenario(const std::string& model,
                                         const std::map<std::string, double>& params) {
  auto s = parley::bench::negotiation_domain(model, "round-loop benchmark");
  for (Party& party : s->parties) party.agent.params = params;
  return s;
}

void run_loop(benchmark::State& state, const std::string& model,
              const std::map<std::string, double>& params = {}) {
  const Simulator simulator(bench_scenario(model, params), builtin_agents());
  RunState run_state = simulator.baseline();
  RunResult result;
  std::uint64_t seed = 0;
  std::int64_t steps = 0;
  for (auto _ : state) {
    run_state.reset(simulator.baseline());
    simulator.run(1, seed++, run_state, result);
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
// Without the frequency opponent model (band 0: the cheapest outcome at or above the target).
void BM_RoundLoop_Linear_NoModel(benchmark::State& state) {
  run_loop(state, "linear", {{"band", 0.0}});
}

// Per-run set-up: the same scenario and agents with no round to play (max_rounds 0), so a run is
// only its set-up (state reset, agents made new, streams seeded, tracks opened), the deadline's
// close and the result. `setup_per_run` is CPU seconds per run.
void BM_RoundLoop_SetUp(benchmark::State& state) {
  auto scenario = bench_scenario("linear", {});
  scenario->protocol.deadline_rounds = 0;
  scenario->protocol.max_rounds = 0;
  const Simulator simulator(scenario, builtin_agents());
  RunState run_state = simulator.baseline();
  RunResult result;
  std::uint64_t seed = 0;
  for (auto _ : state) {
    run_state.reset(simulator.baseline());
    simulator.run(1, seed++, run_state, result);
    benchmark::DoNotOptimize(result.parties[0].utility);
  }
  state.counters["setup_per_run"] =
      benchmark::Counter(static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

BENCHMARK(BM_RoundLoop_Linear);
BENCHMARK(BM_RoundLoop_Boulware);
BENCHMARK(BM_RoundLoop_Linear_NoModel);
BENCHMARK(BM_RoundLoop_SetUp);

}  // namespace
