#include "agents/hardliner.hpp"

#include <gtest/gtest.h>

#include "agents/builtin_agents.hpp"
#include "engine/simulator.hpp"
#include "tests/support/agent_setup.hpp"
#include "tests/support/scenario_builder.hpp"

namespace parley {
namespace {

using test::ScenarioBuilder;

ScenarioBuilder two_issue_scenario(const std::string& a_model,
                                   std::map<std::string, double> a_params = {}) {
  ScenarioBuilder b("hardliner");
  b.options("a", {"low", "mid", "high"});
  b.quantity("q", 0, 10, 2);
  b.party("A", a_model, std::move(a_params)).weight("a", 2).weight("q", 1);
  b.party("B", "hardliner").table("a", {1, 0.5, 0}).points("q", {{0, 1}, {10, 0}});
  return b;
}

TEST(HardlinerAgent, AlwaysOffersItsBestOutcome) {
  const auto a =
      test::make_standalone_agent(two_issue_scenario("hardliner").build(), builtin_agents(), 0);
  const std::int64_t best = a->space->ranking(0).front();
  for (int r = 0; r < 50; r += 7) EXPECT_EQ(a->agent->propose({r, 0}).outcome, best);
  EXPECT_DOUBLE_EQ(a->space->utilities(0)[best], 1.0);
}

TEST(HardlinerAgent, AcceptsOnlyWithinItsMargin) {
  for (const double margin : {0.0, 0.2}) {
    const auto a = test::make_standalone_agent(
        two_issue_scenario("hardliner", {{"margin", margin}}).build(), builtin_agents(), 0);
    const Eigen::ArrayXd& u = a->space->utilities(0);
    for (std::int64_t o = 0; o < a->space->size(); ++o) {
      const Response expected = u[o] >= 1.0 - margin ? Response::Accept : Response::Reject;
      EXPECT_EQ(a->agent->respond({1, 0}, a->space->deal(o)), expected) << o;
    }
  }
}

TEST(HardlinerAgent, TwoHardlinersWithOpposedInterestsReachTheDeadline) {
  ScenarioBuilder b = two_issue_scenario("hardliner");
  b.deadline(30);
  const RunResult result = Simulator(b.build(), builtin_agents()).run(3);
  EXPECT_EQ(result.tracks[0].status, TrackStatus::Deadline);
  EXPECT_EQ(result.tracks[0].round, 29);
}

TEST(HardlinerAgent, IsRegisteredWithItsMargin) {
  const AgentModel* model = builtin_agents().find("hardliner");
  ASSERT_NE(model, nullptr);
  ASSERT_EQ(model->params.size(), 1u);
  EXPECT_EQ(model->params[0].name, "margin");
  EXPECT_EQ(model->params[0].default_value, 0.0);
  EXPECT_EQ(model->params[0].min, 0.0);
  EXPECT_EQ(model->params[0].max, 1.0);
}

}  // namespace
}  // namespace parley
