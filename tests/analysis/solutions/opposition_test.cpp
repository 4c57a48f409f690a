#include "analysis/solutions/opposition.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "test_sets.hpp"

namespace parley {
namespace {

using testing::make_set;

TEST(Opposition, CorrelationOfASplitThePieIsMinusOne) {
  const UtilitySet set = testing::line_with_interior(1.0, 1.0, 10, {0.0, 0.0});
  // With the scaled interior copies the points are not on one line: strictly above -1.
  const auto with_interior = utility_correlation(set, 0, 1);
  ASSERT_TRUE(with_interior.has_value());
  EXPECT_GT(*with_interior, -1.0);
  const UtilitySet pie = make_set({{0.0, 1.0}, {0.25, 0.75}, {0.5, 0.5}, {1.0, 0.0}}, {0, 0});
  EXPECT_NEAR(*utility_correlation(pie, 0, 1), -1.0, 1e-12);
  EXPECT_NEAR(*utility_correlation(pie, 1, 1), 1.0, 1e-12);
}

TEST(Opposition, CorrelationAgainstTheFormula) {
  // x = (0, 1, 2), y = (1, 0, 2): cov = (-1)(0) + 0 + (1)(1) = 1, var x = 2, var y = 2 -> 1/2.
  const UtilitySet set = make_set({{0.0, 0.1}, {0.1, 0.0}, {0.2, 0.2}}, {0, 0});
  EXPECT_NEAR(*utility_correlation(set, 0, 1), 0.5, 1e-12);
}

TEST(Opposition, CorrelationUndefinedForAConstantParty) {
  const UtilitySet set = make_set({{0.5, 0.1}, {0.5, 0.9}}, {0, 0});
  EXPECT_FALSE(utility_correlation(set, 0, 1).has_value());
  EXPECT_THROW(utility_correlation(set, 0, 2), std::invalid_argument);
}

TEST(Opposition, DistanceFromTheFrontierToCompleteSatisfaction) {
  const UtilitySet pie = make_set({{0.0, 1.0}, {0.5, 0.5}, {1.0, 0.0}}, {0, 0});
  EXPECT_NEAR(*opposition(pie), std::sqrt(0.5), 1e-12);
  const UtilitySet harmony = make_set({{0.0, 1.0}, {1.0, 1.0}}, {0, 0});
  EXPECT_DOUBLE_EQ(*opposition(harmony), 0.0);
  UtilitySet empty;
  empty.utilities.resize(0, 2);
  EXPECT_FALSE(opposition(empty).has_value());
}

}  // namespace
}  // namespace parley
