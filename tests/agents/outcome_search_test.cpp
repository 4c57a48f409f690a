// The outcome search: the count of outcomes at or above a threshold, by binary search and from a
// hint, must agree whatever the hint.
#include "agents/outcome_search.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>

namespace parley {
namespace {

TEST(OutcomeSearch, CountFromAnyHintEqualsTheBinarySearch) {
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> draw(0.0, 1.0);
  Eigen::ArrayXd utility(200);
  for (Eigen::Index o = 0; o < utility.size(); ++o)
    utility[o] = std::round(draw(rng) * 50) / 50;  // ties, as tables of levels give
  std::vector<std::int32_t> ranking(static_cast<std::size_t>(utility.size()));
  std::iota(ranking.begin(), ranking.end(), 0);
  std::stable_sort(ranking.begin(), ranking.end(),
                   [&](std::int32_t a, std::int32_t b) { return utility[a] > utility[b]; });
  for (double threshold = -0.05; threshold <= 1.05; threshold += 0.01) {
    const std::size_t expected = count_at_least(ranking, utility, threshold);
    for (std::size_t hint = 0; hint <= ranking.size() + 3; ++hint)
      ASSERT_EQ(count_at_least_from(ranking, utility, threshold, hint), expected)
          << "threshold " << threshold << " hint " << hint;
    EXPECT_EQ(lowest_at_least(ranking, utility, threshold), expected == 0 ? 0 : expected - 1);
  }
}

}  // namespace
}  // namespace parley
