// Theory tests (theory.md, "Alternating offers"): two Rubinstein agents, run through the
// Simulator, must agree at once on the closed-form split. Expected values are computed here, in
// exact fractions, from theory.md's formulas. Convention mapping (docs/model.md): player 1 is
// party A, the opener; x is A's share; the T offer periods are deadline_rounds = T.
#include "agents/rubinstein.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "agents/builtin_agents.hpp"
#include "engine/simulator.hpp"
#include "tests/support/agent_setup.hpp"
#include "tests/support/fraction.hpp"
#include "tests/support/scenario_builder.hpp"

namespace parley {
namespace {

using test::Fraction;
using test::ScenarioBuilder;
using test::split_the_pie;

constexpr double kTheoryTolerance = 1e-9;

// The share A gets in a run, checking the agreement is immediate and off the grid.
double agreed_share(const ScenarioBuilder& builder) {
  const Simulator simulator(builder.build(), builtin_agents());
  const RunResult result = simulator.run(1);
  const TrackResult& track = result.tracks.at(0);
  EXPECT_EQ(track.status, TrackStatus::Agreed);
  EXPECT_EQ(track.round, 0) << "the equilibrium agreement is immediate";
  EXPECT_EQ(track.proposer, 0);
  return track.deal.values[0];
}

// x* = (1 - d2) / (1 - d1 d2).
Fraction rubinstein_share(Fraction d1, Fraction d2) {
  return (Fraction(1) - d2) / (Fraction(1) - d1 * d2);
}

TEST(RubinsteinTheory, InfiniteHorizonMatchesRubinstein1982) {
  const std::pair<Fraction, Fraction> cases[] = {
      {{9, 10}, {9, 10}},     {{1, 2}, {1, 2}},   {{9, 10}, {1, 2}},   {{1, 2}, {9, 10}},
      {{99, 100}, {95, 100}}, {{3, 10}, {7, 10}}, {{1, 10}, {99, 100}}};
  for (const auto& [d1, d2] : cases) {
    const double expected = rubinstein_share(d1, d2).value();
    const double x = agreed_share(split_the_pie("rubinstein", d1.value(), d2.value()));
    EXPECT_NEAR(x, expected, kTheoryTolerance) << "d1 = " << d1.value() << ", d2 = " << d2.value();
  }
}

TEST(RubinsteinTheory, TextbookCheckTenNineteenths) {
  EXPECT_EQ(rubinstein_share({9, 10}, {9, 10}), Fraction(10, 19));
  EXPECT_NEAR(agreed_share(split_the_pie("rubinstein", 0.9, 0.9)), 10.0 / 19.0, kTheoryTolerance);
}

TEST(RubinsteinTheory, FirstMoverAdvantage) {
  // (1 - d1)(1 - d2) / (1 - d1 d2) = x*(A opens) - (1 - x*(B opens)).
  const Fraction d1(4, 5), d2(2, 3);
  const Fraction advantage = (Fraction(1) - d1) * (Fraction(1) - d2) / (Fraction(1) - d1 * d2);
  const double a_opens = agreed_share(split_the_pie("rubinstein", d1.value(), d2.value()));
  ScenarioBuilder b = split_the_pie("rubinstein", d1.value(), d2.value());
  b.opener("B");
  const Simulator simulator(b.build(), builtin_agents());
  const RunResult result = simulator.run(1);
  ASSERT_EQ(result.tracks[0].status, TrackStatus::Agreed);
  EXPECT_EQ(result.tracks[0].round, 0);
  const double b_opens = result.tracks[0].deal.values[0];  // A's share when B opens
  EXPECT_NEAR(a_opens - b_opens, advantage.value(), kTheoryTolerance);
}

// Stahl (1972): with T offer periods and a common d, x_T = (1 - (-d)^T) / (1 + d).
TEST(RubinsteinTheory, FiniteHorizonMatchesStahl) {
  for (const Fraction d : {Fraction(9, 10), Fraction(1, 2), Fraction(3, 4)}) {
    for (int T = 1; T <= 5; ++T) {
      const Fraction expected = (Fraction(1) - (Fraction(0) - d).pow(T)) / (Fraction(1) + d);
      ScenarioBuilder b = split_the_pie("rubinstein", d.value(), d.value());
      b.deadline(T);
      EXPECT_NEAR(agreed_share(b), expected.value(), kTheoryTolerance)
          << "d = " << d.value() << ", T = " << T;
    }
  }
}

// Unequal discounts: backward induction by hand. With one period the opener takes the pie; with
// T periods the opener leaves the responder what it would get as the opener of T - 1 periods,
// discounted once: s_T(a, b) = 1 - b * s_{T-1}(b, a).
Fraction opener_share(int periods, Fraction own, Fraction other) {
  if (periods == 1) return Fraction(1);
  return Fraction(1) - other * opener_share(periods - 1, other, own);
}

TEST(RubinsteinTheory, FiniteHorizonWithUnequalDiscounts) {
  const Fraction d1(9, 10), d2(3, 5);
  for (int T = 1; T <= 6; ++T) {
    ScenarioBuilder b = split_the_pie("rubinstein", d1.value(), d2.value());
    b.deadline(T);
    EXPECT_NEAR(agreed_share(b), opener_share(T, d1, d2).value(), kTheoryTolerance) << "T = " << T;
  }
}

TEST(RubinsteinTheory, FiniteHorizonTendsToRubinstein) {
  ScenarioBuilder b = split_the_pie("rubinstein", 0.9, 0.8);
  b.deadline(400);
  EXPECT_NEAR(agreed_share(b), rubinstein_share({9, 10}, {8, 10}).value(), kTheoryTolerance);
}

TEST(RubinsteinTheory, VeryLongDeadlineNeedsNoHugeTable) {
  // deadline_rounds may be 10^9; the plans repeat long before, and x_T -> 1 / (1 + d).
  const double d = 0.9;
  const int T = 1'000'000'000;
  ScenarioBuilder b = split_the_pie("rubinstein", d, d);
  b.deadline(T);
  EXPECT_NEAR(agreed_share(b), (1.0 - std::pow(-d, T)) / (1.0 + d), kTheoryTolerance);
}

// Discounting and costs together, with a deadline: backward induction by hand in the engine's
// payoffs d^t x - c t. In the last round the proposer takes the pie; before, the responder is
// left what makes it indifferent to rejecting, and the opener keeps the rest.
TEST(RubinsteinTheory, FiniteHorizonWithDiscountingAndCosts) {
  const double d[2] = {0.9, 0.8}, c[2] = {0.01, 0.02};
  for (int T = 1; T <= 6; ++T) {
    double payoff[2] = {0, 0};  // what each party gets from the round after t on
    double x = 1;               // A's share in the round being solved
    for (int t = T - 1; t >= 0; --t) {
      const int proposer = t % 2, responder = 1 - proposer;
      const double responder_share =
          t == T - 1
              ? 0.0
              : std::max(0.0, (payoff[responder] + c[responder] * t) / std::pow(d[responder], t));
      const double proposer_share = 1 - responder_share;
      x = proposer == 0 ? proposer_share : responder_share;
      payoff[proposer] = std::pow(d[proposer], t) * proposer_share - c[proposer] * t;
      payoff[responder] = std::pow(d[responder], t) * responder_share - c[responder] * t;
    }
    ScenarioBuilder b = split_the_pie("rubinstein", d[0], d[1]);
    b.deadline(T);
    b.party("A").cost(c[0]);
    b.party("B").cost(c[1]);
    EXPECT_NEAR(agreed_share(b), x, kTheoryTolerance) << "T = " << T;
  }
}

// Fixed costs, payoff x - c_i t (discount 1): c1 < c2 -> x = 1; c1 > c2 -> x = c2;
// c1 = c2 = c -> any x in [c, 1]; parley's player picks x = 1 (docs/agents.md).
ScenarioBuilder fixed_costs(double c1, double c2) {
  ScenarioBuilder b = split_the_pie("rubinstein", 1.0, 1.0);
  b.party("A").cost(c1);
  b.party("B").cost(c2);
  return b;
}

TEST(RubinsteinTheory, FixedCostsCheaperOpenerTakesAll) {
  EXPECT_NEAR(agreed_share(fixed_costs(0.1, 0.2)), 1.0, kTheoryTolerance);
  EXPECT_NEAR(agreed_share(fixed_costs(0.01, 0.3)), 1.0, kTheoryTolerance);
}

TEST(RubinsteinTheory, FixedCostsDearerOpenerGetsResponderCost) {
  for (const auto& [c1, c2] :
       {std::pair{Fraction(1, 5), Fraction(1, 10)}, std::pair{Fraction(3, 10), Fraction(1, 20)},
        std::pair{Fraction(11, 100), Fraction(1, 10)}})
    EXPECT_NEAR(agreed_share(fixed_costs(c1.value(), c2.value())), c2.value(), kTheoryTolerance)
        << "c1 = " << c1.value() << ", c2 = " << c2.value();
}

TEST(RubinsteinTheory, FixedCostsEqualGivesAnSpePartition) {
  const double c = 0.1;
  const double x = agreed_share(fixed_costs(c, c));
  EXPECT_GE(x, c - kTheoryTolerance);
  EXPECT_LE(x, 1.0 + kTheoryTolerance);
  EXPECT_NEAR(x, 1.0, kTheoryTolerance) << "the documented selection";
}

// Binmore, Shaked & Sutton (1989): B may walk away for b after rejecting; x = x* if
// b <= 1 - x*, else 1 - b.
Fraction outside_option_share(Fraction d1, Fraction d2, Fraction b) {
  const Fraction x = rubinstein_share(d1, d2);
  return b <= Fraction(1) - x ? x : Fraction(1) - b;
}

double share_with_outside_option(Fraction d1, Fraction d2, Fraction b) {
  ScenarioBuilder s = split_the_pie("rubinstein", d1.value(), d2.value());
  s.party("B").reservation(b.value());
  s.walk_away();
  return agreed_share(s);
}

TEST(RubinsteinTheory, OutsideOptionThatDoesNotBind) {
  const Fraction d(9, 10), b(3, 10);
  ASSERT_TRUE(b <= Fraction(1) - rubinstein_share(d, d));
  EXPECT_NEAR(share_with_outside_option(d, d, b), outside_option_share(d, d, b).value(),
              kTheoryTolerance);
  EXPECT_NEAR(share_with_outside_option(d, d, b), 10.0 / 19.0, kTheoryTolerance);
}

TEST(RubinsteinTheory, OutsideOptionThatBinds) {
  const Fraction d(9, 10), b(3, 5);
  ASSERT_FALSE(b <= Fraction(1) - rubinstein_share(d, d));
  EXPECT_NEAR(share_with_outside_option(d, d, b), outside_option_share(d, d, b).value(),
              kTheoryTolerance);
  EXPECT_NEAR(share_with_outside_option(d, d, b), 0.4, kTheoryTolerance);
}

TEST(RubinsteinTheory, OutsideOptionAtTheThresholdAndBeyond) {
  const Fraction d1(4, 5), d2(1, 2);
  for (const Fraction b : {Fraction(1, 10), Fraction(1, 6), Fraction(1, 4), Fraction(9, 10)})
    EXPECT_NEAR(share_with_outside_option(d1, d2, b), outside_option_share(d1, d2, b).value(),
                kTheoryTolerance)
        << "b = " << b.value();
}

// Binmore, Rubinstein & Wolinsky (1986): d = 1, breakdown probability p after a rejection with
// payoffs (b1, b2): x = (1 - b2 + (1 - p) b1) / (2 - p).
Fraction breakdown_share(Fraction p, Fraction b1, Fraction b2) {
  return (Fraction(1) - b2 + (Fraction(1) - p) * b1) / (Fraction(2) - p);
}

TEST(RubinsteinTheory, BreakdownRiskMatchesBinmoreRubinsteinWolinsky) {
  const Fraction cases[][3] = {{{1, 5}, {1, 5}, {3, 10}},
                               {{1, 2}, {0, 1}, {0, 1}},
                               {{1, 10}, {1, 4}, {1, 10}},
                               {{9, 10}, {1, 10}, {2, 5}},
                               {{1, 100}, {3, 10}, {1, 5}}};
  for (const auto& [p, b1, b2] : cases) {
    ScenarioBuilder s = split_the_pie("rubinstein", 1.0, 1.0);
    s.breakdown(p.value());
    s.party("A").reservation(b1.value());
    s.party("B").reservation(b2.value());
    EXPECT_NEAR(agreed_share(s), breakdown_share(p, b1, b2).value(), kTheoryTolerance)
        << "p = " << p.value() << ", b = (" << b1.value() << ", " << b2.value() << ")";
  }
}

TEST(RubinsteinTheory, SmallBreakdownRiskApproachesTheNashSplit) {
  // As p -> 0 the split tends to the Nash solution with disagreement point b: (1 + b1 - b2) / 2.
  ScenarioBuilder s = split_the_pie("rubinstein", 1.0, 1.0);
  s.breakdown(1e-4);
  s.party("A").reservation(0.3);
  s.party("B").reservation(0.1);
  EXPECT_NEAR(agreed_share(s), (1.0 + 0.3 - 0.1) / 2.0, 1e-4);
}

TEST(RubinsteinTheory, PayoffsFollowTheEngineConvention) {
  const Simulator simulator(split_the_pie("rubinstein", 0.9, 0.9).build(), builtin_agents());
  const RunResult result = simulator.run(1);
  EXPECT_NEAR(result.tracks[0].payoff[0], 10.0 / 19.0, kTheoryTolerance);
  EXPECT_NEAR(result.tracks[0].payoff[1], 9.0 / 19.0, kTheoryTolerance);
}

TEST(RubinsteinTheory, NonLinearValueFunctionsAreInverted) {
  // B's value of A's share x is piecewise linear with a kink; with d1 = d2 = 1/2 and one more
  // period than the opener's, A must leave B exactly d2 times B's value as the last proposer.
  // T = 2: B takes everything in round 1 (its value 1), so A offers the x where v_B(x) = 1/2.
  ScenarioBuilder b("kinked pie");
  b.share("x", 0.0, 1.0, 11);
  b.party("A", "rubinstein").points("x", {{0.0, 0.0}, {1.0, 1.0}}).discount(0.5);
  b.party("B", "rubinstein").points("x", {{0.0, 1.0}, {0.4, 0.8}, {1.0, 0.0}}).discount(0.5);
  b.complete_information().deadline(2);
  // v_B(x) = 0.8 - (x - 0.4) * 0.8 / 0.6 = 1/2  ->  x = 0.4 + 0.3 * 0.6 / 0.8 = 0.625.
  EXPECT_NEAR(agreed_share(b), 0.625, kTheoryTolerance);
}

// Unit tests of the agent's answers.
TEST(RubinsteinAgent, AcceptsItsContinuationValueAndNoLess) {
  const ScenarioPtr s = split_the_pie("rubinstein", 0.9, 0.9).build();
  const auto b = test::make_standalone_agent(s, builtin_agents(), 1);
  Deal offer;
  offer.size = 1;
  offer.values[0] = 10.0 / 19.0;
  EXPECT_EQ(b->agent->respond({0, 0}, offer), Response::Accept) << "indifferent accepts";
  offer.values[0] = 10.0 / 19.0 + 1e-6;
  EXPECT_EQ(b->agent->respond({0, 0}, offer), Response::Reject);
  offer.values[0] = 0.2;
  EXPECT_EQ(b->agent->respond({0, 0}, offer), Response::Accept);
}

TEST(RubinsteinAgent, ProposesExactOffGridShares) {
  const ScenarioPtr s = split_the_pie("rubinstein", 0.9, 0.9).build();
  const auto a = test::make_standalone_agent(s, builtin_agents(), 0);
  const Deal offer = a->agent->propose({0, 0});
  EXPECT_EQ(offer.outcome, -1);
  EXPECT_EQ(offer.size, 1);
  EXPECT_NEAR(offer.values[0], 10.0 / 19.0, 1e-12);
  // B, proposing in round 1, offers A what A would get as the opener, discounted once.
  const auto b = test::make_standalone_agent(s, builtin_agents(), 1);
  EXPECT_NEAR(b->agent->propose({1, 0}).values[0], 0.9 * 10.0 / 19.0, 1e-12);
}

TEST(RubinsteinAgent, WalksAwayWhenTheOutsideOptionBeatsContinuing) {
  ScenarioBuilder builder = split_the_pie("rubinstein", 0.9, 0.9);
  builder.party("B").reservation(0.6);
  builder.walk_away();
  const auto b = test::make_standalone_agent(builder.build(), builtin_agents(), 1);
  Deal offer;
  offer.size = 1;
  offer.values[0] = 0.4;
  EXPECT_EQ(b->agent->respond({0, 0}, offer), Response::Accept);
  offer.values[0] = 0.5;
  EXPECT_EQ(b->agent->respond({0, 0}, offer), Response::WalkAway);
}

TEST(RubinsteinAgent, RejectsTheLastOfferOnlyBelowItsReservation) {
  ScenarioBuilder builder = split_the_pie("rubinstein", 0.9, 0.9);
  builder.deadline(3);
  builder.party("B").reservation(0.25);
  const auto b = test::make_standalone_agent(builder.build(), builtin_agents(), 1);
  Deal offer;
  offer.size = 1;
  offer.values[0] = 0.75;  // worth exactly B's reservation in the last round
  EXPECT_EQ(b->agent->respond({2, 3}, offer), Response::Accept);
  offer.values[0] = 0.76;
  EXPECT_EQ(b->agent->respond({2, 3}, offer), Response::Reject);
}

TEST(RubinsteinAgent, RefusesGamesItCannotSolve) {
  ScenarioBuilder incomplete = split_the_pie("rubinstein", 0.9, 0.9);
  incomplete.complete_information(false);
  EXPECT_THROW(test::make_standalone_agent(incomplete.build(), builtin_agents(), 0),
               std::invalid_argument);
  ScenarioBuilder two_issues = split_the_pie("rubinstein", 0.9, 0.9);
  two_issues.flag("f");
  EXPECT_THROW(test::make_standalone_agent(two_issues.build(), builtin_agents(), 0),
               std::invalid_argument);
}

TEST(RubinsteinAgent, IsRegisteredWithItsRequirements) {
  const AgentModel* model = builtin_agents().find("rubinstein");
  ASSERT_NE(model, nullptr);
  EXPECT_TRUE(model->requires_.complete_information);
  EXPECT_TRUE(model->requires_.single_share_issue);
  EXPECT_TRUE(model->requires_.bilateral);
  EXPECT_TRUE(model->params.empty());
  EXPECT_FALSE(model->summary.empty());
}

// The limits (Rubinstein 1982; Binmore, Rubinstein & Wolinsky 1986). Plain iteration of the
// two-round map needs about 36 / (1 - d1 d2) steps; near d = 1 it used to stop early and return a
// wrong share. The agent now solves each affine piece's fixed point (docs/agents.md).
double share_when_b_opens(ScenarioBuilder b) {
  b.opener("B");
  const Simulator simulator(b.build(), builtin_agents());
  const RunResult result = simulator.run(1);
  EXPECT_EQ(result.tracks.at(0).status, TrackStatus::Agreed);
  EXPECT_EQ(result.tracks.at(0).round, 0);
  return result.tracks.at(0).deal.values[0];
}

TEST(RubinsteinLimits, EqualDiscountsNearOneGiveHalf) {
  for (const double d : {0.99, 0.9999, 0.999999, 0.9999999}) {
    const double x = agreed_share(split_the_pie("rubinstein", d, d));
    EXPECT_NEAR(x, 1.0 / (1.0 + d), kTheoryTolerance) << "d = " << d;
  }
  // The issue's own example: d = 0.999999 gave 0.568 instead of 0.500.
  EXPECT_NEAR(agreed_share(split_the_pie("rubinstein", 0.999999, 0.999999)), 0.5, 1e-6);
}

TEST(RubinsteinLimits, UnequalDiscountsNearOneFollowTheClosedForm) {
  // d_i = exp(-r_i h) with h -> 0: x* -> r2 / (r1 + r2) (Rubinstein 1982).
  for (const double h : {1e-3, 1e-5, 1e-6}) {
    const double d1 = std::exp(-1.0 * h), d2 = std::exp(-3.0 * h);
    const double x = agreed_share(split_the_pie("rubinstein", d1, d2));
    EXPECT_NEAR(x, (1 - d2) / (1 - d1 * d2), kTheoryTolerance) << "h = " << h;
    EXPECT_NEAR(x, 0.75, 2 * h) << "h = " << h;
  }
}

TEST(RubinsteinLimits, FirstMoverAdvantageVanishesAsDiscountsTendToOne) {
  // (1 - d1)(1 - d2) / (1 - d1 d2): A's share when it opens minus its share when B opens.
  double previous = 1.0;
  for (const double d : {0.9, 0.99, 0.9999, 0.999999}) {
    const ScenarioBuilder b = split_the_pie("rubinstein", d, d);
    const double advantage = agreed_share(b) - share_when_b_opens(b);
    EXPECT_NEAR(advantage, (1 - d) * (1 - d) / (1 - d * d), kTheoryTolerance) << "d = " << d;
    EXPECT_LT(advantage, previous);
    previous = advantage;
  }
  EXPECT_LT(previous, 1e-6);
}

TEST(RubinsteinLimits, BreakdownRiskTendingToZeroGivesTheNashSplit) {
  // d = 1, breakdown p: x = (1 - b2 + (1 - p) b1) / (2 - p) -> (1 + b1 - b2) / 2 as p -> 0.
  for (const double p : {1e-3, 1e-5, 1e-7}) {
    ScenarioBuilder s = split_the_pie("rubinstein", 1.0, 1.0);
    s.breakdown(p);
    s.party("A").reservation(0.3);
    s.party("B").reservation(0.1);
    const double x = agreed_share(s);
    EXPECT_NEAR(x, (1 - 0.1 + (1 - p) * 0.3) / (2 - p), kTheoryTolerance) << "p = " << p;
    EXPECT_NEAR(x, (1.0 + 0.3 - 0.1) / 2.0, p) << "p = " << p;
    // and the opener's advantage vanishes with p
    EXPECT_NEAR(x - share_when_b_opens(s), 0.0, p) << "p = " << p;
  }
}

TEST(RubinsteinLimits, PastTheStatedToleranceTheAgentRefusesTheGame) {
  // 1 - d1 d2 = 2e-9: doubles cannot place the fixed point within 1e-9 (and the acceptance
  // tolerance would collapse it to the opener taking all): an error, not a guess.
  for (const double d : {1 - 1e-9, 1 - 1e-13}) {
    const Simulator simulator(split_the_pie("rubinstein", d, d).build(), builtin_agents());
    try {
      simulator.run(1);
      ADD_FAILURE() << "expected the agent to refuse the game, d = " << d;
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find("to within 1e-9"), std::string::npos) << e.what();
    }
  }
  // The same limit through breakdown risk alone.
  ScenarioBuilder s = split_the_pie("rubinstein", 1.0, 1.0);
  s.breakdown(1e-9);
  EXPECT_THROW(Simulator(s.build(), builtin_agents()).run(1), std::invalid_argument);
  // A deadline makes the game finite: backward induction needs no fixed point.
  ScenarioBuilder finite = split_the_pie("rubinstein", 1 - 1e-9, 1 - 1e-9);
  finite.deadline(7);
  EXPECT_NEAR(agreed_share(finite), (1 - std::pow(-(1 - 1e-9), 7)) / (2 - 1e-9), kTheoryTolerance);
}

}  // namespace
}  // namespace parley
