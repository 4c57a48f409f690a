// Bayes' rule over types (theory.md, "Learning from battles"): one observed win turns a prior
// pi that a side is strong into pi w_s / (pi w_s + (1 - pi) w_w).
#include "agents/type_belief.hpp"

#include <gtest/gtest.h>

namespace parley {
namespace {

TEST(TypeBelief, OneWinFollowsTheoryRule) {
  const double pi = 0.3, ws = 0.7, ww = 0.4;
  TypeBelief belief({pi, 1.0 - pi});
  ASSERT_TRUE(belief.update(
      {TypeBelief::battle_likelihood(ws, 1, 0), TypeBelief::battle_likelihood(ww, 1, 0)}));
  EXPECT_NEAR(belief[0], pi * ws / (pi * ws + (1.0 - pi) * ww), 1e-15);
  EXPECT_NEAR(belief[0] + belief[1], 1.0, 1e-15);
}

TEST(TypeBelief, ContradictoryEvidenceLeavesTheBeliefAlone) {
  TypeBelief belief({0.25, 0.75});
  EXPECT_FALSE(belief.update({0.0, 0.0}));
  EXPECT_EQ(belief[0], 0.25);
  EXPECT_EQ(belief[1], 0.75);
}

TEST(TypeBelief, BattleLikelihoodCountsWinsAndLosses) {
  EXPECT_NEAR(TypeBelief::battle_likelihood(0.6, 2, 1), 0.6 * 0.6 * 0.4, 1e-15);
  EXPECT_EQ(TypeBelief::battle_likelihood(0.6, 0, 0), 1.0);
}

}  // namespace
}  // namespace parley
