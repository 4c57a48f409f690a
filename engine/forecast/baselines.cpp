#include "engine/forecast/baselines.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace parley::forecast {

double mean_position(const std::vector<double>& positions) {
  double sum = 0;
  for (double x : positions) sum += x;
  return sum / static_cast<double>(positions.size());
}

double weighted_mean_position(const std::vector<double>& positions,
                              const std::vector<double>& weights) {
  double sum = 0, total = 0;
  for (std::size_t k = 0; k < positions.size(); ++k) {
    sum += weights[k] * positions[k];
    total += weights[k];
  }
  return total > 0 ? sum / total : mean_position(positions);
}

double weighted_median_position(const std::vector<double>& positions,
                                const std::vector<double>& weights) {
  std::vector<std::size_t> order(positions.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return positions[a] < positions[b]; });
  double total = 0;
  for (double w : weights) total += w;
  if (!(total > 0)) return mean_position(positions);
  const double half = 0.5 * total;
  double cumulative = 0;
  for (std::size_t m = 0; m < order.size(); ++m) {
    const double x = positions[order[m]];
    cumulative += weights[order[m]];
    // Gather every actor at this position before comparing.
    if (m + 1 < order.size() && positions[order[m + 1]] == x) continue;
    // Relative tolerance: an exact half, up to rounding of the sum, is a tie.
    if (std::abs(cumulative - half) <= 1e-12 * total && m + 1 < order.size())
      return 0.5 * (x + positions[order[m + 1]]);
    if (cumulative >= half) return x;
  }
  return positions[order.back()];
}

}  // namespace parley::forecast
