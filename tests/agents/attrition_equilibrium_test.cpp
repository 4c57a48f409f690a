// The war of attrition's equilibrium against its closed forms (Maynard Smith 1974; Bishop &
// Cannings 1978; Fudenberg & Tirole 1991, ch. 4; Hendricks, Weiss & Wilson 1988): the quit
// probabilities, the distribution of the duration, who wins, and the expected payoffs (each
// side's equals what quitting at once is worth: the prize is dissipated in the waiting), over
// many seeds, with tolerances of four standard errors of the sampling.
#include "agents/attrition_equilibrium.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "agents/builtin_agents.hpp"
#include "engine/load/scenario_loader.hpp"
#include "engine/simulator.hpp"

namespace parley {
namespace {

// One side of the contest as a scenario writes it: on the share issue x its own claim (x = 1 for
// A, 0 for B) is worth 1 and the other's claim `lose`.
struct Side {
  double lose = 0.0;
  double reservation = 0.0;
  double cost = 0.0;
  double discount = 1.0;
  int role = 0;
};

std::string attrition_file(const Side& a, const Side& b, const std::string& tie) {
  using nlohmann::json;
  auto party = [](const std::string& id, const Side& s, json points) {
    return json{{"id", id},
                {"name", id},
                {"agent", {{"model", "attrition-equilibrium"}, {"params", {{"role", s.role}}}}},
                {"preferences",
                 {{"weights", {{"x", 1}}},
                  {"values", {{"x", {{"points", points}}}}},
                  {"reservation", s.reservation},
                  {"discount", s.discount},
                  {"cost_per_round", s.cost}}}};
  };
  const json file = {
      {"parley", 1},
      {"meta", {{"name", "war of attrition"}, {"date", "2000-01-01"}}},
      {"issues", json::array({{{"id", "x"},
                               {"kind", "share"},
                               {"label", "the prize"},
                               {"min", 0},
                               {"max", 1},
                               {"resolution", 2}}})},
      {"parties", json::array({party("A", a, json::array({{0, a.lose}, {1, 1}})),
                               party("B", b, json::array({{0, 1}, {1, b.lose}}))})},
      {"protocol",
       {{"kind", "attrition"}, {"tie", tie}, {"information", "complete"}, {"max_rounds", 100000}}}};
  return file.dump();
}

struct Sample {
  std::vector<int> rounds;
  std::vector<int> status;  // 0: A wins, 1: B wins, 2: tie broke down
  std::vector<double> payoff_a, payoff_b;
};

Sample play(const std::string& text, int runs) {
  const ScenarioPtr s = load_scenario_text(text, "attrition.json", builtin_agents());
  const Simulator sim(s, builtin_agents());
  Sample out;
  for (int run = 0; run < runs; ++run) {
    const RunResult r = sim.run(2026, static_cast<std::uint64_t>(run));
    const TrackResult& t = r.tracks[0];
    out.rounds.push_back(t.round);
    out.status.push_back(t.status == TrackStatus::Agreed ? t.proposer : 2);
    out.payoff_a.push_back(r.parties[0].utility);
    out.payoff_b.push_back(r.parties[1].utility);
  }
  return out;
}

// Mean within four standard errors (from the sample's own spread) of the closed form.
void expect_mean(const std::vector<double>& xs, double expected, const char* what) {
  double sum = 0.0, sq = 0.0;
  for (const double x : xs) sum += x;
  const double n = static_cast<double>(xs.size()), mean = sum / n;
  for (const double x : xs) sq += (x - mean) * (x - mean);
  const double se = std::sqrt(sq / (n - 1) / n);
  EXPECT_NEAR(mean, expected, 4.0 * se + 1e-12) << what;
}

// A proportion within four standard errors of the closed form's.
void expect_share(int hits, int runs, double p, const char* what) {
  EXPECT_NEAR(hits / static_cast<double>(runs), p, 4.0 * std::sqrt(p * (1.0 - p) / runs) + 1e-12)
      << what;
}

// Stationary case (discount 1): A quits with q_a, B with q_b each round, independently.
void expect_stationary(const Sample& s, double q_a, double q_b) {
  const int runs = static_cast<int>(s.rounds.size());
  const double end = 1.0 - (1.0 - q_a) * (1.0 - q_b);
  // The duration is geometric: P(round t) = (1 - end)^t end, mean (1 - end) / end.
  std::vector<double> rounds(s.rounds.begin(), s.rounds.end());
  expect_mean(rounds, (1.0 - end) / end, "mean duration");
  for (int t = 0; t < 5; ++t) {
    int hits = 0;
    for (const int r : s.rounds) hits += r == t;
    expect_share(hits, runs, std::pow(1.0 - end, t) * end, "P(duration = t)");
  }
  int a_wins = 0, ties = 0;
  for (const int st : s.status) {
    a_wins += st == 0;
    ties += st == 2;
  }
  expect_share(a_wins, runs, q_b * (1.0 - q_a) / end, "P(A wins)");
  expect_share(ties, runs, q_a * q_b / end, "P(both quit at once)");
}

constexpr int kRuns = 20000;

// Maynard Smith's symmetric war of attrition, in rounds: prize V = 1, cost c per round. Each
// quits with q = c / (V + c), so its expected payoff is 0, what quitting at once is worth.
TEST(AttritionTheory, SymmetricMixedEquilibrium) {
  const Side side{0.0, 0.0, 0.05, 1.0, 0};
  const Sample s = play(attrition_file(side, side, "none"), kRuns);
  const double q = 0.05 / 1.05;
  expect_stationary(s, q, q);
  expect_mean(s.payoff_a, 0.0, "A's expected payoff");
  expect_mean(s.payoff_b, 0.0, "B's expected payoff");
}

// Complete information, asymmetric: each side's hazard leaves the *other* indifferent,
// q_A = c_B / (V_B + c_B) and q_B = c_A / (V_A + c_A) (Hendricks, Weiss & Wilson 1988): the side
// with the costlier waiting makes its rival quit faster. Each expects its losing value.
TEST(AttritionTheory, AsymmetricMixedEquilibrium) {
  const Side a{0.2, 0.2, 0.02, 1.0, 0};  // V_A = 0.8
  const Side b{0.0, 0.0, 0.1, 1.0, 0};   // V_B = 1
  const Sample s = play(attrition_file(a, b, "none"), kRuns);
  expect_stationary(s, 0.1 / 1.1, 0.02 / 0.82);
  expect_mean(s.payoff_a, 0.2, "A's expected payoff");
  expect_mean(s.payoff_b, 0.0, "B's expected payoff");
}

// The tie rule "coin": a tie is worth (W + L)/2, and q solves q^2 (T - L) + q (L - W - c) + c = 0.
// The test finds q by bisection of the indifference condition itself.
TEST(AttritionTheory, CoinTieMixedEquilibrium) {
  const Side side{0.0, 0.0, 0.05, 1.0, 0};
  const Sample s = play(attrition_file(side, side, "coin"), kRuns);
  // Indifference of the other: quitting now, q T + (1 - q) L, equals staying a round then
  // quitting, q W + (1 - q)(q T + (1 - q) L - c). W = 1, L = 0, T = 1/2, c = 0.05.
  auto gap = [](double q) {
    const double quit = 0.5 * q;
    return q * 1.0 + (1.0 - q) * (quit - 0.05) - quit;
  };
  double lo = 1e-9, hi = 1.0;
  for (int i = 0; i < 200; ++i) (gap(0.5 * (lo + hi)) > 0.0 ? hi : lo) = 0.5 * (lo + hi);
  const double q = 0.5 * (lo + hi);
  EXPECT_NEAR(attrition_quit_probability({1.0, 0.0, 0.5, 0.05, 1.0}, 0), q, 1e-12);
  const int runs = static_cast<int>(s.rounds.size());
  const double end = 1.0 - (1.0 - q) * (1.0 - q);
  std::vector<double> rounds(s.rounds.begin(), s.rounds.end());
  expect_mean(rounds, (1.0 - end) / end, "mean duration");
  int a_wins = 0;
  for (const int st : s.status) a_wins += st == 0;
  expect_share(a_wins, runs, 0.5, "P(A wins)");
  expect_mean(s.payoff_a, 0.5 * q, "A's expected payoff: quitting at once");
}

// Discounting (d < 1) with a tie worth the losing value: the quit chance of round t,
// q_t = (d^t L (1 - d) + c) / (d^t (W - d L) + c), rises toward 1; each side still expects what
// quitting at once is worth, L.
TEST(AttritionTheory, DiscountedMixedEquilibrium) {
  const Side side{0.2, 0.2, 0.01, 0.95, 0};
  const Sample s = play(attrition_file(side, side, "none"), kRuns);
  const double q0 = (0.2 * 0.05 + 0.01) / ((1.0 - 0.95 * 0.2) + 0.01);
  EXPECT_NEAR(attrition_quit_probability({1.0, 0.2, 0.2, 0.01, 0.95}, 0), q0, 1e-15);
  int first = 0;
  for (const int r : s.rounds) first += r == 0;
  expect_share(first, kRuns, 1.0 - (1.0 - q0) * (1.0 - q0), "P(ends in round 0)");
  expect_mean(s.payoff_a, 0.2, "A's expected payoff");
  expect_mean(s.payoff_b, 0.2, "B's expected payoff");
  // Impatience makes quitting ever likelier.
  EXPECT_LT(attrition_quit_probability({1.0, 0.2, 0.2, 0.01, 0.95}, 10),
            attrition_quit_probability({1.0, 0.2, 0.2, 0.01, 0.95}, 11));
}

// In continuous time the symmetric equilibrium quits at the constant hazard rate c / V
// (Maynard Smith 1974; Bishop & Cannings 1978): rounds of length h cost c h, and q(h) / h -> c/V.
TEST(AttritionTheory, HazardRateTendsToCostOverValue) {
  for (const double value : {1.0, 0.4}) {
    for (const double cost : {0.05, 0.3}) {
      double previous = 1.0;
      for (const double h : {1e-1, 1e-3, 1e-6}) {
        const double rate = attrition_quit_probability({value, 0.0, 0.0, cost * h, 1.0}, 0) / h;
        const double error = std::abs(rate - cost / value);
        EXPECT_LT(error, previous);
        previous = error;
      }
      EXPECT_NEAR(previous, 0.0, 1e-5 * cost / value);
    }
  }
}

// The pure equilibria of the complete-information game: one side never quits, the other quits
// at once (Fudenberg & Tirole 1991, ch. 4): the contest ends in round 0, without cost.
TEST(AttritionTheory, PureEquilibriumEndsAtOnce) {
  const Side stayer{0.0, 0.0, 0.05, 1.0, 1};
  const Side yielder{0.0, 0.0, 0.05, 1.0, 2};
  const Sample s = play(attrition_file(stayer, yielder, "none"), 50);
  for (std::size_t k = 0; k < s.rounds.size(); ++k) {
    EXPECT_EQ(s.rounds[k], 0);
    EXPECT_EQ(s.status[k], 0);
    EXPECT_DOUBLE_EQ(s.payoff_a[k], 1.0);
  }
}

// The documented example (tests/data/attrition/war-of-attrition.json): a flag for a prize, A's
// hazard set by B's cost and B's by A's.
TEST(AttritionEquilibrium, TheExampleFilePlaysTheAsymmetricEquilibrium) {
  const ScenarioPtr s =
      load_scenario(std::string(PARLEY_SOURCE_DIR) + "/tests/data/attrition/war-of-attrition.json",
                    builtin_agents());
  const Simulator sim(s, builtin_agents());
  const int runs = 20000;
  int a_wins = 0, ties = 0;
  std::vector<double> rounds;
  for (int run = 0; run < runs; ++run) {
    const RunResult r = sim.run(1, static_cast<std::uint64_t>(run));
    a_wins += r.tracks[0].status == TrackStatus::Agreed && r.tracks[0].proposer == 0;
    ties += r.tracks[0].status == TrackStatus::Breakdown;
    rounds.push_back(r.tracks[0].round);
  }
  const double q_a = 0.05 / 1.05, q_b = 0.02 / 1.02;
  const double end = 1.0 - (1.0 - q_a) * (1.0 - q_b);
  expect_mean(rounds, (1.0 - end) / end, "mean duration");
  expect_share(a_wins, runs, q_b * (1.0 - q_a) / end, "P(A wins)");
  expect_share(ties, runs, q_a * q_b / end, "P(both withdraw at once)");
}

TEST(AttritionEquilibrium, RefusesDiscountingWithATieWorthMoreThanLosing) {
  EXPECT_THROW(attrition_quit_probability({1.0, 0.0, 0.5, 0.01, 0.9}, 0), std::invalid_argument);
  const Side side{0.0, 0.0, 0.05, 0.9, 0};
  const ScenarioPtr s =
      load_scenario_text(attrition_file(side, side, "coin"), "coin.json", builtin_agents());
  EXPECT_THROW(Simulator(s, builtin_agents()).run(1), std::invalid_argument);
}

TEST(AttritionEquilibrium, LoaderNeedsTheAttritionProtocol) {
  const Side side{0.0, 0.0, 0.05, 1.0, 0};
  std::string text = attrition_file(side, side, "none");
  for (const std::string cut : {"\"kind\":\"attrition\",", ",\"tie\":\"none\""})
    text.replace(text.find(cut), cut.size(), "");
  try {
    load_scenario_text(text, "bad.json", builtin_agents());
    FAIL() << "loaded";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("only the war of attrition"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace parley
