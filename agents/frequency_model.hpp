#pragma once
#include <cstdint>
#include <vector>

#include "engine/scenario/outcome_space.hpp"

namespace parley {

// The frequency opponent model of the ANAC agents (Baarslag, Hendrikx, Hindriks & Jonker 2016,
// "Learning about the opponent in automated bilateral negotiation: a comprehensive survey of
// opponent modeling techniques", AAMAS 30(5); the variant of HardHeaded, van Krimpen et al.
// 2013). It reads only the opponent's offers (docs/architecture.md, rule 2):
// - an issue whose value the opponent keeps from one offer to the next matters to it: its weight
//   grows by `kLearningRate`, and the weights are renormalised to sum to 1 (they start equal);
// - a value the opponent offers often is one it likes: the value's score is the number of offers
//   that held it over the count of the issue's most offered value.
// The predicted utility of an outcome is sum_k weight_k * score_k(level_k). Storage is sized
// once; observing and predicting allocate nothing.
class FrequencyOpponentModel {
 public:
  static constexpr double kLearningRate = 0.2;

  explicit FrequencyOpponentModel(const OutcomeSpace& space);

  // One offer of the opponent, as a grid outcome.
  void observe(std::int64_t outcome);
  // Predicted utility of an outcome to the opponent, in [0, 1]; 0 before any offer.
  double utility(std::int64_t outcome) const;

  int offers() const { return offers_; }
  double weight(int issue) const { return weight_[static_cast<std::size_t>(issue)]; }
  // Score of level `level` of the track's issue `issue`, in [0, 1].
  double score(int issue, int level) const;

 private:
  int level(std::int64_t outcome, int issue) const {
    const auto k = static_cast<std::size_t>(issue);
    return static_cast<int>((outcome / stride_[k]) % levels_[k]);
  }

  std::vector<int> levels_;
  std::vector<std::int64_t> stride_;
  std::vector<std::size_t> first_;  // where each issue's counts start in count_
  std::vector<double> count_;       // offers holding each level, issue after issue
  std::vector<double> max_count_;   // per issue
  std::vector<double> weight_;
  std::int64_t last_ = -1;  // the previous offer
  int offers_ = 0;
};

}  // namespace parley
