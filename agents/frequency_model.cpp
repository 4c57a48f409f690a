#include "agents/frequency_model.hpp"

namespace parley {

FrequencyOpponentModel::FrequencyOpponentModel(const OutcomeSpace& space) {
  const auto n = static_cast<std::size_t>(space.issue_count());
  levels_.resize(n);
  stride_.assign(n, 1);
  first_.resize(n);
  for (std::size_t k = 0; k < n; ++k) levels_[k] = space.levels(static_cast<int>(k));
  // Mixed radix, first issue slowest, as OutcomeSpace enumerates outcomes.
  for (std::size_t k = n; k-- > 1;) stride_[k - 1] = stride_[k] * levels_[k];
  std::size_t total = 0;
  for (std::size_t k = 0; k < n; ++k) {
    first_[k] = total;
    total += static_cast<std::size_t>(levels_[k]);
  }
  count_.assign(total, 0.0);
  max_count_.assign(n, 0.0);
  weight_.assign(n, n == 0 ? 0.0 : 1.0 / static_cast<double>(n));
}

void FrequencyOpponentModel::observe(std::int64_t outcome) {
  if (outcome < 0) return;
  double sum = 0.0;
  for (std::size_t k = 0; k < levels_.size(); ++k) {
    const int v = level(outcome, static_cast<int>(k));
    double& c = count_[first_[k] + static_cast<std::size_t>(v)];
    c += 1.0;
    if (c > max_count_[k]) max_count_[k] = c;
    if (last_ >= 0 && level(last_, static_cast<int>(k)) == v) weight_[k] += kLearningRate;
    sum += weight_[k];
  }
  for (double& w : weight_) w /= sum;
  last_ = outcome;
  ++offers_;
}

double FrequencyOpponentModel::score(int issue, int lvl) const {
  const auto k = static_cast<std::size_t>(issue);
  if (max_count_[k] <= 0.0) return 0.0;
  return count_[first_[k] + static_cast<std::size_t>(lvl)] / max_count_[k];
}

double FrequencyOpponentModel::utility(std::int64_t outcome) const {
  double u = 0.0;
  for (std::size_t k = 0; k < levels_.size(); ++k)
    u += weight_[k] * score(static_cast<int>(k), level(outcome, static_cast<int>(k)));
  return u;
}

}  // namespace parley
