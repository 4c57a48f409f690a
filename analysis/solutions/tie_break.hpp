#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace parley {

// How the bargaining solutions break ties. Scores within kTieTolerance of the best score,
// relative to its magnitude, count as equal. The tolerance absorbs rounding (a product of
// gains multiplied in a different party order, a sum of thirds), so a symmetric set gives
// the same answer on every compiler; real differences between grid points are far larger.
inline constexpr double kTieTolerance = 1e-12;

// The candidates whose score is within tolerance of the maximum, in their given order.
template <class Score>
std::vector<std::int64_t> keep_maximisers(const std::vector<std::int64_t>& candidates,
                                          Score score) {
  double best = -std::numeric_limits<double>::infinity();
  for (std::int64_t k : candidates) best = std::max(best, score(k));
  const double floor = best - kTieTolerance * std::abs(best);
  std::vector<std::int64_t> kept;
  for (std::int64_t k : candidates) {
    if (score(k) >= floor) kept.push_back(k);
  }
  return kept;
}

}  // namespace parley
