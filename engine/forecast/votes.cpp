#include "engine/forecast/votes.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace parley::forecast {

double vote(double weight, double voter_position, double xi, double xj, double width) {
  return weight * (std::abs(voter_position - xj) - std::abs(voter_position - xi)) / width;
}

VoteTally::VoteTally(const std::vector<double>& positions, const std::vector<double>& weights,
                     double width)
    : width_(width) {
  const std::size_t n = positions.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return positions[a] < positions[b]; });
  sorted_.resize(n);
  prefix_w_.assign(n + 1, 0.0);
  prefix_wx_.assign(n + 1, 0.0);
  for (std::size_t m = 0; m < n; ++m) {
    const std::size_t k = order[m];
    sorted_[m] = positions[k];
    prefix_w_[m + 1] = prefix_w_[m] + weights[k];
    prefix_wx_[m + 1] = prefix_wx_[m] + weights[k] * positions[k];
  }
}

void VoteTally::below(double y, double& w, double& wx) const {
  const auto m = std::lower_bound(sorted_.begin(), sorted_.end(), y) - sorted_.begin();
  w = prefix_w_[m];
  wx = prefix_wx_[m];
}

void VoteTally::below_or_at(double y, double& w, double& wx) const {
  const auto m = std::upper_bound(sorted_.begin(), sorted_.end(), y) - sorted_.begin();
  w = prefix_w_[m];
  wx = prefix_wx_[m];
}

VoteTally::Split VoteTally::split(double a, double b) const {
  Split s;
  if (a == b) return s;
  const bool a_low = a < b;
  const double lo = a_low ? a : b;
  const double hi = a_low ? b : a;
  const double mid = 0.5 * (lo + hi);
  const double gap = hi - lo;
  // Voters at or below lo give the low position w * gap; between lo and the midpoint they give
  // it 2 w (mid - x); symmetrically above. (At lo and at hi both forms agree.)
  double w_lo, wx_lo, w_mid, wx_mid, w_mid_at, wx_mid_at, w_hi, wx_hi;
  below_or_at(lo, w_lo, wx_lo);
  below(mid, w_mid, wx_mid);
  below_or_at(mid, w_mid_at, wx_mid_at);
  below(hi, w_hi, wx_hi);
  const double total_w = prefix_w_.back();
  const double for_low = w_lo * gap + 2.0 * (mid * (w_mid - w_lo) - (wx_mid - wx_lo));
  const double for_high =
      (total_w - w_hi) * gap + 2.0 * ((wx_hi - wx_mid_at) - mid * (w_hi - w_mid_at));
  s.for_a = (a_low ? for_low : for_high) / width_;
  s.for_b = (a_low ? for_high : for_low) / width_;
  return s;
}

double VoteTally::net(double a, double b) const {
  const Split s = split(a, b);
  return s.for_a - s.for_b;
}

double VoteTally::distance_sum(double y) const {
  double w, wx;
  below(y, w, wx);
  const double above_w = prefix_w_.back() - w;
  const double above_wx = prefix_wx_.back() - wx;
  return (y * w - wx) + (above_wx - y * above_w);
}

double median_voter_position(const std::vector<double>& positions,
                             const std::vector<double>& weights, double width) {
  return median_voter_position(positions, positions, weights, width);
}

double median_voter_position(const std::vector<double>& candidate_positions,
                             const std::vector<double>& voters, const std::vector<double>& weights,
                             double width) {
  // sum_i sum_k v_k(j, i) = (sum_i D(x_i) - n D(x_j)) / width with D(y) = sum_k w_k |v_k - y|
  // (v_k the voter's point): the winner minimises D. Candidates are scanned from the lowest up.
  const VoteTally tally(voters, weights, width);
  std::vector<double> candidates = candidate_positions;
  std::sort(candidates.begin(), candidates.end());
  double best = candidates.front();
  double best_d = tally.distance_sum(best);
  for (double y : candidates) {
    const double d = tally.distance_sum(y);
    // A relative margin keeps ties (equal in exact arithmetic) with the lower position.
    if (d < best_d - 1e-12 * std::max(1.0, std::abs(best_d))) {
      best = y;
      best_d = d;
    }
  }
  return best;
}

Eigen::MatrixXd win_probabilities(const std::vector<double>& positions,
                                  const std::vector<double>& weights, double width,
                                  WinProbability rule) {
  return win_probabilities(positions, positions, weights, width, rule);
}

Eigen::MatrixXd win_probabilities(const std::vector<double>& positions,
                                  const std::vector<double>& voters,
                                  const std::vector<double>& weights, double width,
                                  WinProbability rule) {
  const Eigen::Index n = static_cast<Eigen::Index>(positions.size());
  const VoteTally tally(voters, weights, width);
  Eigen::MatrixXd for_i = Eigen::MatrixXd::Zero(n, n);
  double all_votes = 0;
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = i + 1; j < n; ++j) {
      const VoteTally::Split s = tally.split(positions[i], positions[j]);
      for_i(i, j) = s.for_a;
      for_i(j, i) = s.for_b;
      all_votes += 2.0 * (s.for_a + s.for_b);  // the ordered pairs (i, j) and (j, i)
    }
  Eigen::MatrixXd p = Eigen::MatrixXd::Constant(n, n, 0.5);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j) {
      if (i == j || positions[i] == positions[j]) continue;
      const double denominator =
          rule == WinProbability::kPair ? for_i(i, j) + for_i(j, i) : all_votes;
      p(i, j) = denominator > 0 ? for_i(i, j) / denominator : 0.5;
    }
  return p;
}

}  // namespace parley::forecast
