#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "engine/scenario/outcome_space.hpp"

namespace parley {

// The levels of every outcome of a track, written as positions in a table laid out issue after
// issue (issue k's levels start at first(k)): what an additive score of an outcome needs, with no
// division per look-up. Depends only on the track's shape, so one copy serves every party and
// every run of a scenario, read-only (built once per scenario: AgentModel::prepare). Tracks too
// large to tabulate (more than kMaxEntries outcome-issue pairs) get an empty table and their
// levels are computed by division.
class OutcomeLevels {
 public:
  static constexpr std::int64_t kMaxEntries = std::int64_t{1} << 22;

  explicit OutcomeLevels(const OutcomeSpace& space);

  int issue_count() const { return static_cast<int>(levels_.size()); }
  int levels(int issue) const { return levels_[static_cast<std::size_t>(issue)]; }
  int first(int issue) const { return first_[static_cast<std::size_t>(issue)]; }
  int total_levels() const { return total_; }
  bool tabulated() const { return !slots_.empty(); }
  // first(k) + level of issue k in `outcome`, for every issue k (tabulated tracks only).
  const std::int32_t* slots(std::int64_t outcome) const {
    return slots_.data() + outcome * static_cast<std::int64_t>(levels_.size());
  }
  // The same position for one issue, tabulated or not.
  int slot(std::int64_t outcome, int issue) const {
    const auto k = static_cast<std::size_t>(issue);
    if (tabulated()) return slots(outcome)[k];
    return first_[k] + static_cast<int>((outcome / stride_[k]) % levels_[k]);
  }

 private:
  std::vector<int> levels_;
  std::vector<std::int64_t> stride_;
  std::vector<int> first_;
  int total_ = 0;
  std::vector<std::int32_t> slots_;
};

// The frequency opponent model of the ANAC agents (Baarslag, Hendrikx, Hindriks & Jonker 2016,
// "Learning about the opponent in automated bilateral negotiation: a comprehensive survey of
// opponent modeling techniques", AAMAS 30(5); the variant of HardHeaded, van Krimpen et al.
// 2013). It reads only the opponent's offers (docs/architecture.md, rule 2):
// - an issue whose value the opponent keeps from one offer to the next matters to it: its weight
//   grows by `kLearningRate`, and the weights are renormalised to sum to 1 (they start equal);
// - a value the opponent offers often is one it likes: the value's score is the number of offers
//   that held it over the count of the issue's most offered value.
// The predicted utility of an outcome is sum_k weight_k * score_k(level_k). The scores are kept
// as a table updated on each offer (one entry, or one issue's row when its most offered count
// grows), so a prediction is one look-up, one product and one sum per issue. Storage is sized
// once; observing, predicting and `reset` allocate nothing.
class FrequencyOpponentModel {
 public:
  static constexpr double kLearningRate = 0.2;

  // `levels`: the track's shared table, which must outlive the model (null: the model builds its
  // own).
  explicit FrequencyOpponentModel(const OutcomeSpace& space, const OutcomeLevels* levels = nullptr);

  // Forget every offer: the state of a new model, for another run on a track of the same shape.
  void reset();
  // One offer of the opponent, as a grid outcome.
  void observe(std::int64_t outcome);
  // Predicted utility of an outcome to the opponent, in [0, 1]; 0 before any offer.
  double utility(std::int64_t outcome) const {
    const OutcomeLevels& table = *levels_;
    double u = 0.0;
    const auto n = weight_.size();
    if (table.tabulated()) {
      const std::int32_t* slot = table.slots(outcome);
      for (std::size_t k = 0; k < n; ++k)
        u += weight_[k] * score_[static_cast<std::size_t>(slot[k])];
    } else {
      for (std::size_t k = 0; k < n; ++k)
        u +=
            weight_[k] * score_[static_cast<std::size_t>(table.slot(outcome, static_cast<int>(k)))];
    }
    return u;
  }

  int offers() const { return offers_; }
  // The raw tables utility() reads, for scans over many outcomes: weight per issue, score per
  // slot (OutcomeLevels::slots), and the level table.
  const double* weights() const { return weight_.data(); }
  const double* scores() const { return score_.data(); }
  const OutcomeLevels& levels() const { return *levels_; }
  double weight(int issue) const { return weight_[static_cast<std::size_t>(issue)]; }
  // Score of level `level` of the track's issue `issue`, in [0, 1].
  double score(int issue, int level) const {
    return score_[static_cast<std::size_t>(levels_->first(issue) + level)];
  }

 private:
  std::shared_ptr<const OutcomeLevels> own_levels_;  // when no shared table was given
  const OutcomeLevels* levels_;
  std::vector<double> count_;      // offers holding each level, issue after issue
  std::vector<double> score_;      // count over the issue's most offered count (0 before any)
  std::vector<double> max_count_;  // per issue
  std::vector<double> weight_;
  std::vector<int> last_;  // slots of the previous offer, per issue
  int offers_ = 0;
};

}  // namespace parley
