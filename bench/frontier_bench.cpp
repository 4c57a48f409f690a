// The Pareto frontier (analysis/solutions/pareto.cpp) of linear-additive utility sets of 10^4,
// 10^5 and 10^6 outcomes (4, 5 or 6 issues of 10 options) for 2, 3 and 5 parties, each party's
// option values and weights drawn at random and rounded to hundredths, as in the start-up
// scenario of bench/five_party_scenario.py; the counter `frontier` is the frontier's size.
// BM_FrontierByScan is the method it replaced (outcomes in descending lexicographic order, each
// checked against the frontier so far), for the ratio. BM_MeasureDeal: one agreement measured
// against the frontier (Pareto test and distance), by the tree and by a scan of every point.
// Figures and commands: bench/README.md, "Start-up".
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

#include "analysis/solutions/efficiency.hpp"
#include "analysis/solutions/pareto.hpp"

namespace {

parley::UtilitySet additive_set(int parties, int issues, unsigned seed) {
  constexpr int kOptions = 10;
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  auto hundredths = [&] { return std::round(unit(rng) * 100) / 100; };
  Eigen::Index outcomes = 1;
  for (int i = 0; i < issues; ++i) outcomes *= kOptions;
  parley::UtilitySet set;
  set.utilities.resize(outcomes, parties);
  set.disagreement = Eigen::VectorXd::Constant(parties, 0.3);
  for (int p = 0; p < parties; ++p) {
    std::vector<double> weight(static_cast<std::size_t>(issues));
    for (double& w : weight) w = 0.05 + hundredths();
    const double total = std::accumulate(weight.begin(), weight.end(), 0.0);
    std::vector<std::vector<double>> value(static_cast<std::size_t>(issues));
    for (auto& table : value) {
      for (int o = 0; o < kOptions; ++o) table.push_back(hundredths());
      table[rng() % kOptions] = 1.0;
    }
    for (Eigen::Index k = 0; k < outcomes; ++k) {
      Eigen::Index rest = k;
      double u = 0.0;
      for (int i = issues; i-- > 0;) {
        const auto iu = static_cast<std::size_t>(i);
        u += weight[iu] / total * value[iu][static_cast<std::size_t>(rest % kOptions)];
        rest /= kOptions;
      }
      set.utilities(k, p) = u;
    }
  }
  return set;
}

// The replaced method, kept here as the baseline.
std::vector<std::int64_t> frontier_by_scan(const parley::UtilitySet& set) {
  std::vector<std::int64_t> order(static_cast<std::size_t>(set.outcomes()));
  std::iota(order.begin(), order.end(), std::int64_t{0});
  const int m = set.parties();
  std::sort(order.begin(), order.end(), [&](std::int64_t a, std::int64_t b) {
    for (int p = 0; p < m; ++p)
      if (set.utilities(a, p) != set.utilities(b, p))
        return set.utilities(a, p) > set.utilities(b, p);
    return a < b;
  });
  std::vector<std::int64_t> frontier;
  for (std::int64_t k : order) {
    const bool dominated = std::any_of(frontier.begin(), frontier.end(), [&](std::int64_t f) {
      bool strictly = false;
      for (int p = 0; p < m; ++p) {
        if (set.utilities(f, p) < set.utilities(k, p)) return false;
        if (set.utilities(f, p) > set.utilities(k, p)) strictly = true;
      }
      return strictly;
    });
    if (!dominated) frontier.push_back(k);
  }
  std::sort(frontier.begin(), frontier.end());
  return frontier;
}

void frontier_arguments(benchmark::internal::Benchmark* b, int largest_issues) {
  for (int parties : {2, 3, 5})
    for (int issues = 4; issues <= largest_issues; ++issues) b->Args({parties, issues});
  b->Unit(benchmark::kMillisecond);
}

void BM_Frontier(benchmark::State& state) {
  const parley::UtilitySet set =
      additive_set(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)), 1);
  std::size_t size = 0;
  for (auto _ : state) {
    const std::vector<std::int64_t> f = parley::pareto_frontier(set);
    size = f.size();
    benchmark::DoNotOptimize(f.data());
  }
  state.counters["outcomes"] = static_cast<double>(set.outcomes());
  state.counters["frontier"] = static_cast<double>(size);
}
BENCHMARK(BM_Frontier)->Apply([](benchmark::internal::Benchmark* b) { frontier_arguments(b, 6); });

// Up to 10^5 outcomes: at 10^6 one five-party call takes about 12 s of CPU.
void BM_FrontierByScan(benchmark::State& state) {
  const parley::UtilitySet set =
      additive_set(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)), 1);
  std::size_t size = 0;
  for (auto _ : state) {
    const std::vector<std::int64_t> f = frontier_by_scan(set);
    size = f.size();
    benchmark::DoNotOptimize(f.data());
  }
  state.counters["outcomes"] = static_cast<double>(set.outcomes());
  state.counters["frontier"] = static_cast<double>(size);
}
BENCHMARK(BM_FrontierByScan)->Apply([](benchmark::internal::Benchmark* b) {
  frontier_arguments(b, 5);
});

// One agreement's Pareto test and distance on the five-party 10^6 frontier: range(0) = 1 by
// the reference's tree (what a sweep does), 0 by scanning every frontier point.
void BM_MeasureDeal(benchmark::State& state) {
  const parley::UtilitySet set = additive_set(5, 6, 1);
  const parley::EfficiencyReference reference = parley::efficiency_reference(set);
  const parley::UtilitySet& frontier = reference.frontier();
  std::mt19937_64 rng(2);
  std::vector<Eigen::VectorXd> deals;  // outcomes drawn at random, as agreements
  for (int k = 0; k < 256; ++k)
    deals.push_back(set.utilities.row(static_cast<Eigen::Index>(rng() % 1'000'000)).transpose());
  std::size_t k = 0;
  for (auto _ : state) {
    const Eigen::VectorXd& u = deals[k++ % deals.size()];
    if (state.range(0) == 1) {
      const parley::DealEfficiency m = parley::measure_deal(reference, u);
      benchmark::DoNotOptimize(m.distance_to_frontier);
    } else {
      double nearest = std::numeric_limits<double>::infinity();
      for (Eigen::Index r = 0; r < frontier.utilities.rows(); ++r)
        nearest = std::min(nearest, (frontier.utilities.row(r).transpose() - u).squaredNorm());
      const bool optimal = parley::is_pareto_optimal(frontier, u);  // every row scanned
      benchmark::DoNotOptimize(nearest);
      benchmark::DoNotOptimize(optimal);
    }
  }
  state.counters["frontier"] = static_cast<double>(frontier.utilities.rows());
}
BENCHMARK(BM_MeasureDeal)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

}  // namespace
