#include "agents/frequency_model.hpp"

#include <algorithm>

namespace parley {

OutcomeLevels::OutcomeLevels(const OutcomeSpace& space) {
  const auto n = static_cast<std::size_t>(space.issue_count());
  levels_.resize(n);
  stride_.resize(n);
  first_.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    levels_[k] = space.levels(static_cast<int>(k));
    stride_[k] = space.stride(static_cast<int>(k));
    first_[k] = total_;
    total_ += levels_[k];
  }
  if (space.size() * static_cast<std::int64_t>(n) > kMaxEntries) return;
  slots_.resize(static_cast<std::size_t>(space.size()) * n);
  std::size_t at = 0;
  for (std::int64_t o = 0; o < space.size(); ++o)
    for (std::size_t k = 0; k < n; ++k)
      slots_[at++] = first_[k] + space.level(o, static_cast<int>(k));
}

FrequencyOpponentModel::FrequencyOpponentModel(const OutcomeSpace& space,
                                               const OutcomeLevels* levels)
    : own_levels_(levels ? nullptr : std::make_shared<const OutcomeLevels>(space)),
      levels_(levels ? levels : own_levels_.get()) {
  const auto n = static_cast<std::size_t>(levels_->issue_count());
  count_.resize(static_cast<std::size_t>(levels_->total_levels()));
  score_.resize(count_.size());
  max_count_.resize(n);
  weight_.resize(n);
  last_.resize(n);
  reset();
}

void FrequencyOpponentModel::reset() {
  const auto n = weight_.size();
  std::fill(count_.begin(), count_.end(), 0.0);
  std::fill(score_.begin(), score_.end(), 0.0);
  std::fill(max_count_.begin(), max_count_.end(), 0.0);
  std::fill(weight_.begin(), weight_.end(), n == 0 ? 0.0 : 1.0 / static_cast<double>(n));
  std::fill(last_.begin(), last_.end(), -1);
  offers_ = 0;
}

void FrequencyOpponentModel::observe(std::int64_t outcome) {
  if (outcome < 0) return;
  const OutcomeLevels& table = *levels_;
  double sum = 0.0;
  for (std::size_t k = 0; k < weight_.size(); ++k) {
    const auto slot = static_cast<std::size_t>(table.slot(outcome, static_cast<int>(k)));
    double& c = count_[slot];
    c += 1.0;
    if (c > max_count_[k]) {
      // The most offered count grew: every score of the issue changes.
      max_count_[k] = c;
      const auto first = static_cast<std::size_t>(table.first(static_cast<int>(k)));
      const auto end = first + static_cast<std::size_t>(table.levels(static_cast<int>(k)));
      // Levels never offered keep their score of 0 (0 / c), without a division.
      for (std::size_t j = first; j < end; ++j)
        if (count_[j] != 0.0) score_[j] = count_[j] / c;
    } else {
      score_[slot] = c / max_count_[k];
    }
    if (last_[k] == static_cast<int>(slot)) weight_[k] += kLearningRate;
    last_[k] = static_cast<int>(slot);
    sum += weight_[k];
  }
  for (double& w : weight_) w /= sum;
  ++offers_;
}

}  // namespace parley
