// One round of the expected-utility stakeholder model (engine/forecast/) on one dimension, for
// 10 to 320 actors: median voter position, win probabilities, risk exponents (two passes of
// expected utilities) and every challenge answered. Target: 160 actors under 20 ms on one core.
#include <benchmark/benchmark.h>

#include <random>

#include "engine/forecast/forecast_round.hpp"

namespace {

parley::forecast::DimensionState random_state(int n) {
  std::mt19937_64 gen(20261203);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  parley::forecast::DimensionState s;
  s.width = 100.0;
  for (int k = 0; k < n; ++k) {
    s.positions.push_back(100.0 * u(gen));
    s.saliences.push_back(0.1 + 0.9 * u(gen));
    s.capabilities.push_back(1.0 + 99.0 * u(gen));
    s.fixed_risk.push_back(std::nullopt);  // derived: the full cost of a round
  }
  return s;
}

void BM_ForecastRound(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const parley::forecast::DimensionState s = random_state(n);
  const parley::forecast::ModelParameters params;
  for (auto _ : state) {
    parley::forecast::RoundResult r = parley::forecast::play_round(s, params);
    benchmark::DoNotOptimize(r.positions.data());
  }
  state.SetComplexityN(n);
  state.counters["actors"] = n;
}
BENCHMARK(BM_ForecastRound)
    ->Arg(10)
    ->Arg(20)
    ->Arg(40)
    ->Arg(80)
    ->Arg(160)
    ->Arg(320)
    ->Unit(benchmark::kMicrosecond)
    ->Complexity();

}  // namespace
