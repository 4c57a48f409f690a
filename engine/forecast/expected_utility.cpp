#include "engine/forecast/expected_utility.hpp"

#include <algorithm>
#include <cmath>

namespace parley::forecast {

namespace {
// 2 - 4 base^r, with r = 1 (the first pass of every round) spared the power.
double scaled(double base, double r) {
  return 2.0 - 4.0 * (r == 1.0 ? base : std::pow(base, r));
}
}  // namespace

BasicUtilities basic_utilities(double r, double d_ij, double d_imu) {
  BasicUtilities u;
  u.success = scaled(0.5 - 0.5 * d_ij, r);
  u.failure = scaled(0.5 + 0.5 * d_ij, r);
  u.better = scaled(0.5 - 0.25 * (d_imu + d_ij), r);
  u.worse = scaled(0.5 + 0.25 * (d_imu + d_ij), r);
  u.status_quo = scaled(0.5, r);
  return u;
}

double expected_utility_of_challenge(double r, double d_ij, double d_imu, double p_ij,
                                     double salience_j, double q, double t) {
  const BasicUtilities u = basic_utilities(r, d_ij, d_imu);
  const double challenge =
      salience_j * (p_ij * u.success + (1.0 - p_ij) * u.failure) + (1.0 - salience_j) * u.success;
  const double no_challenge = q * u.status_quo + (1.0 - q) * (t * u.better + (1.0 - t) * u.worse);
  return challenge - no_challenge;
}

Eigen::MatrixXd expected_utilities(const DimensionView& v, const std::vector<double>& r,
                                   const ModelParameters& params, bool as_seen_by_target) {
  const Eigen::Index n = static_cast<Eigen::Index>(v.positions.size());
  Eigen::MatrixXd eu = Eigen::MatrixXd::Zero(n, n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const double here = v.ideals ? (*v.ideals)[static_cast<std::size_t>(i)] : v.positions[i];
    const double d_imu = std::abs(here - v.median) / v.width;
    for (Eigen::Index j = 0; j < n; ++j) {
      if (i == j || v.positions[i] == v.positions[j]) continue;
      const double d_ij =
          v.ideals ? (std::abs(here - v.positions[j]) - std::abs(here - v.positions[i])) / v.width
                   : std::abs(v.positions[i] - v.positions[j]) / v.width;
      const double exponent = r[as_seen_by_target ? j : i];
      eu(i, j) = expected_utility_of_challenge(exponent, d_ij, d_imu, v.win_probability(i, j),
                                               v.saliences[j], params.q, params.t);
    }
  }
  return eu;
}

std::vector<double> risk_exponents(const DimensionView& v,
                                   const std::vector<std::optional<double>>& fixed,
                                   const ModelParameters& params) {
  const std::size_t n = v.positions.size();
  const std::vector<double> ones(n, 1.0);
  const Eigen::MatrixXd eu = expected_utilities(v, ones, params, false);
  double total_capability = 0;
  for (double c : v.capabilities) total_capability += c;
  std::vector<double> security(n, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      if (i == j) continue;
      const double weight = params.security == SecurityWeighting::kCapability
                                ? v.capabilities[j] / total_capability
                                : 1.0;
      security[i] += weight * eu(static_cast<Eigen::Index>(j), static_cast<Eigen::Index>(i));
    }
  const auto [lo, hi] = std::minmax_element(security.begin(), security.end());
  const double s_min = *lo, s_max = *hi;
  std::vector<double> r(n, 1.0);
  for (std::size_t i = 0; i < n; ++i) {
    if (fixed[i]) {
      r[i] = *fixed[i];
      continue;
    }
    if (!(s_max - s_min > 1e-12 * std::max(1.0, std::abs(s_max)))) continue;
    const double big_r = (2.0 * security[i] - s_max - s_min) / (s_max - s_min);
    r[i] = std::clamp((1.0 - big_r / 3.0) / (1.0 + big_r / 3.0), 0.5, 2.0);
  }
  return r;
}

}  // namespace parley::forecast
