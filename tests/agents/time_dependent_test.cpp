// Theory test (theory.md, "Time-dependent tactics"): the Boulware, linear and Conceder target
// curves u(t) = P_min + (P_max - P_min)(1 - t^(1/e)), and a run in which every offer is the
// grid outcome with the smallest utility at or above the curve.
#include "agents/time_dependent.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "agents/builtin_agents.hpp"
#include "engine/simulator.hpp"
#include "tests/support/agent_setup.hpp"
#include "tests/support/recording_trace.hpp"
#include "tests/support/scenario_builder.hpp"

namespace parley {
namespace {

using test::ScenarioBuilder;

// theory.md's formula, written out again.
double theory_target(double t, double e, double p_min, double p_max) {
  return p_min + (p_max - p_min) * (1.0 - std::pow(t, 1.0 / e));
}

const double kTimes[] = {0.0, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1.0};

TEST(TimeDependentTheory, TargetCurveMatchesFaratin) {
  for (const double e : {0.2, 0.5, 1.0, 2.0, 5.0})
    for (const double t : kTimes)
      EXPECT_NEAR(faratin_target(t, e, 0.15, 0.95), theory_target(t, e, 0.15, 0.95), 1e-12)
          << "e = " << e << ", t = " << t;
}

TEST(TimeDependentTheory, BoulwareHoldsAndConcederGivesEarly) {
  for (const double t : {0.1, 0.5, 0.9}) {
    EXPECT_GT(faratin_target(t, 0.2, 0, 1), faratin_target(t, 1, 0, 1));
    EXPECT_GT(faratin_target(t, 1, 0, 1), faratin_target(t, 2, 0, 1));
  }
  EXPECT_DOUBLE_EQ(faratin_target(0.0, 2, 0.3, 0.9), 0.9);
  EXPECT_DOUBLE_EQ(faratin_target(1.0, 0.2, 0.3, 0.9), 0.3);
}

TEST(TimeDependentTheory, ZeroExponentIsAHardliner) {
  for (const double t : kTimes) EXPECT_DOUBLE_EQ(faratin_target(t, 0.0, 0.2, 0.8), 0.8);
}

// A time-dependent agent (A, wants x high) against a hardliner (B, wants x = 0): A concedes
// along its curve until the deadline, and no deal is made.
ScenarioBuilder against_hardliner(const std::string& model, std::map<std::string, double> params,
                                  int deadline, double reservation) {
  ScenarioBuilder b("time-dependent against a hardliner");
  b.share("x", 0.0, 1.0, 1001);
  b.party("A", model, std::move(params)).points("x", {{0, 0}, {1, 1}}).reservation(reservation);
  b.party("B", "hardliner").points("x", {{0, 1}, {1, 0}});
  b.deadline(deadline);
  return b;
}

// Checks each of A's offers: its utility is the smallest grid utility >= the curve at
// t = round / (deadline - 1). Returns how many offers were checked.
int check_offers(const ScenarioBuilder& b, double e, int deadline, double p_min) {
  const Simulator simulator(b.build(), builtin_agents());
  test::RecordingTrace trace;
  const RunResult result = simulator.run(1, 0, &trace);
  EXPECT_NE(result.tracks[0].status, TrackStatus::Agreed);
  const Eigen::ArrayXd& u = simulator.space(0).utilities(0);
  const double p_max = u.maxCoeff();
  int checked = 0;
  for (const Move& m : trace.offers(0)) {
    const double t = static_cast<double>(m.round) / (deadline - 1);
    const double target = e == 0 ? p_max : theory_target(t, e, p_min, p_max);
    double smallest = std::numeric_limits<double>::infinity();
    for (Eigen::Index o = 0; o < u.size(); ++o)
      if (u[o] >= target && u[o] < smallest) smallest = u[o];
    EXPECT_EQ(u[m.deal.outcome], smallest) << "round " << m.round << ", e = " << e;
    EXPECT_GE(u[m.deal.outcome], target - 1e-12);
    EXPECT_LT(u[m.deal.outcome], target + 1e-3 + 1e-12) << "a fine grid follows the curve";
    ++checked;
  }
  return checked;
}

TEST(TimeDependentTheory, OffersFollowTheCurveForEachPreset) {
  const int deadline = 21;
  EXPECT_EQ(check_offers(against_hardliner("boulware", {}, deadline, 0.1), 0.2, deadline, 0.1), 11);
  EXPECT_EQ(check_offers(against_hardliner("linear", {}, deadline, 0.1), 1.0, deadline, 0.1), 11);
  EXPECT_EQ(check_offers(against_hardliner("conceder", {}, deadline, 0.1), 2.0, deadline, 0.1), 11);
  EXPECT_EQ(check_offers(against_hardliner("time-dependent", {{"e", 3.5}}, deadline, 0.25), 3.5,
                         deadline, 0.25),
            11);
  EXPECT_EQ(check_offers(against_hardliner("time-dependent", {{"e", 0}}, deadline, 0.25), 0.0,
                         deadline, 0.25),
            11);
}

TEST(TimeDependentTheory, FloorRaisesPMinAboveTheReservation) {
  const int deadline = 11;
  EXPECT_EQ(check_offers(against_hardliner("linear", {{"floor", 0.4}}, deadline, 0.1), 1.0,
                         deadline, 0.4),
            6);
}

TEST(TimeDependentAgent, UsesTheHorizonWithoutADeadline) {
  ScenarioBuilder b = against_hardliner("linear", {{"horizon", 5}}, 0, 0.2);
  const auto a = test::make_standalone_agent(b.build(), builtin_agents(), 0);
  auto* agent = dynamic_cast<TimeDependentAgent*>(a->agent.get());
  ASSERT_NE(agent, nullptr);
  for (int r = 0; r < 8; ++r) {
    const double t = std::min(1.0, r / 4.0);
    EXPECT_DOUBLE_EQ(agent->relative_time({r, 0}), t);
    EXPECT_NEAR(agent->target({r, 0}), theory_target(t, 1.0, 0.2, 1.0), 1e-12);
  }
  // With a deadline the deadline wins over the horizon.
  EXPECT_DOUBLE_EQ(agent->relative_time({3, 7}), 0.5);
  // One round only: it is the last one.
  EXPECT_DOUBLE_EQ(agent->relative_time({0, 1}), 1.0);
}

TEST(TimeDependentAgent, AcceptsAtOrAboveThisRoundsTarget) {
  const auto a = test::make_standalone_agent(against_hardliner("conceder", {}, 11, 0.1).build(),
                                             builtin_agents(), 0);
  auto* agent = dynamic_cast<TimeDependentAgent*>(a->agent.get());
  for (int r : {0, 3, 7, 10}) {
    const double target = agent->target({r, 11});
    Deal offer;
    offer.size = 1;
    offer.values[0] = target + 1e-9;
    EXPECT_EQ(agent->respond({r, 11}, offer), Response::Accept) << r;
    offer.values[0] = target - 1e-9;
    EXPECT_EQ(agent->respond({r, 11}, offer), Response::Reject) << r;
  }
}

TEST(TimeDependentAgent, NeverProposesBelowItsReservation) {
  const auto a = test::make_standalone_agent(against_hardliner("conceder", {}, 5, 0.35).build(),
                                             builtin_agents(), 0);
  for (int r = 0; r < 5; ++r)
    EXPECT_GE(a->space->utilities(0)[a->agent->propose({r, 5}).outcome], 0.35);
}

TEST(TimeDependentAgent, TwoLinearAgentsAgree) {
  ScenarioBuilder b("two linear agents");
  b.share("x", 0.0, 1.0, 101);
  b.party("A", "linear").points("x", {{0, 0}, {1, 1}});
  b.party("B", "linear").points("x", {{0, 1}, {1, 0}});
  b.deadline(20);
  const RunResult result = Simulator(b.build(), builtin_agents()).run(1);
  ASSERT_EQ(result.tracks[0].status, TrackStatus::Agreed);
  EXPECT_NEAR(result.tracks[0].deal.values[0], 0.5, 0.06)
      << "symmetric agents meet near the middle";
}

// Faratin, Sierra & Jennings (1998), section 4.2.1: polynomial alpha(t) = kappa + (1 - kappa)
// t^(1/beta) and exponential alpha(t) = exp((1 - t)^beta ln kappa), written out again.
TEST(TimeDependentTheory, FaratinConcessionFunctionsInClosedForm) {
  for (const double kappa : {0.01, 0.1, 0.5})
    for (const double e : {0.2, 1.0, 3.0})
      for (const double t : kTimes) {
        EXPECT_NEAR(faratin_polynomial_alpha(t, e, kappa), kappa + (1 - kappa) * std::pow(t, 1 / e),
                    1e-12);
        EXPECT_NEAR(faratin_exponential_alpha(t, e, kappa),
                    std::exp(std::pow(1 - t, e) * std::log(kappa)), 1e-12);
      }
  // Both start at kappa and end at 1; kappa = 0 makes the polynomial tactic theory.md's curve.
  EXPECT_DOUBLE_EQ(faratin_exponential_alpha(0, 0.5, 0.2), 0.2);
  EXPECT_DOUBLE_EQ(faratin_exponential_alpha(1, 0.5, 0.2), 1.0);
  for (const double t : kTimes)
    EXPECT_NEAR(0.1 + 0.8 * (1 - faratin_polynomial_alpha(t, 2.0, 0.0)),
                faratin_target(t, 2.0, 0.1, 0.9), 1e-12);
  // Exponential Boulware (e < 1) holds longer than exponential Conceder (e > 1).
  EXPECT_LT(faratin_exponential_alpha(0.5, 0.3, 0.1), faratin_exponential_alpha(0.5, 3.0, 0.1));
  // kappa = 0: no concession before the deadline.
  EXPECT_EQ(faratin_exponential_alpha(0.99, 2.0, 0.0), 0.0);
  EXPECT_EQ(faratin_exponential_alpha(1.0, 2.0, 0.0), 1.0);
}

TEST(TimeDependentTheory, ExponentialTacticOffersFollowItsCurve) {
  const int deadline = 21;
  const auto a = test::make_standalone_agent(
      against_hardliner("time-dependent", {{"e", 0.5}, {"exponential", 1}, {"kappa", 0.05}},
                        deadline, 0.1)
          .build(),
      builtin_agents(), 0);
  const Eigen::ArrayXd& u = a->space->utilities(0);
  for (int r = 0; r < deadline; ++r) {
    const double t = static_cast<double>(r) / (deadline - 1);
    const double alpha = std::exp(std::pow(1 - t, 0.5) * std::log(0.05));
    const double target = 0.1 + 0.9 * (1 - alpha);
    double smallest = std::numeric_limits<double>::infinity();
    for (Eigen::Index o = 0; o < u.size(); ++o)
      if (u[o] >= target && u[o] < smallest) smallest = u[o];
    EXPECT_EQ(u[a->agent->propose({r, deadline}).outcome], smallest) << "round " << r;
  }
}

TEST(TimeDependentAgent, NegmasClockStartsAboveZero) {
  const auto a = test::make_standalone_agent(
      against_hardliner("linear", {{"negmas_clock", 1}}, 9, 0.0).build(), builtin_agents(), 0);
  auto* agent = dynamic_cast<TimeDependentAgent*>(a->agent.get());
  for (int r = 0; r < 9; ++r) EXPECT_DOUBLE_EQ(agent->relative_time({r, 9}), (r + 1) / 10.0);
}

TEST(TimeDependentAgent, GeniusClockCountsRoundsOfBothTurns) {
  // GENIUS with R rounds: parley's deadline 2R - 1; round g = 1..R is at time g / (R + 1), and
  // both parties' turns of a round share it. Parley round r is turn r; its answer is turn r + 1.
  const int R = 5;
  const auto a = test::make_standalone_agent(
      against_hardliner("linear", {{"genius", 1}}, 2 * R - 1, 0.0).build(), builtin_agents(), 0);
  auto* agent = dynamic_cast<TimeDependentAgent*>(a->agent.get());
  for (int r = 0; r < 2 * R - 1; ++r) {
    EXPECT_DOUBLE_EQ(agent->genius_time({r, 2 * R - 1}, true), (r / 2 + 1) / (R + 1.0)) << r;
    EXPECT_DOUBLE_EQ(agent->genius_time({r, 2 * R - 1}, false), ((r + 1) / 2 + 1) / (R + 1.0)) << r;
  }
  // GENIUS's floor is the worst utility even when the reservation is lower.
  EXPECT_DOUBLE_EQ(agent->p_min(), 0.0);
}

TEST(TimeDependentAgent, GeniusConventionOffersTheNearestBidAndAcceptsWhatBeatsItsNextBid) {
  // Grid 0, 0.25, ..., 1; A's utility is x. A linear target at t = 1/6 is 5/6: GENIUS offers the
  // nearest bid, 0.75 (parley's own convention offers the cheapest at or above, 1).
  ScenarioBuilder b("nearest");
  b.share("x", 0.0, 1.0, 5);
  b.party("A", "linear", {{"genius", 1}}).points("x", {{0, 0}, {1, 1}});
  b.party("B", "hardliner").points("x", {{0, 1}, {1, 0}});
  b.deadline(9);  // R = 5 GENIUS rounds
  const auto a = test::make_standalone_agent(b.build(), builtin_agents(), 0);
  EXPECT_DOUBLE_EQ(a->agent->propose({0, 9}).values[0], 0.75);
  // Answering round 1 (turn 2, GENIUS round 2, t = 1/3, target 2/3, next bid 0.75).
  Deal offer;
  offer.size = 1;
  offer.values[0] = 0.75;
  EXPECT_EQ(a->agent->respond({1, 9}, offer), Response::Accept);
  offer.values[0] = 0.7;
  EXPECT_EQ(a->agent->respond({1, 9}, offer), Response::Reject);
}

// Two issues: A cares only about x, B only about y. A's target leaves room; its frequency model
// learns from B's offers that B wants y high, so among the outcomes near its target A offers the
// one with y high, not the cheapest.
TEST(TimeDependentAgent, BandBiddingGivesTheOpponentWhatItValues) {
  ScenarioBuilder b("logroll");
  b.share("x", 0.0, 1.0, 11);
  b.share("y", 0.0, 1.0, 11);
  b.party("A", "linear", {{"band", 0.05}})
      .weight("x", 0.9)
      .weight("y", 0.1)
      .points("x", {{0, 0}, {1, 1}})
      .points("y", {{0, 1}, {1, 0}});
  b.party("B", "hardliner")
      .weight("x", 0.1)
      .weight("y", 0.9)
      .points("x", {{0, 1}, {1, 0}})
      .points("y", {{0, 0}, {1, 1}});
  b.deadline(11);
  const auto a = test::make_standalone_agent(b.build(), builtin_agents(), 0);
  auto* agent = dynamic_cast<TimeDependentAgent*>(a->agent.get());
  const OutcomeSpace& space = *a->space;
  // Before B has offered anything: the cheapest outcome at or above the target.
  const Deal first = agent->propose({4, 11});
  // B offers (x = 0, y = 1) twice.
  int levels[2] = {0, 10};
  const std::int64_t b_best = space.outcome_of_levels(levels);
  for (int k = 0; k < 2; ++k) agent->observe(Move{k, 0, 1, Action::Offer, space.deal(b_best)});
  EXPECT_NEAR(agent->opponent_model(1).utility(b_best), 1.0, 1e-12);
  const Deal informed = agent->propose({4, 11});
  const double target = agent->target({4, 11});
  EXPECT_GE(space.utilities(0)[informed.outcome], target - 1e-12);
  EXPECT_LE(space.utilities(0)[informed.outcome], target + 0.05 + 1e-12);
  EXPECT_GT(space.utilities(1)[informed.outcome], space.utilities(1)[first.outcome])
      << "the informed offer is better for B";
  EXPECT_GT(informed.values[1], first.values[1]);
}

TEST(TimeDependentAgent, ModelsAreRegisteredWithTheirExponents) {
  const AgentRegistry& registry = builtin_agents();
  const auto e_default = [&](const std::string& name) {
    for (const ParamSpec& p : registry.find(name)->params)
      if (p.name == "e") return p.default_value;
    return -1.0;
  };
  EXPECT_EQ(e_default("time-dependent"), 1.0);
  EXPECT_EQ(e_default("boulware"), 0.2);
  EXPECT_EQ(e_default("conceder"), 2.0);
  EXPECT_EQ(e_default("linear"), -1.0) << "linear fixes e = 1";
  std::map<std::string, double> resolved;
  EXPECT_TRUE(registry.resolve("time-dependent", {{"e", 50}}, resolved) == std::nullopt);
  EXPECT_TRUE(registry.resolve("time-dependent", {{"e", 51}}, resolved).has_value());
  EXPECT_TRUE(registry.resolve("boulware", {{"e", 2}}, resolved).has_value());
  EXPECT_TRUE(registry.resolve("conceder", {{"e", 0.5}}, resolved).has_value());
  EXPECT_TRUE(registry.resolve("linear", {{"horizon", 2.5}}, resolved).has_value());
  EXPECT_TRUE(registry.resolve("linear", {{"floor", 0.3}}, resolved) == std::nullopt);
}

}  // namespace
}  // namespace parley
