#include "engine/scenario/outcome_space.hpp"

#include <algorithm>
#include <numeric>

namespace parley {

OutcomeSpace::OutcomeSpace(const Scenario& scenario, int track)
    : scenario_(&scenario), track_(track), issues_(scenario.tracks[track].issues) {
  const int n = issue_count();
  levels_.resize(n);
  stride_.assign(n, 1);
  for (int k = 0; k < n; ++k) levels_[k] = scenario.issues[issues_[k]].levels();
  for (int k = n - 2; k >= 0; --k) stride_[k] = stride_[k + 1] * levels_[k + 1];
  size_ = n == 0 ? 0 : stride_[0] * levels_[0];

  const int parties = static_cast<int>(scenario.parties.size());
  utilities_.resize(parties);
  track_weight_.resize(parties);
  weights_.resize(parties);
  ranking_.resize(parties);
  for (int p = 0; p < parties; ++p) compute_party(p, scenario.parties[p].preferences.weights);
}

void OutcomeSpace::set_weights(int party, const std::vector<double>& weights) {
  compute_party(party, weights);
}

void OutcomeSpace::compute_party(int p, const std::vector<double>& weights) {
  const Scenario& scenario = *scenario_;
  const Preferences& prefs = scenario.parties[p].preferences;
  const int n = issue_count();
  double total = 0.0;
  for (int issue : issues_) total += weights[issue];
  track_weight_[p] = total;
  weights_[p].resize(static_cast<std::size_t>(n));
  for (int k = 0; k < n; ++k) weights_[p][k] = weights[issues_[k]];
  // Additive utilities: sum per issue of (weight / total) * value(level), accumulated issue by
  // issue over the mixed-radix grid so each value function is evaluated once per level.
  Eigen::ArrayXd& u = utilities_[p];
  u.resize(size_);  // keeps the storage (and its address) when the size is unchanged
  u.setZero();
  for (int k = 0; k < n; ++k) {
    const Issue& issue = scenario.issues[issues_[k]];
    std::vector<double> per_level(levels_[k]);
    for (int level = 0; level < levels_[k]; ++level)
      per_level[level] =
          weights[issues_[k]] / total * prefs.values[issues_[k]](issue.value_at(level));
    for (std::int64_t o = 0; o < size_; ++o) u[o] += per_level[(o / stride_[k]) % levels_[k]];
  }
  auto& order = ranking_[p];
  order.resize(static_cast<std::size_t>(size_));
  std::iota(order.begin(), order.end(), 0);
  const Eigen::ArrayXd& up = utilities_[p];
  std::stable_sort(order.begin(), order.end(),
                   [&up](std::int32_t a, std::int32_t b) { return up[a] > up[b]; });
}

Deal OutcomeSpace::deal(std::int64_t outcome) const {
  Deal d;
  d.outcome = outcome;
  d.size = issue_count();
  for (int k = 0; k < d.size; ++k) {
    const int level = static_cast<int>((outcome / stride_[k]) % levels_[k]);
    d.values[k] = scenario_->issues[issues_[k]].value_at(level);
  }
  return d;
}

std::int64_t OutcomeSpace::outcome_of_levels(const int* levels) const {
  std::int64_t o = 0;
  for (int k = 0; k < issue_count(); ++k) o += stride_[k] * levels[k];
  return o;
}

std::int64_t OutcomeSpace::nearest_outcome(const Deal& deal) const {
  std::int64_t o = 0;
  for (int k = 0; k < issue_count(); ++k)
    o += stride_[k] * scenario_->issues[issues_[k]].nearest_level(deal.values[k]);
  return o;
}

double OutcomeSpace::utility(int party, const Deal& deal) const {
  if (deal.on_grid()) return utilities_[party][deal.outcome];
  const Preferences& prefs = scenario_->parties[party].preferences;
  double u = 0.0;
  for (int k = 0; k < issue_count(); ++k)
    u += weights_[party][k] * prefs.values[issues_[k]](deal.values[k]);
  return u / track_weight_[party];
}

}  // namespace parley
