// Bargaining while fighting against two private types (Powell 2004, "Bargaining and learning
// while fighting"; the two-type solution of one-sided offers, Fudenberg, Levine & Tirole 1985):
// the screening plan against its closed forms, and the engine's runs against the plan's path
// (the offers of each round, the chance of settling in each round, A's expected payoff) over
// many seeds, with tolerances of four standard errors.
#include "agents/screening_equilibrium.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "agents/builtin_agents.hpp"
#include "engine/load/scenario_loader.hpp"
#include "engine/run_state.hpp"
#include "engine/simulator.hpp"
#include "tests/support/recording_trace.hpp"

namespace parley {
namespace {

// tests/data/world/screening-two-types.json: one decisive battle a round with chance 0.2, a coin
// flip; war costs A 0.02 a round, B 0.01 (strong) or 0.06 (weak); no discounting. A round of war
// is worth d (1 - q) - c to B and the war goes on with 1 - d = beta, so B's value of fighting on
// is R = (0.1 - c) / 0.2: 0.45 strong, 0.2 weak; A's is 0.4.
constexpr double kStrong = 0.45, kWeak = 0.2, kWarA = 0.4, kBeta = 0.8;

std::string file_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string scenario_with_prior(double weak) {
  std::string text =
      file_text(std::string(PARLEY_SOURCE_DIR) + "/tests/data/world/screening-two-types.json");
  auto set = [&text](const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    if (at == std::string::npos) throw std::runtime_error("no " + from);
    text.replace(at, from.size(), to);
  };
  set("\"probability\": 0.2,", "\"probability\": " + std::to_string(1.0 - weak) + ",");
  set("\"probability\": 0.8,", "\"probability\": " + std::to_string(weak) + ",");
  return text;
}

ScreeningGame linear_game() {
  ScreeningGame g;
  g.strong = kStrong;
  g.weak = kWeak;
  g.weak_continuation = kBeta;
  g.uninformed = kWarA;
  g.uninformed_continuation = kBeta;
  g.uninformed_value = [](double y) { return 1.0 - y; };
  return g;
}

// A's value of the k-offer plan from belief mu, summed along its path: round j (j = 0..k) is
// reached with the mass still fighting times beta^j; in it the weak mass w_j settles at y_(k-j)
// (all the rest at y_0 = R_s in round k); each refusal pays A a round of war, V_A (1 - beta).
double path_value(int k, double mu, const std::vector<double>& offer,
                  const std::vector<double>& cutoff) {
  double value = 0.0, fighting = 1.0, reach = 1.0, belief = mu;
  for (int j = 0; j <= k; ++j) {
    const int left = k - j;
    double settles;
    if (left == 0) {
      settles = fighting;
    } else {
      const double m = cutoff[static_cast<std::size_t>(left - 1)];
      settles = fighting * (belief - m) / (1.0 - m);  // weak mass, as a share of all
      belief = m;
    }
    value += reach * settles * (1.0 - offer[static_cast<std::size_t>(left)]);
    fighting -= settles;
    if (left > 0) value += reach * fighting * kWarA * (1.0 - kBeta);
    reach *= kBeta;
  }
  return value;
}

TEST(ScreeningTheory, OffersRiseTowardTheStrongTypesValue) {
  const ScreeningPlan plan = solve_screening(linear_game());
  ASSERT_GE(plan.offer.size(), 4u);
  // y_k = R_w + beta^k (R_s - R_w): the weak type is indifferent between y_k and fighting a round
  // for y_(k-1), so the earliest offers are the meanest and they rise to R_s.
  for (std::size_t k = 0; k < plan.offer.size(); ++k)
    EXPECT_NEAR(plan.offer[k], kWeak + std::pow(kBeta, static_cast<double>(k)) * (kStrong - kWeak),
                1e-12);
}

TEST(ScreeningTheory, CutOffsMatchTheTwoTypeSolution) {
  const ScreeningPlan plan = solve_screening(linear_game());
  // The first cut-off, where pooling on R_s and one screening offer pay A the same:
  // mu*_1 = S / (S + (1 - beta_w)(R_s - R_w)), S = (1 - beta_A)(1 - R_s - V_A).
  const double surplus = (1.0 - kBeta) * (1.0 - kStrong - kWarA);
  EXPECT_NEAR(plan.cutoff[1], surplus / (surplus + (1.0 - kBeta) * (kStrong - kWeak)), 1e-12);
  EXPECT_NEAR(plan.cutoff[1], 0.375, 1e-12);
  // Every later cut-off is where the k-offer plan and the (k-1)-offer plan, valued along their
  // paths, pay the same; between cut-offs the plan A plays is the best of all plans. Near 1 the
  // cut-offs crowd together and both computations divide by 1 - mu*: the tolerance grows with
  // 1 / (1 - mu*)^2.
  for (std::size_t k = 2; k + 1 < plan.cutoff.size(); ++k) {
    const double mu = plan.cutoff[k];
    EXPECT_NEAR(path_value(static_cast<int>(k), mu, plan.offer, plan.cutoff),
                path_value(static_cast<int>(k) - 1, mu, plan.offer, plan.cutoff),
                1e-11 / ((1.0 - mu) * (1.0 - mu)))
        << "cut-off " << k << " at " << mu;
    EXPECT_GT(plan.cutoff[k], plan.cutoff[k - 1]);
  }
  for (double mu = 0.01; mu < 1.0; mu += 0.01) {
    const int k = plan.steps(mu);
    const double chosen = path_value(k, mu, plan.offer, plan.cutoff);
    EXPECT_NEAR(plan.value(mu), chosen, 1e-12);
    for (int other = 0; other < static_cast<int>(plan.offer.size()); ++other)
      if (plan.cutoff[static_cast<std::size_t>(std::max(other - 1, 0))] <= mu || other == 0) {
        EXPECT_GE(chosen, path_value(other, mu, plan.offer, plan.cutoff) - 1e-12)
            << "mu " << mu << ", plan " << k << " vs " << other;
      }
  }
}

struct Paths {
  std::vector<int> agreed_round;            // -1: not agreed (the war was won)
  std::vector<int> strong;                  // the drawn type
  std::vector<double> net_a;                // A's payoff net of its war costs
  std::vector<std::vector<double>> offers;  // B's utility of A's offer, per round
};

Paths play(const std::string& text, int runs) {
  const ScenarioPtr s = load_scenario_text(text, "screening.json", builtin_agents());
  const Simulator sim(s, builtin_agents());
  Paths out;
  for (int run = 0; run < runs; ++run) {
    RunState state = sim.baseline();
    test::RecordingTrace trace;
    const RunResult r = sim.run(2004, static_cast<std::uint64_t>(run), state, &trace);
    const TrackResult& t = r.tracks[0];
    out.agreed_round.push_back(t.status == TrackStatus::Agreed ? t.round : -1);
    out.strong.push_back(state.drawn_types[1] == 0);
    out.net_a.push_back(r.parties[0].utility - r.parties[0].war_cost_utility);
    std::vector<double> offers;
    for (const Move& m : trace.offers(0)) offers.push_back(1.0 - m.deal.values[0]);
    out.offers.push_back(std::move(offers));
  }
  return out;
}

void expect_share(int hits, int runs, double p, const std::string& what) {
  EXPECT_NEAR(hits / static_cast<double>(runs), p, 4.0 * std::sqrt(p * (1.0 - p) / runs) + 1e-12)
      << what;
}

// Prior 0.8 that B is weak lies between the cut-offs 0.643 and 0.828: A screens with two offers,
// y_2 = 0.36 then y_1 = 0.40, then pools on R_s = 0.45. The weak type settles in round 0 with the
// chance that leaves A's posterior at 0.375 (a mass 0.68 of all Bs), then with the chance that
// leaves it at 0 (0.375 of those still fighting); the war, if it goes on (0.8 a round), ends with
// the strong type settling on R_s in round 2.
TEST(ScreeningTheory, RunsFollowTheScreeningPath) {
  const ScreeningPlan plan = solve_screening(linear_game());
  const double prior = 0.8;
  ASSERT_EQ(plan.steps(prior), 2);
  const int runs = 20000;
  const Paths p = play(scenario_with_prior(prior), runs);
  const double settle[3] = {(prior - 0.375) / (1.0 - 0.375), 0.375, 1.0};
  double reach = 1.0;
  for (int t = 0; t < 3; ++t) {
    int hits = 0;
    for (const int r : p.agreed_round) hits += r == t;
    expect_share(hits, runs, reach * settle[t], "P(settle in round " + std::to_string(t) + ")");
    reach *= (1.0 - settle[t]) * kBeta;
  }
  for (int k = 0; k < runs; ++k) {
    const auto& offers = p.offers[static_cast<std::size_t>(k)];
    for (std::size_t t = 0; t < offers.size(); ++t)
      ASSERT_NEAR(offers[t], plan.offer[2 - std::min<std::size_t>(t, 2)], 1e-9) << "round " << t;
    // The strong type settles only on the pooling offer.
    if (p.strong[static_cast<std::size_t>(k)] && p.agreed_round[static_cast<std::size_t>(k)] >= 0) {
      EXPECT_EQ(p.agreed_round[static_cast<std::size_t>(k)], 2);
    }
  }
  // A's expected payoff, net of the war's costs, is the plan's value.
  double sum = 0.0, sq = 0.0;
  for (const double x : p.net_a) sum += x;
  const double mean = sum / runs;
  for (const double x : p.net_a) sq += (x - mean) * (x - mean);
  EXPECT_NEAR(mean, plan.value(prior), 4.0 * std::sqrt(sq / (runs - 1) / runs));
  EXPECT_NEAR(plan.value(prior), path_value(2, prior, plan.offer, plan.cutoff), 1e-12);
}

// Below the first cut-off A does not screen: it offers the strong type's value at once and
// both types settle in round 0.
TEST(ScreeningTheory, BelowTheCutOffBothTypesSettleAtOnce) {
  const Paths p = play(scenario_with_prior(0.3), 500);
  for (std::size_t k = 0; k < p.agreed_round.size(); ++k) {
    EXPECT_EQ(p.agreed_round[k], 0);
    EXPECT_NEAR(p.offers[k][0], kStrong, 1e-9);
  }
}

TEST(ScreeningTheory, WeakAcceptanceLeavesThePosteriorAtTheCutOff) {
  const ScreeningPlan plan = solve_screening(linear_game());
  // After the first offer is refused: mu (1 - rho) / (mu (1 - rho) + 1 - mu) = mu*_1.
  const double mu = 0.8, rho = plan.weak_acceptance(2, mu);
  EXPECT_NEAR(mu * (1.0 - rho) / (mu * (1.0 - rho) + 1.0 - mu), plan.cutoff[1], 1e-12);
  const double mu1 = plan.cutoff[1], rho1 = plan.weak_acceptance(1, mu1);
  EXPECT_NEAR(rho1, 1.0, 1e-12);  // with one screening offer left the weak type settles for sure
}

TEST(ScreeningEquilibrium, RefusesOffersInTurns) {
  std::string text = scenario_with_prior(0.8);
  const std::string from = "\"proposer\": \"opener\", ";
  text.replace(text.find(from), from.size(), "");
  try {
    load_scenario_text(text, "turns.json", builtin_agents());
    FAIL() << "loaded";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("needs the opener to make every offer"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace parley
