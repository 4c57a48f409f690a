// The world model's cost: the round loop of round_loop_bench.cpp's
// scenario (two linear time-dependent agents, 10 x 10 x 4 outcomes, at most 100 rounds, no
// trace), without a world and with one: a 20-state battlefield (two battles a round), Poisson
// casualties and lognormal money costs for both sides, a sanctions lever and two scheduled
// events, the track's reservation being the value of fighting on. BM_WorldOverhead runs both
// interleaved in the same process and reports the ratio of their CPU costs per round and per
// run; BM_WorldOverhead_FixedCosts does the same with every cost fixed at its mean.
#include <benchmark/benchmark.h>

#include <memory>

#include "agents/builtin_agents.hpp"
#include "bench/interleaved_overhead.hpp"
#include "bench/negotiation_domain.hpp"
#include "engine/simulator.hpp"

namespace {

using namespace parley;

enum class World { Off, On, OnFixedCosts };

ScenarioPtr bench_scenario(World world) {
  const bool with_world = world != World::Off;
  auto s = parley::bench::negotiation_domain(
      "linear", with_world ? "world benchmark (world on)" : "world benchmark (world off)");
  const bool random_costs = world == World::On;
  for (Party& party : s->parties) party.preferences.discount = 0.99;
  if (!with_world) return s;

  WorldSpec& w = s->world;
  w.battlefield.present = true;
  w.battlefield.states = 20;
  w.battlefield.start = 10;
  w.battlefield.win_probability = 0.52;
  w.battlefield.decisive_probability = 0.6;
  w.battlefield.battles_per_round = 2;
  w.cost_kinds = {CostKind{"casualties", "Casualties", "people"},
                  CostKind{"money", "Money", "$bn"}};
  w.parties.assign(2, PartyWarSpec{});
  for (int p = 0; p < 2; ++p) {
    w.parties[p].costs.resize(2);
    PartyCost& casualties = w.parties[p].costs[0];
    casualties.per_round.kind =
        random_costs ? CostDistributionKind::Poisson : CostDistributionKind::Fixed;
    casualties.per_round.mean = 300.0 + 100.0 * p;
    casualties.utility_per_unit = 2e-6;
    PartyCost& money = w.parties[p].costs[1];
    money.per_round.kind =
        random_costs ? CostDistributionKind::Lognormal : CostDistributionKind::Fixed;
    money.per_round.mean = 0.5;
    money.per_round.sd = 0.2;
    money.utility_per_unit = 1e-3;
    w.parties[p].victory_value = 0.9;
    w.parties[p].defeat_value = 0.1;
  }
  w.war_tracks = {0};
  w.ceasefire_tracks = {0};
  PressureLever sanctions;
  sanctions.id = "sanctions";
  sanctions.party = 1;
  sanctions.cost_kind = 1;
  sanctions.cost_multiplier = 1.3;
  sanctions.active = false;
  w.pressure = {sanctions};
  EventSpec on;
  on.id = "sanctions-on";
  on.kind = "set_pressure";
  on.round = 10;
  on.args = {{"lever", 0}};
  EventSpec strike;
  strike.id = "strike";
  strike.kind = "change_costs";
  strike.hazard = 0.02;
  strike.args = {{"party", 0}, {"cost", 0}, {"multiplier", 1.2}};
  w.events = {on, strike};
  return s;
}

void run_loop(benchmark::State& state, World world) {
  const Simulator simulator(bench_scenario(world), builtin_agents());
  RunState run_state = simulator.baseline();
  std::uint64_t seed = 0;
  std::int64_t steps = 0;
  for (auto _ : state) {
    run_state.reset(simulator.baseline());
    const RunResult result = simulator.run(1, seed++, run_state);
    steps += result.rounds;
    benchmark::DoNotOptimize(result.parties[0].utility);
  }
  state.counters["steps"] =
      benchmark::Counter(static_cast<double>(steps), benchmark::Counter::kIsRate);
  state.counters["steps_per_run"] =
      benchmark::Counter(static_cast<double>(steps) / static_cast<double>(state.iterations()));
}

void BM_World_Off(benchmark::State& state) {
  run_loop(state, World::Off);
}
void BM_World_On(benchmark::State& state) {
  run_loop(state, World::On);
}

// Both scenarios interleaved (bench/interleaved_overhead.hpp): the ratio of CPU nanoseconds
// per round (and per run) with the world on to without it.
void world_overhead(benchmark::State& state, World world) {
  const Simulator off(bench_scenario(World::Off), builtin_agents());
  const Simulator on(bench_scenario(world), builtin_agents());
  parley::bench::interleaved_overhead(state, off, on, 64);
}

// The scenario as described, and the same with every cost fixed at its mean (no cost draws):
// the difference is what the four random cost draws per round cost.
void BM_WorldOverhead(benchmark::State& state) {
  world_overhead(state, World::On);
}
void BM_WorldOverhead_FixedCosts(benchmark::State& state) {
  world_overhead(state, World::OnFixedCosts);
}

BENCHMARK(BM_World_Off);
BENCHMARK(BM_World_On);
BENCHMARK(BM_WorldOverhead)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WorldOverhead_FixedCosts)->Unit(benchmark::kMillisecond);

}  // namespace
