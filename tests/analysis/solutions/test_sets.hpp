#pragma once
#include <Eigen/Core>
#include <vector>

#include "analysis/solutions/utility_set.hpp"

namespace parley::testing {

// A utility set from rows of utilities (one row per outcome) and a disagreement point.
inline UtilitySet make_set(const std::vector<std::vector<double>>& rows, std::vector<double> d) {
  UtilitySet set;
  const auto parties = static_cast<Eigen::Index>(d.size());
  set.utilities.resize(static_cast<Eigen::Index>(rows.size()), parties);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (Eigen::Index p = 0; p < parties; ++p) {
      set.utilities(static_cast<Eigen::Index>(r), p) = rows[r][static_cast<std::size_t>(p)];
    }
  }
  set.disagreement = Eigen::Map<Eigen::VectorXd>(d.data(), parties);
  return set;
}

// The frontier u2 = c - s·u1 at u1 = k/steps, k = 0..steps, each point followed by a
// dominated copy scaled by 0.8 (so the solutions must skip them): outcome 2k is u1 = k/steps.
// Both coordinates are one rounding from exact (u2 = (c·steps - s·k) / steps), so 1 - 0.9
// does not come out below 0.1.
inline UtilitySet line_with_interior(double c, double s, int steps, std::vector<double> d) {
  std::vector<std::vector<double>> rows;
  for (int k = 0; k <= steps; ++k) {
    const double u1 = static_cast<double>(k) / steps;
    rows.push_back({u1, (c * steps - s * k) / steps});
    rows.push_back({0.8 * u1, 0.8 * (c * steps - s * k) / steps});
  }
  return make_set(rows, std::move(d));
}

}  // namespace parley::testing
