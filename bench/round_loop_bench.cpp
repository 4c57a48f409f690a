// The round loop: two time-dependent agents, a 3-issue discrete domain of
// 10 x 10 x 4 outcomes, linear-additive preferences, at most 100 rounds, no trace.
// A step is one offer and the answer to it; the counter `steps` is reported per second.
// Runs go the way a sweep thread runs them: one RunState and one RunResult kept across runs,
// reset() between runs, so agents are made new (Agent::reset) rather than built.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "agents/band_search.hpp"
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

// The band's best-rated outcome (agents/band_search.hpp) on a track of the Istanbul scenario's
// political shape: seven issues of 6 x 4 x 4 x 3 x 4 x 3 x 2 = 6,912 outcomes, opposed
// preferences with different weights, a frequency model fed ten of the opponent's offers near its
// best. The argument is the band's size in ranking positions; bands start at 16 places spread
// over the ranking's middle. Scan against branch and bound: where the agent switches
// (BandSearch::kBranchAndBoundFrom).
struct BandDomain {
  std::shared_ptr<Scenario> scenario = std::make_shared<Scenario>();
  std::unique_ptr<OutcomeSpace> space;
  std::unique_ptr<OutcomeLevels> levels;
  std::unique_ptr<FrequencyOpponentModel> model;

  BandDomain() {
    const int counts[7] = {6, 4, 4, 3, 4, 3, 2};
    Track track{"political", "Political", {}, {}};
    for (int k = 0; k < 7; ++k) {
      scenario->issues.push_back(parley::bench::options_issue("i" + std::to_string(k), counts[k]));
      track.issues.push_back(k);
    }
    scenario->tracks = {track};
    for (int p = 0; p < 2; ++p) {
      Party party;
      party.id = p == 0 ? "A" : "B";
      for (int k = 0; k < 7; ++k) {
        std::vector<double> table(static_cast<std::size_t>(counts[k]));
        for (int l = 0; l < counts[k]; ++l) {
          const double up = double(l) / (counts[k] - 1);
          table[static_cast<std::size_t>(l)] = p == 0 ? up : 1.0 - up;
        }
        party.preferences.weights.push_back(p == 0 ? 1.0 + k : 8.0 - k);
        party.preferences.values.push_back(ValueFunction::table(table));
      }
      party.preferences.reservation = {0.0};
      scenario->parties.push_back(party);
    }
    space = std::make_unique<OutcomeSpace>(*scenario, 0);
    levels = std::make_unique<OutcomeLevels>(*space);
    model = std::make_unique<FrequencyOpponentModel>(*space, levels.get());
    for (std::size_t i = 0; i < 10; ++i) model->observe(space->ranking(1)[i * 7]);
  }
};

void band_search(benchmark::State& state, bool branch_and_bound) {
  static const BandDomain domain;
  const OutcomeSpace& space = *domain.space;
  const std::vector<std::int32_t>& ranking = space.ranking(0);
  const auto width = static_cast<std::size_t>(state.range(0));
  const FrequencyOpponentModel* raters[1] = {domain.model.get()};
  BandSearch search;
  search.prepare(space);
  std::size_t start = 0;
  double rated = 0.0, visited = 0.0;
  for (auto _ : state) {
    // Bands start at 16 places between a quarter and three quarters down the ranking.
    const std::size_t room = ranking.size() / 2 > width ? ranking.size() / 2 - width : 0;
    const std::size_t first = ranking.size() / 4 + (start++ % 16) * room / 16;
    const std::size_t cheapest = std::min(first + width, ranking.size()) - 1;
    benchmark::DoNotOptimize(branch_and_bound
                                 ? search.branch_and_bound(space, space.utilities(0), ranking,
                                                           first, cheapest, raters, 1)
                                 : BandSearch::scan(ranking, first, cheapest, raters, 1));
    rated += static_cast<double>(search.last_rated());
    visited += static_cast<double>(search.last_visited());
  }
  if (branch_and_bound) {
    const auto calls = static_cast<double>(state.iterations());
    state.counters["rated"] = rated / calls;
    state.counters["nodes"] = visited / calls;
  }
}

void BM_BandSearch_Scan(benchmark::State& state) {
  band_search(state, false);
}
void BM_BandSearch_BranchAndBound(benchmark::State& state) {
  band_search(state, true);
}

BENCHMARK(BM_RoundLoop_Linear);
BENCHMARK(BM_RoundLoop_Boulware);
BENCHMARK(BM_RoundLoop_Linear_NoModel);
BENCHMARK(BM_RoundLoop_SetUp);
BENCHMARK(BM_BandSearch_Scan)->Arg(16)->Arg(32)->Arg(64)->Arg(128)->Arg(512)->Arg(2048);
BENCHMARK(BM_BandSearch_BranchAndBound)->Arg(16)->Arg(32)->Arg(64)->Arg(128)->Arg(512)->Arg(2048);

}  // namespace
