#include "analysis/solutions/opposition.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace parley {

std::optional<double> utility_correlation(const UtilitySet& set, int i, int j) {
  if (i < 0 || j < 0 || i >= set.parties() || j >= set.parties()) {
    throw std::invalid_argument("utility_correlation: no party " + std::to_string(i) + " or " +
                                std::to_string(j));
  }
  if (set.outcomes() < 2) return std::nullopt;
  // Two passes (means first) keep the covariance accurate when utilities are all near 1.
  const auto ui = set.utilities.col(i).array();
  const auto uj = set.utilities.col(j).array();
  const double mean_i = ui.mean();
  const double mean_j = uj.mean();
  const double covariance = ((ui - mean_i) * (uj - mean_j)).sum();
  const double variance_i = (ui - mean_i).square().sum();
  const double variance_j = (uj - mean_j).square().sum();
  if (!(variance_i > 0) || !(variance_j > 0)) return std::nullopt;
  return covariance / std::sqrt(variance_i * variance_j);
}

std::optional<double> opposition(const UtilitySet& set) {
  if (set.outcomes() == 0) return std::nullopt;
  double nearest = std::numeric_limits<double>::infinity();
  for (Eigen::Index k = 0; k < set.utilities.rows(); ++k) {
    nearest = std::min(nearest, (set.utilities.row(k).array() - 1.0).square().sum());
  }
  return std::sqrt(nearest);
}

}  // namespace parley
