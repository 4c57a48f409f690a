// The Bayesian bargainer against theory.md: the risk-return trade-off of a take-it-or-leave-it
// demand under a uniform prior on the opponent's cost (derived in docs/agents.md, "bayesian"),
// Bayes' rule after a sequence of battles, and screening offers that rise after refusals.
#include "agents/bayesian.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "engine/world/private_type.hpp"
#include "engine/world/world_state.hpp"
#include "tests/support/scenario_builder.hpp"

namespace parley {
namespace {

// The Bayesian agent as party A on theory.md's pie (A values its share x, B values 1 - x),
// with a hand-made public prior over B's types.
struct Fixture {
  Fixture(int resolution, double reservation_a, std::vector<TypeView> b_types, int deadline) {
    test::ScenarioBuilder b("pie");
    b.share("x", 0.0, 1.0, resolution);
    b.party("A", "bayesian").points("x", {{0.0, 0.0}, {1.0, 1.0}}).reservation(reservation_a);
    b.party("B", "hardliner").points("x", {{0.0, 1.0}, {1.0, 0.0}});
    b.deadline(deadline);
    scenario = b.build();
    space = std::make_unique<OutcomeSpace>(*scenario, 0);
    prefs = scenario->parties[0].preferences;
    for (const ParamSpec& p : bayesian_model().params) params[p.name] = p.default_value;
    priors.parties = {{}, std::move(b_types)};
    priors.war_track = {0};
    setup.party = 0;
    setup.party_count = 2;
    setup.space = space.get();
    setup.own = &prefs;
    setup.reservation = reservation_a;
    setup.deadline_rounds = deadline;
    setup.public_preferences = {&prefs, nullptr};
    setup.public_reservation = {reservation_a, 0.0};
    setup.params = &params;
    setup.rng = &rng;
    setup.type_priors = &priors;
  }
  std::unique_ptr<BayesianAgent> agent() { return std::make_unique<BayesianAgent>(setup); }

  ScenarioPtr scenario;
  std::unique_ptr<OutcomeSpace> space;
  Preferences prefs;
  std::map<std::string, double> params;
  RandomStream rng{1, 0, 1000};
  TypePriors priors;
  WorldState world;
  AgentSetup setup;
};

TypeView type_with_reservation(double probability, double reservation) {
  TypeView v;
  v.probability = probability;
  v.reservation = {reservation};
  return v;
}

// ---------------------------------------------------------------------------------------------
// The risk-return trade-off (theory.md; Fearon 1995). A demands x; B, with private cost
// c_B ~ U[lo, hi], accepts iff x <= p + c_B. A maximises
//   f(x) = P(accept) x + (1 - P(accept)) (p - c_A),   P(accept) = (p + hi - x) / (hi - lo)
// on [p + lo, p + hi]. f'(x) = (p + hi - 2x + p - c_A) / (hi - lo) = 0 gives the closed form
//   x* = clamp(p + (hi - c_A) / 2, p + lo, p + hi)
// (docs/agents.md, "bayesian", derives it).
struct UniformCost {
  double p, cost_a, lo, hi;
  double closed_form() const { return std::clamp(p + (hi - cost_a) / 2.0, p + lo, p + hi); }
  double accept(double x) const { return std::clamp((p + hi - x) / (hi - lo), 0.0, 1.0); }
  double payoff(double x) const { return accept(x) * x + (1.0 - accept(x)) * (p - cost_a); }
};

const UniformCost kCases[] = {
    {0.5, 0.1, 0.05, 0.35},  // interior optimum
    {0.4, 0.02, 0.1, 0.5},   // interior, close to the top
    {0.6, 0.3, 0.1, 0.2},    // corner: demand what even the least resolved type accepts
    {0.3, 0.0, 0.0, 0.6},    // interior from lo = 0
};

TEST(BayesianTheory, TakeItOrLeaveItClosedFormMatchesBruteForce) {
  for (const UniformCost& c : kCases) {
    const int n = 200001;
    double best_x = 0.0, best = -1e300;
    for (int i = 0; i < n; ++i) {
      const double x = static_cast<double>(i) / (n - 1);
      if (c.payoff(x) > best) {
        best = c.payoff(x);
        best_x = x;
      }
    }
    EXPECT_NEAR(best_x, c.closed_form(), 1.0 / (n - 1)) << "p " << c.p << ", c_A " << c.cost_a;
  }
}

// One round before the deadline, the Bayesian agent's demand is the risk-return optimum for its
// (discretised) prior: exactly the brute-force optimum over the grid for that prior, and within
// the discretisation of the closed form for the uniform.
TEST(BayesianTheory, OneShotDemandIsTheRiskReturnOptimum) {
  const int resolution = 2001;
  const int types = 400;
  for (const UniformCost& c : kCases) {
    std::vector<TypeView> views;
    std::vector<double> type_reservation;
    for (int k = 0; k < types; ++k) {
      const double cost_b = c.lo + (c.hi - c.lo) * (k + 0.5) / types;  // midpoints of U[lo, hi]
      type_reservation.push_back(1.0 - c.p - cost_b);                  // B's war value
      views.push_back(type_with_reservation(1.0 / types, type_reservation.back()));
    }
    Fixture f(resolution, c.p - c.cost_a, views, 1);
    const auto agent = f.agent();
    const Deal demand = agent->propose(RoundInfo{0, 1});
    const double x = demand.values[0];

    // Brute force over the grid against the same discrete prior.
    double best_x = 0.0, best = -1e300;
    for (int i = 0; i < resolution; ++i) {
      const double y = static_cast<double>(i) / (resolution - 1);
      double accept = 0.0;
      for (const double r : type_reservation)
        if (1.0 - y >= r - 1e-12) accept += 1.0 / types;
      const double value = accept * y + (1.0 - accept) * (c.p - c.cost_a);
      if (value > best + 1e-15) {
        best = value;
        best_x = y;
      }
    }
    SCOPED_TRACE("p " + std::to_string(c.p) + ", c_A " + std::to_string(c.cost_a));
    EXPECT_NEAR(x, best_x, 1e-12);
    EXPECT_NEAR(x, c.closed_form(), (c.hi - c.lo) / types + 1.0 / (resolution - 1));
    EXPECT_NEAR(agent->screen(c.p - c.cost_a).value, c.payoff(c.closed_form()),
                (c.hi - c.lo) / types + 1.0 / (resolution - 1));
  }
}

// ---------------------------------------------------------------------------------------------
// Learning from battles: with prior pi that B is strong (wins a decisive battle with
// probability w_s, else w_w), after B wins a and loses b battles the belief is
//   pi_n = pi w_s^a (1 - w_s)^b / (pi w_s^a (1 - w_s)^b + (1 - pi) w_w^a (1 - w_w)^b),
// theory.md's one-battle rule applied battle by battle.
double one_battle(double pi, double ws, double ww, bool won) {
  const double s = won ? ws : 1.0 - ws;
  const double w = won ? ww : 1.0 - ww;
  return pi * s / (pi * s + (1.0 - pi) * w);
}

TEST(BayesianTheory, BeliefsAfterBattlesFollowBayesRule) {
  const double pi = 0.3, ws = 0.7, ww = 0.4;
  for (const bool b_is_up : {true, false}) {
    TypeView strong = type_with_reservation(pi, 0.5);
    TypeView weak = type_with_reservation(1.0 - pi, 0.3);
    // The prior states each type's chance that the battlefield's up party wins a battle.
    strong.up_win_probability = b_is_up ? ws : 1.0 - ws;
    weak.up_win_probability = b_is_up ? ww : 1.0 - ww;
    Fixture f(101, 0.4, {strong, weak}, 0);
    f.world.battlefield.present = true;
    f.world.battlefield.states = 20;
    f.world.battlefield.position = 10;
    f.world.battlefield.up_party = b_is_up ? 1 : 0;
    f.world.battlefield.down_party = b_is_up ? 0 : 1;
    f.setup.world = &f.world;
    const auto agent = f.agent();

    // Rounds of three battles: (B's wins, B's losses) per round.
    const std::vector<std::pair<int, int>> rounds = {{1, 0}, {0, 1}, {2, 1},
                                                     {1, 1}, {3, 0}, {0, 2}};
    double expected = pi;
    int wins = 0, losses = 0;
    for (std::size_t t = 0; t < rounds.size(); ++t) {
      BattlefieldState& field = f.world.battlefield;
      field.last_round = static_cast<int>(t);
      field.last_up = b_is_up ? rounds[t].first : rounds[t].second;
      field.last_down = b_is_up ? rounds[t].second : rounds[t].first;
      agent->observe_world(field);
      agent->observe_world(field);  // the same round twice counts once
      for (int k = 0; k < rounds[t].first; ++k) expected = one_battle(expected, ws, ww, true);
      for (int k = 0; k < rounds[t].second; ++k) expected = one_battle(expected, ws, ww, false);
      wins += rounds[t].first;
      losses += rounds[t].second;
      const double s = pi * std::pow(ws, wins) * std::pow(1.0 - ws, losses);
      const double w = (1.0 - pi) * std::pow(ww, wins) * std::pow(1.0 - ww, losses);
      EXPECT_NEAR(agent->belief()[0], expected, 1e-12) << "round " << t;
      EXPECT_NEAR(agent->belief()[0], s / (s + w), 1e-12) << "round " << t;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Screening (Powell 2004): each refusal rules out the types that would have accepted, so the
// uninformed side's offers rise over time until the toughest type's reservation is met.
TEST(BayesianScreening, OffersRiseAfterRefusals) {
  std::vector<TypeView> views;
  for (const double r : {0.1, 0.2, 0.3, 0.4, 0.5, 0.6})
    views.push_back(type_with_reservation(1.0 / 6, r));
  Fixture f(101, 0.2, views, 0);
  f.params["tremble"] = 0.0;
  const auto agent = f.agent();
  std::vector<double> offered;  // what each offer leaves B
  for (int round = 0; round < 12; round += 2) {
    const Deal offer = agent->propose(RoundInfo{round, 0});
    offered.push_back(1.0 - offer.values[0]);
    agent->observe(Move{round, 0, 0, Action::Offer, offer});
    agent->observe(Move{round, 0, 1, Action::Reject, offer});
  }
  for (std::size_t k = 1; k < offered.size(); ++k)
    EXPECT_GE(offered[k], offered[k - 1] - 1e-12) << "offer " << k;
  EXPECT_GT(offered.back(), offered.front() + 0.1);
  // A refusal of an offer worth u to B leaves only the types with reservation above u.
  const double first = offered.front();
  const auto fresh = f.agent();
  const Deal offer = fresh->propose(RoundInfo{0, 0});
  fresh->observe(Move{0, 0, 1, Action::Reject, offer});
  double mass_below = 0.0;
  for (std::size_t k = 0; k < views.size(); ++k)
    if (views[k].reservation[0] <= first + 1e-12) mass_below += fresh->belief()[k];
  EXPECT_EQ(mass_below, 0.0);
}

// An offer from B is evidence too: a type only proposes deals worth its reservation to it.
TEST(BayesianScreening, TheOpponentsOffersRevealItsType) {
  Fixture f(101, 0.2, {type_with_reservation(0.5, 0.3), type_with_reservation(0.5, 0.7)}, 0);
  f.params["tremble"] = 0.1;
  const auto agent = f.agent();
  Deal offer = f.space->deal(50);  // x = 0.5: worth 0.5 to B, below the tough type's 0.7
  agent->observe(Move{1, 0, 1, Action::Offer, offer});
  // Posterior of the tough type: 0.5 * 0.1 / (0.5 * 1 + 0.5 * 0.1).
  EXPECT_NEAR(agent->belief()[1], 0.05 / 0.55, 1e-12);
}

}  // namespace
}  // namespace parley
