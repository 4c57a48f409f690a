#pragma once
#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace parley {

// The outcome best for one side among those worth at least a threshold to the other: the
// proposer's problem in every bargaining model here (take-it-or-leave-it demands, screening
// offers, the equilibrium proposer). Built once from two utility arrays in O(n log n); each
// query is a binary search, O(log n), with no allocation.
class ConstrainedBest {
 public:
  ConstrainedBest() = default;
  // `mine`: the proposer's utilities; `theirs`: the responder's, per outcome.
  ConstrainedBest(const Eigen::ArrayXd& mine, const Eigen::ArrayXd& theirs);

  // The outcome maximising `mine` among those with theirs >= threshold (ties: the one better for
  // the responder, then the lower index), or -1 when no outcome reaches the threshold.
  std::int64_t best(double threshold) const;
  // The most the responder can be given at all.
  double max_theirs() const { return sorted_theirs_.empty() ? 0.0 : sorted_theirs_.front(); }

  // The most the proposer can expect from a lottery over outcomes that gives the responder at
  // least `threshold` in expectation: the upper concave envelope of the outcomes' (theirs, mine)
  // points, which is continuous in the threshold; -infinity above max_theirs().
  double envelope(double threshold) const;
  // What the responder gets from that lottery: the threshold, or more when even the proposer's
  // favourite outcome gives it more.
  double envelope_theirs(double threshold) const;

 private:
  std::vector<double> sorted_theirs_;    // responder's utilities, descending
  std::vector<std::int64_t> best_upto_;  // per prefix of that order: the proposer's best outcome
  std::vector<double> hull_theirs_;      // the envelope's vertices, responder's utility ascending
  std::vector<double> hull_mine_;        // ... and the proposer's, descending
};

}  // namespace parley
