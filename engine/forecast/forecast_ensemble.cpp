#include "engine/forecast/forecast_ensemble.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numbers>
#include <thread>

#include "engine/forecast/forecast.hpp"
#include "engine/random/random.hpp"

namespace parley::forecast {

namespace {
constexpr std::uint64_t kStreamForecast = 5;  // beside the purposes of engine/random/random.hpp

// Standard normal by Box-Muller from the stream's uniforms: the same numbers on every platform.
double standard_normal(RandomStream& rng) {
  const double u1 = 1.0 - rng.uniform();  // (0, 1]
  const double u2 = rng.uniform();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}
}  // namespace

ActorTable draw_table(const ActorTable& table, const TableUncertainty& u, std::uint64_t seed,
                      std::uint64_t run) {
  RandomStream rng(seed, run, kStreamForecast);
  ActorTable t = table;
  for (Stakeholder& a : t.actors) {
    // Every draw is made whatever the sd, so one sd never shifts another's numbers.
    const double zc = standard_normal(rng);
    a.capability *= std::exp(u.capability_sd * zc - 0.5 * u.capability_sd * u.capability_sd);
    for (std::size_t d = 0; d < t.dimensions.size(); ++d) {
      const PolicyDimension& dim = t.dimensions[d];
      const double zx = standard_normal(rng);
      const double zs = standard_normal(rng);
      a.positions[d] =
          std::clamp(a.positions[d] + u.position_sd * dim.width() * zx, dim.low, dim.high);
      a.saliences[d] = std::clamp(a.saliences[d] + u.salience_sd * zs, 0.0, 1.0);
    }
  }
  return t;
}

EnsembleResult run_ensemble(const ActorTable& table, const ModelParameters& params,
                            const TableUncertainty& uncertainty, int runs, std::uint64_t seed,
                            int threads) {
  const std::size_t dims = table.dimensions.size();
  const std::size_t n = static_cast<std::size_t>(std::max(runs, 0));
  EnsembleResult out;
  out.median.assign(dims, std::vector<double>(n, 0.0));
  out.weighted_mean.assign(dims, std::vector<double>(n, 0.0));
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < n; i = next++) {
      const std::vector<DimensionForecast> f =
          run_forecast(draw_table(table, uncertainty, seed, i), params);
      for (std::size_t d = 0; d < dims; ++d) {
        out.median[d][i] = f[d].median();
        out.weighted_mean[d][i] = f[d].weighted_mean();
      }
    }
  };
  const int count = std::max(1, threads);
  std::vector<std::thread> pool;
  for (int k = 1; k < count; ++k) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  return out;
}

double quantile(std::vector<double> values, double q) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  const double h = q * static_cast<double>(values.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (h - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

}  // namespace parley::forecast
