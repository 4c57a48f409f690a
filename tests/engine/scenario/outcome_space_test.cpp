#include "engine/scenario/outcome_space.hpp"

#include <gtest/gtest.h>

namespace parley {
namespace {

// Two parties over a flag, a quantity 0..200 step 100, and a share [0, 1] at resolution 5.
Scenario three_issue_scenario() {
  Scenario s;
  Issue flag;
  flag.id = "neutral";
  flag.kind = IssueKind::Flag;
  flag.options = {"no", "yes"};
  Issue quantity;
  quantity.id = "pows";
  quantity.kind = IssueKind::Quantity;
  quantity.min = 0;
  quantity.max = 200;
  quantity.step = 100;
  quantity.unit = "prisoners";
  Issue share;
  share.id = "cap";
  share.kind = IssueKind::Share;
  share.min = 0;
  share.max = 1;
  share.resolution = 5;
  s.issues = {flag, quantity, share};
  s.tracks = {Track{"all", "", {0, 1, 2}, {}}};
  Party a;
  a.preferences.weights = {1, 2, 1};
  a.preferences.values = {ValueFunction::table({0, 1}),
                          ValueFunction::piecewise_linear({{0, 0}, {200, 1}}),
                          ValueFunction::piecewise_linear({{0, 1}, {1, 0}})};
  a.preferences.reservation = {0.2};
  Party b = a;
  b.preferences.weights = {3, 1, 0};
  b.preferences.weights[2] = 1;
  b.preferences.values = {ValueFunction::table({1, 0}),
                          ValueFunction::piecewise_linear({{0, 1}, {100, 0.25}, {200, 0}}),
                          ValueFunction::piecewise_linear({{0, 0}, {1, 1}})};
  s.parties = {a, b};
  return s;
}

TEST(OutcomeSpace, EnumeratesEveryCombinationFirstIssueSlowest) {
  const Scenario s = three_issue_scenario();
  const OutcomeSpace space(s, 0);
  ASSERT_EQ(space.size(), 2 * 3 * 5);
  const Deal d = space.deal(1 * 15 + 2 * 5 + 3);
  EXPECT_EQ(d.size, 3);
  EXPECT_EQ(d.values[0], 1.0);
  EXPECT_EQ(d.values[1], 200.0);
  EXPECT_EQ(d.values[2], 0.75);
  const int levels[] = {1, 2, 3};
  EXPECT_EQ(space.outcome_of_levels(levels), 28);
  EXPECT_EQ(space.nearest_outcome(d), 28);
}

TEST(OutcomeSpace, UtilityIsTheWeightedMeanOfValueFunctions) {
  const Scenario s = three_issue_scenario();
  const OutcomeSpace space(s, 0);
  for (std::int64_t o = 0; o < space.size(); ++o) {
    const Deal d = space.deal(o);
    const double ua = (1 * d.values[0] + 2 * d.values[1] / 200 + 1 * (1 - d.values[2])) / 4;
    const double vb =
        d.values[1] <= 100 ? 1 - 0.75 * d.values[1] / 100 : 0.25 - 0.25 * (d.values[1] - 100) / 100;
    const double ub = (3 * (1 - d.values[0]) + 1 * vb + 1 * d.values[2]) / 5;
    EXPECT_NEAR(space.utilities(0)[o], ua, 1e-15) << o;
    EXPECT_NEAR(space.utilities(1)[o], ub, 1e-15) << o;
    EXPECT_NEAR(space.utility(0, d), ua, 1e-15);
  }
  EXPECT_DOUBLE_EQ(space.track_weight(0), 4.0);
  EXPECT_DOUBLE_EQ(space.track_weight(1), 5.0);
}

TEST(OutcomeSpace, OffGridDealsAreEvaluatedFromTheValueFunctions) {
  const Scenario s = three_issue_scenario();
  const OutcomeSpace space(s, 0);
  Deal d = space.deal(0);
  d.outcome = -1;
  d.values[2] = 0.1;  // between grid points
  EXPECT_NEAR(space.utility(0, d), (0 + 0 + 0.9) / 4, 1e-15);
}

TEST(OutcomeSpace, RankingIsBestFirstWithTiesByIndex) {
  const Scenario s = three_issue_scenario();
  const OutcomeSpace space(s, 0);
  for (int p = 0; p < 2; ++p) {
    const auto& rank = space.ranking(p);
    ASSERT_EQ(static_cast<std::int64_t>(rank.size()), space.size());
    for (std::size_t i = 1; i < rank.size(); ++i) {
      const double prev = space.utilities(p)[rank[i - 1]];
      const double cur = space.utilities(p)[rank[i]];
      EXPECT_TRUE(prev > cur || (prev == cur && rank[i - 1] < rank[i]));
    }
  }
}

TEST(Issue, DescribesValuesInTheirOwnWords) {
  const Scenario s = three_issue_scenario();
  EXPECT_EQ(s.issues[0].describe(1), "yes");
  EXPECT_EQ(s.issues[1].describe(6000), "6,000 prisoners");
  EXPECT_EQ(s.issues[2].describe(0.52631578947), "0.5263");
  EXPECT_EQ(s.issues[1].levels(), 3);
  EXPECT_EQ(s.issues[2].value_at(4), 1.0);
  EXPECT_EQ(s.issues[2].nearest_level(0.3), 1);
}

}  // namespace
}  // namespace parley
