#pragma once
#include <Eigen/Dense>
#include <optional>
#include <vector>

#include "engine/forecast/model_parameters.hpp"

namespace parley::forecast {

// The utilities actor i puts on the outcomes of a contest with j, on a scale where distances
// are shares of the scale's width (Scholz, Calbert & Smith 2011, sec. 3), with risk exponent r:
//   success    U_s  = 2 - 4 (0.5 - 0.5 d_ij)^r
//   failure    U_f  = 2 - 4 (0.5 + 0.5 d_ij)^r
//   better     U_b  = 2 - 4 (0.5 - 0.25 (d_imu + d_ij))^r
//   worse      U_w  = 2 - 4 (0.5 + 0.25 (d_imu + d_ij))^r
//   status quo U_sq = 2 - 4 (0.5)^r
// where d_ij = |x_i - x_j| / width and d_imu the distance to the median voter position.
struct BasicUtilities {
  double success = 0, failure = 0, better = 0, worse = 0, status_quo = 0;
};
BasicUtilities basic_utilities(double r, double d_ij, double d_imu);

// i's expected utility of challenging j (Scholz et al., sec. 2.2):
//   EU = s_j (P_ij U_s + (1 - P_ij) U_f) + (1 - s_j) U_s - Q U_sq - (1 - Q)(T U_b + (1 - T) U_w)
// j resists with probability s_j (its salience); unresisted, i succeeds.
double expected_utility_of_challenge(double r, double d_ij, double d_imu, double p_ij,
                                     double salience_j, double q, double t);

// One dimension's actors as the round sees them.
struct DimensionView {
  const std::vector<double>& positions;
  const std::vector<double>& saliences;
  const std::vector<double>& capabilities;
  double width;
  double median;
  const Eigen::MatrixXd& win_probability;  // P(i, j)
  // Where each actor really wants the outcome (docs/forecast.md, "Ideal points"), or null when
  // every actor wants what it states. With ideals, i's stake in imposing x_i on j is the gain
  // g_ij = (|y_i - x_j| - |y_i - x_i|) / width in place of d_ij (the same when y_i = x_i), and
  // d_imu is measured from y_i.
  const std::vector<double>* ideals = nullptr;
};

// EU(i, j): i's expected utility of challenging j, computed with exponent r[evaluator] where the
// evaluator is i (row), or, when `as_seen_by_target` is set, j. Equal positions: no contest, 0.
Eigen::MatrixXd expected_utilities(const DimensionView& v, const std::vector<double>& r,
                                   const ModelParameters& params, bool as_seen_by_target);

// The risk exponents (Scholz et al., sec. 5): with every exponent 1, actor i's security
// S_i = sum_{j != i} EU(j, i) (weighted per SecurityWeighting), then
// R_i = (2 S_i - S_max - S_min) / (S_max - S_min) and r_i = (1 - R_i/3) / (1 + R_i/3), in
// [0.5, 2]. Actors with a fixed exponent keep it; when all securities are equal, r_i = 1.
std::vector<double> risk_exponents(const DimensionView& v,
                                   const std::vector<std::optional<double>>& fixed,
                                   const ModelParameters& params);

}  // namespace parley::forecast
