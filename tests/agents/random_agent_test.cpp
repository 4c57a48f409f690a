#include "agents/random_agent.hpp"

#include <gtest/gtest.h>

#include <set>

#include "agents/builtin_agents.hpp"
#include "engine/simulator.hpp"
#include "tests/support/agent_setup.hpp"
#include "tests/support/scenario_builder.hpp"

namespace parley {
namespace {

using test::ScenarioBuilder;

ScenarioBuilder random_scenario(double a_reservation) {
  ScenarioBuilder b("random");
  b.options("a", {"a0", "a1", "a2", "a3"});
  b.quantity("q", 0, 5);
  b.party("A", "random").weight("a", 1).weight("q", 3).reservation(a_reservation);
  b.party("B", "random").table("a", {1, 0.6, 0.3, 0}).points("q", {{0, 1}, {5, 0}});
  return b;
}

TEST(RandomAgent, ProposesUniformlyAmongAcceptableOutcomes) {
  const double reservation = 0.5;
  const auto a =
      test::make_standalone_agent(random_scenario(reservation).build(), builtin_agents(), 0, 0, 42);
  const Eigen::ArrayXd& u = a->space->utilities(0);
  const auto acceptable = static_cast<int>((u >= reservation).count());
  ASSERT_GT(acceptable, 3);
  ASSERT_LT(acceptable, a->space->size());
  std::map<std::int64_t, int> counts;
  const int draws = 20000;
  for (int k = 0; k < draws; ++k) {
    const Deal d = a->agent->propose({k, 0});
    ASSERT_GE(u[d.outcome], reservation);
    ++counts[d.outcome];
  }
  EXPECT_EQ(static_cast<int>(counts.size()), acceptable) << "every acceptable outcome is drawn";
  const double expected = static_cast<double>(draws) / acceptable;
  for (const auto& [outcome, n] : counts) EXPECT_NEAR(n, expected, 5 * std::sqrt(expected));
}

TEST(RandomAgent, AcceptsIffAtLeastItsReservation) {
  const auto a = test::make_standalone_agent(random_scenario(0.5).build(), builtin_agents(), 0);
  const Eigen::ArrayXd& u = a->space->utilities(0);
  for (std::int64_t o = 0; o < a->space->size(); ++o)
    EXPECT_EQ(a->agent->respond({0, 0}, a->space->deal(o)),
              u[o] >= 0.5 ? Response::Accept : Response::Reject);
}

TEST(RandomAgent, RunsAreReproducibleAndDependOnTheSeed) {
  const Simulator simulator(random_scenario(0.6).build(), builtin_agents());
  std::set<std::int64_t> deals;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const RunResult first = simulator.run(seed);
    const RunResult again = simulator.run(seed);
    ASSERT_EQ(first.tracks[0].status, again.tracks[0].status);
    EXPECT_EQ(first.tracks[0].round, again.tracks[0].round);
    EXPECT_EQ(first.tracks[0].deal.outcome, again.tracks[0].deal.outcome);
    if (first.tracks[0].status == TrackStatus::Agreed) deals.insert(first.tracks[0].deal.outcome);
  }
  EXPECT_GT(deals.size(), 1u);
}

TEST(RandomAgent, IsRegisteredWithoutParameters) {
  const AgentModel* model = builtin_agents().find("random");
  ASSERT_NE(model, nullptr);
  EXPECT_TRUE(model->params.empty());
  EXPECT_FALSE(model->requires_.complete_information);
}

}  // namespace
}  // namespace parley
