#include "agents/constrained_best.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

namespace parley {

ConstrainedBest::ConstrainedBest(const Eigen::ArrayXd& mine, const Eigen::ArrayXd& theirs) {
  const auto n = static_cast<std::size_t>(theirs.size());
  std::vector<std::int64_t> order(n);
  std::iota(order.begin(), order.end(), std::int64_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::int64_t a, std::int64_t b) { return theirs[a] > theirs[b]; });
  sorted_theirs_.resize(n);
  best_upto_.resize(n);
  std::int64_t best = -1;
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t o = order[i];
    sorted_theirs_[i] = theirs[o];
    // Strictly better only: an earlier outcome is at least as good for the responder.
    if (best < 0 || mine[o] > mine[best]) best = o;
    best_upto_[i] = best;
  }
  // The upper concave envelope, from the proposer's favourite outcome (the lowest responder
  // utility on it) to the responder's (monotone chain over the frontier, right to left).
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && best_upto_[i] == best_upto_[i - 1]) continue;  // not on the frontier
    const double x = theirs[best_upto_[i]], y = mine[best_upto_[i]];
    while (hull_theirs_.size() >= 2) {
      const std::size_t m = hull_theirs_.size();
      const double x1 = hull_theirs_[m - 2], y1 = hull_mine_[m - 2];
      const double x2 = hull_theirs_[m - 1], y2 = hull_mine_[m - 1];
      // Drop the middle point when it lies below the chord from (x1, y1) to (x, y).
      if ((y2 - y1) * (x1 - x) >= (y - y1) * (x1 - x2)) break;
      hull_theirs_.pop_back();
      hull_mine_.pop_back();
    }
    hull_theirs_.push_back(x);
    hull_mine_.push_back(y);
  }
  std::reverse(hull_theirs_.begin(), hull_theirs_.end());
  std::reverse(hull_mine_.begin(), hull_mine_.end());
}

double ConstrainedBest::envelope(double threshold) const {
  if (hull_theirs_.empty() || threshold > hull_theirs_.back())
    return -std::numeric_limits<double>::infinity();
  if (threshold <= hull_theirs_.front()) return hull_mine_.front();
  const auto it = std::lower_bound(hull_theirs_.begin(), hull_theirs_.end(), threshold);
  const std::size_t j = static_cast<std::size_t>(it - hull_theirs_.begin());
  const double x1 = hull_theirs_[j - 1], x2 = hull_theirs_[j];
  const double y1 = hull_mine_[j - 1], y2 = hull_mine_[j];
  return x2 == x1 ? std::min(y1, y2) : y1 + (y2 - y1) * (threshold - x1) / (x2 - x1);
}

double ConstrainedBest::envelope_theirs(double threshold) const {
  return hull_theirs_.empty() ? threshold : std::max(threshold, hull_theirs_.front());
}

std::int64_t ConstrainedBest::best(double threshold) const {
  const auto end = std::partition_point(sorted_theirs_.begin(), sorted_theirs_.end(),
                                        [&](double u) { return u >= threshold; });
  const auto count = static_cast<std::size_t>(end - sorted_theirs_.begin());
  return count == 0 ? -1 : best_upto_[count - 1];
}

}  // namespace parley
