// The frequency opponent model (Baarslag et al. 2016; HardHeaded's variant): issue weights grow
// for issues the opponent keeps, value scores are offer counts over the most offered value's.
#include "agents/frequency_model.hpp"

#include <gtest/gtest.h>

#include "tests/support/scenario_builder.hpp"

namespace parley {
namespace {

struct Space {
  ScenarioPtr scenario;
  OutcomeSpace space;
  explicit Space(ScenarioPtr s) : scenario(std::move(s)), space(*scenario, 0) {}
  std::int64_t at(int x, int y, int z) const {
    const int levels[3] = {x, y, z};
    return space.outcome_of_levels(levels);
  }
};

Space three_issues() {
  test::ScenarioBuilder b("three issues");
  b.options("x", {"a", "b", "c"});
  b.options("y", {"a", "b"});
  b.options("z", {"a", "b", "c", "d"});
  b.party("A", "hardliner");
  b.party("B", "hardliner");
  return Space(b.build());
}

TEST(FrequencyOpponentModel, StartsUninformed) {
  const Space s = three_issues();
  const FrequencyOpponentModel model(s.space);
  EXPECT_EQ(model.offers(), 0);
  for (int k = 0; k < 3; ++k) EXPECT_DOUBLE_EQ(model.weight(k), 1.0 / 3);
  for (std::int64_t o = 0; o < s.space.size(); ++o) EXPECT_EQ(model.utility(o), 0.0);
}

TEST(FrequencyOpponentModel, LearnsWeightsFromKeptValuesAndScoresFromCounts) {
  const Space s = three_issues();
  FrequencyOpponentModel model(s.space);
  // x kept at c, y kept at a, z changes every time.
  model.observe(s.at(2, 0, 0));
  model.observe(s.at(2, 0, 1));
  model.observe(s.at(2, 0, 2));
  // Written out: weights start at 1/3; after each of the two later offers x and y gain 0.2 and
  // all are renormalised.
  double w[3] = {1.0 / 3, 1.0 / 3, 1.0 / 3};
  for (int step = 0; step < 2; ++step) {
    w[0] += 0.2;
    w[1] += 0.2;
    const double sum = w[0] + w[1] + w[2];
    for (double& x : w) x /= sum;
  }
  for (int k = 0; k < 3; ++k) EXPECT_NEAR(model.weight(k), w[k], 1e-12);
  EXPECT_GT(model.weight(0), model.weight(2));
  EXPECT_DOUBLE_EQ(model.score(0, 2), 1.0);
  EXPECT_DOUBLE_EQ(model.score(0, 0), 0.0);
  EXPECT_DOUBLE_EQ(model.score(2, 1), 1.0);  // z: each value once, the most offered count is 1
  EXPECT_DOUBLE_EQ(model.score(2, 3), 0.0);
  EXPECT_NEAR(model.utility(s.at(2, 0, 3)), w[0] + w[1], 1e-12);
  EXPECT_NEAR(model.utility(s.at(2, 0, 0)), 1.0, 1e-12);
  EXPECT_NEAR(model.utility(s.at(0, 1, 3)), 0.0, 1e-12);
  EXPECT_EQ(model.offers(), 3);
  // Offers it has made rank above outcomes it never went near.
  EXPECT_GT(model.utility(s.at(2, 0, 1)), model.utility(s.at(1, 0, 1)));
}

TEST(FrequencyOpponentModel, ValueScoresAreRelativeToTheMostOfferedValue) {
  const Space s = three_issues();
  FrequencyOpponentModel model(s.space);
  model.observe(s.at(0, 0, 0));
  model.observe(s.at(0, 0, 0));
  model.observe(s.at(0, 0, 0));
  model.observe(s.at(1, 1, 0));
  EXPECT_DOUBLE_EQ(model.score(0, 0), 1.0);
  EXPECT_DOUBLE_EQ(model.score(0, 1), 1.0 / 3);
  EXPECT_DOUBLE_EQ(model.score(1, 1), 1.0 / 3);
  model.observe(-1);  // not on the grid: ignored
  EXPECT_EQ(model.offers(), 4);
}

}  // namespace
}  // namespace parley
