#pragma once
#include <Eigen/Core>
#include <algorithm>
#include <cstdint>
#include <vector>

namespace parley {

// Position in `ranking` (outcomes best to worst for one party, `utility` their utilities) of the
// outcome with the smallest utility that is still >= target: the least an agent can ask while
// meeting its target. A binary search, O(log n), no allocation. When even the best outcome is
// below the target, the best one (position 0).
inline std::size_t lowest_at_least(const std::vector<std::int32_t>& ranking,
                                   const Eigen::ArrayXd& utility, double target) {
  const auto first_below = std::partition_point(
      ranking.begin(), ranking.end(), [&](std::int32_t o) { return utility[o] >= target; });
  const auto count = static_cast<std::size_t>(first_below - ranking.begin());
  return count == 0 ? 0 : count - 1;
}

// How many outcomes (a prefix of `ranking`) give at least `threshold`. O(log n).
inline std::size_t count_at_least(const std::vector<std::int32_t>& ranking,
                                  const Eigen::ArrayXd& utility, double threshold) {
  const auto first_below = std::partition_point(
      ranking.begin(), ranking.end(), [&](std::int32_t o) { return utility[o] >= threshold; });
  return static_cast<std::size_t>(first_below - ranking.begin());
}

// The same count as count_at_least, found from `hint` (an earlier answer, as an agent whose target
// moves a little each round has): a few steps from the hint, else the binary search. The answer
// does not depend on the hint, only the time does.
inline std::size_t count_at_least_from(const std::vector<std::int32_t>& ranking,
                                       const Eigen::ArrayXd& utility, double threshold,
                                       std::size_t hint) {
  constexpr int kSteps = 8;
  const std::size_t n = ranking.size();
  std::size_t count = std::min(hint, n);
  const auto meets = [&](std::size_t k) { return utility[ranking[k]] >= threshold; };
  if (count < n && meets(count)) {
    for (int step = 0; step < kSteps; ++step) {
      ++count;
      if (count == n || !meets(count)) return count;
    }
  } else {
    for (int step = 0; step < kSteps; ++step) {
      if (count == 0 || meets(count - 1)) return count;
      --count;
    }
  }
  return count_at_least(ranking, utility, threshold);
}

}  // namespace parley
