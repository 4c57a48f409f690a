#include "agents/constrained_best.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace parley {
namespace {

// Against a brute-force scan: the proposer's best outcome among those worth at least a
// threshold to the responder, on a set with ties and dominated points.
TEST(ConstrainedBest, MatchesABruteForceScan) {
  Eigen::ArrayXd mine(8), theirs(8);
  mine << 0.9, 0.2, 0.5, 0.5, 0.1, 0.8, 0.3, 0.7;
  theirs << 0.1, 0.9, 0.5, 0.6, 0.95, 0.3, 0.4, 0.3;
  const ConstrainedBest search(mine, theirs);
  for (double t = -0.05; t <= 1.05; t += 0.01) {
    std::int64_t expected = -1;
    for (int o = 0; o < 8; ++o) {
      if (theirs[o] < t) continue;
      if (expected < 0 || mine[o] > mine[expected] ||
          (mine[o] == mine[expected] && theirs[o] > theirs[expected]))
        expected = o;
    }
    EXPECT_EQ(search.best(t), expected) << "threshold " << t;
  }
  EXPECT_EQ(search.max_theirs(), 0.95);

  // The envelope against all lotteries over two outcomes (enough in two dimensions).
  for (double t = -0.05; t <= 1.0; t += 0.01) {
    double expected = -std::numeric_limits<double>::infinity();
    for (int i = 0; i < 8; ++i)
      for (int j = 0; j < 8; ++j) {
        if (theirs[j] < t) continue;
        if (theirs[i] >= t) {
          expected = std::max(expected, mine[i]);
          continue;
        }
        const double w = (t - theirs[i]) / (theirs[j] - theirs[i]);  // weight on j
        expected = std::max(expected, w * mine[j] + (1.0 - w) * mine[i]);
      }
    if (std::isinf(expected))
      EXPECT_EQ(search.envelope(t), expected) << "threshold " << t;
    else
      EXPECT_NEAR(search.envelope(t), expected, 1e-12) << "threshold " << t;
  }
  EXPECT_EQ(search.envelope(0.96), -std::numeric_limits<double>::infinity());
}

}  // namespace
}  // namespace parley
