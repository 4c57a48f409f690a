// Agents that concede toward their reservation value follow the one in force, not the one the
// run started with: the world recomputes a war track's reservation every round (the value of
// fighting on) and events move reservations (docs/world.md), so an agent whose outside option
// has risen must not accept, or offer, what walking away now beats.
#include <gtest/gtest.h>

#include "agents/builtin_agents.hpp"
#include "agents/random_agent.hpp"
#include "agents/time_dependent.hpp"
#include "agents/tit_for_tat.hpp"
#include "tests/support/agent_setup.hpp"
#include "tests/support/scenario_builder.hpp"

namespace parley {
namespace {

// Party A (the model under test) values its share x; B values 1 - x. A's reservation starts at
// 0.2; the test then raises the reservation in force, as the world would.
struct Playing {
  std::unique_ptr<test::StandaloneAgent> standalone;
  Preferences live;  // what RunState::preferences holds for A during a run
  std::unique_ptr<Agent> agent;
};

std::unique_ptr<Playing> play(const std::string& model) {
  test::ScenarioBuilder b("reservation in force");
  b.share("x", 0.0, 1.0, 101);
  b.party("A", model).points("x", {{0, 0}, {1, 1}}).reservation(0.2);
  b.party("B", "hardliner").points("x", {{0, 1}, {1, 0}});
  b.deadline(10);
  auto out = std::make_unique<Playing>();
  out->standalone = test::make_standalone_agent(b.build(), builtin_agents(), 0);
  out->live = out->standalone->scenario->parties[0].preferences;
  AgentSetup setup = out->standalone->setup;
  setup.own = &out->live;
  out->agent = builtin_agents().find(model)->create(setup);
  return out;
}

Deal share(const OutcomeSpace& space, double x) {
  Deal d;
  d.size = 1;
  d.values[0] = x;
  return space.deal(space.nearest_outcome(d));
}

TEST(ReservationInForce, TimeDependentAgentsConcedeNoLowerThanTheCurrentReservation) {
  for (const char* model : {"linear", "boulware", "conceder"}) {
    SCOPED_TRACE(model);
    auto p = play(model);
    auto* agent = dynamic_cast<TimeDependentAgent*>(p->agent.get());
    ASSERT_NE(agent, nullptr);
    const OutcomeSpace& space = *p->standalone->space;
    const RoundInfo last{9, 10};  // t = 1: the target is P_min
    EXPECT_NEAR(agent->target(last), 0.2, 1e-12);
    EXPECT_EQ(agent->respond(last, share(space, 0.3)), Response::Accept);
    p->live.reservation[0] = 0.6;  // the value of fighting on has risen
    EXPECT_NEAR(agent->target(last), 0.6, 1e-12);
    EXPECT_EQ(agent->respond(last, share(space, 0.3)), Response::Reject);
    EXPECT_GE(space.utilities(0)[agent->propose(last).outcome], 0.6 - 1e-12);
    // Halfway, the target sits halfway between the best deal and the reservation in force.
    if (std::string(model) == "linear") {
      EXPECT_NEAR(agent->target({4, 9}), 0.6 + 0.4 * 0.5, 1e-12);
    }
  }
}

TEST(ReservationInForce, TitForTatNeverGoesBelowTheCurrentReservation) {
  auto p = play("tit-for-tat");
  auto* agent = dynamic_cast<TitForTatAgent*>(p->agent.get());
  ASSERT_NE(agent, nullptr);
  const OutcomeSpace& space = *p->standalone->space;
  // B concedes a lot: A mirrors it down to its reservation, 0.2.
  agent->observe(Move{1, 0, 1, Action::Offer, share(space, 0.0)});
  agent->observe(Move{3, 0, 1, Action::Offer, share(space, 0.9)});
  EXPECT_NEAR(agent->target(), 0.2, 1e-12);
  p->live.reservation[0] = 0.5;
  EXPECT_NEAR(agent->target(), 0.5, 1e-12);
  EXPECT_EQ(agent->respond({4, 10}, share(space, 0.4)), Response::Reject);
  EXPECT_EQ(agent->respond({4, 10}, share(space, 0.5)), Response::Accept);
}

TEST(ReservationInForce, TheRandomAgentDrawsOnlyFromWhatBeatsTheCurrentReservation) {
  auto p = play("random");
  auto* agent = dynamic_cast<RandomAgent*>(p->agent.get());
  ASSERT_NE(agent, nullptr);
  const OutcomeSpace& space = *p->standalone->space;
  EXPECT_EQ(agent->acceptable_count(), 81u);  // x = 0.20, 0.21, ..., 1
  p->live.reservation[0] = 0.75;
  EXPECT_EQ(agent->acceptable_count(), 26u);  // x = 0.75 ... 1
  for (int r = 0; r < 200; ++r)
    ASSERT_GE(space.utilities(0)[agent->propose({r, 0}).outcome], 0.75 - 1e-12);
  EXPECT_EQ(agent->respond({0, 0}, share(space, 0.7)), Response::Reject);
}

}  // namespace
}  // namespace parley
