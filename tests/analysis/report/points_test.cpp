#include "analysis/report/points.hpp"

#include <gtest/gtest.h>

#include "agents/builtin_agents.hpp"
#include "engine/load/scenario_loader.hpp"
#include "engine/simulator.hpp"

namespace parley {
namespace {

// The schedule adds up: a deal's issue points sum to 100 times its track utility.
TEST(Points, IssuePointsAddUpToTheTrackUtility) {
  const ScenarioPtr s = load_scenario(
      std::string(PARLEY_SOURCE_DIR) + "/scenarios/korea-1951-53.json", builtin_agents());
  const Simulator sim(s, builtin_agents());
  for (int t = 0; t < 2; ++t) {
    const OutcomeSpace& space = sim.space(t);
    for (std::int64_t k = 0; k < space.size(); k += 7) {
      const Deal deal = space.deal(k);
      for (int p = 0; p < 2; ++p) {
        double sum = 0.0;
        for (int i = 0; i < space.issue_count(); ++i)
          sum += issue_points(space, p, i, deal.values[static_cast<std::size_t>(i)]);
        EXPECT_NEAR(sum, to_points(space.utilities(p)[k]), 1e-9);
      }
    }
    for (int p = 0; p < 2; ++p) {
      double weights = 0.0;
      for (int i = 0; i < space.issue_count(); ++i) weights += issue_weight_points(space, p, i);
      EXPECT_NEAR(weights, 100.0, 1e-9);
    }
  }
}

TEST(Points, FormatsWithOneDecimal) {
  EXPECT_EQ(format_points(72.46), "72.5");
  EXPECT_EQ(format_points(100.0), "100");
  EXPECT_EQ(format_points(-0.01), "0");
}

TEST(Points, ScheduleLevelsKeepTheCorners) {
  Issue issue;
  issue.kind = IssueKind::Quantity;
  issue.min = 0;
  issue.max = 2000;
  issue.step = 100;
  const ValueFunction v = ValueFunction::piecewise_linear({{0, 0}, {700, 0.8}, {2000, 1}});
  const std::vector<int> levels = schedule_levels(issue, v);
  EXPECT_EQ(levels.front(), 0);
  EXPECT_EQ(levels.back(), 20);
  EXPECT_NE(std::find(levels.begin(), levels.end(), 7), levels.end());
  Issue small;
  small.kind = IssueKind::Options;
  small.options = {"a", "b", "c"};
  EXPECT_EQ(schedule_levels(small, ValueFunction::table({0, 1, 0.5})).size(), 3u);
}

}  // namespace
}  // namespace parley
