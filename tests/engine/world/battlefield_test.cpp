// The battlefield against theory.md's gambler's ruin: the absorbing-chain solver reproduces the
// closed forms exactly, a brute-force propagation of the round distribution reproduces the
// discounted and multi-battle values, and simulated walks agree within four standard errors.
#include "engine/world/battlefield.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace parley {
namespace {

BattlefieldState field(int n, int k, double q, double d = 1.0, int m = 1) {
  BattlefieldState f;
  f.present = true;
  f.states = n;
  f.position = k;
  f.win_probability = q;
  f.decisive_probability = d;
  f.battles_per_round = m;
  f.fighting = true;
  return f;
}

// theory.md: h(k) = (1 - rho^k) / (1 - rho^N), rho = (1-q)/q; k/N at q = 1/2. Expected battles
// k/(1-2q) - N/(1-2q) h(k); k(N-k) at q = 1/2. Written out here, independently of the engine.
double h_closed(int k, int n, double q) {
  if (q == 0.5) return double(k) / n;
  const double rho = (1 - q) / q;
  return (1 - std::pow(rho, k)) / (1 - std::pow(rho, n));
}
double duration_closed(int k, int n, double q) {
  if (q == 0.5) return double(k) * (n - k);
  return k / (1 - 2 * q) - n / (1 - 2 * q) * h_closed(k, n, q);
}

TEST(Battlefield, ClosedFormsMatchTheory) {
  for (const double q : {0.3, 0.5, 0.6}) {
    for (int k = 0; k <= 10; ++k) {
      EXPECT_DOUBLE_EQ(gamblers_ruin_win_probability(k, 10, q), h_closed(k, 10, q));
      EXPECT_NEAR(gamblers_ruin_expected_battles(k, 10, q), duration_closed(k, 10, q), 1e-12);
    }
  }
  EXPECT_DOUBLE_EQ(gamblers_ruin_win_probability(3, 10, 0.5), 0.3);
  EXPECT_DOUBLE_EQ(gamblers_ruin_expected_battles(3, 10, 0.5), 21.0);
}

TEST(Battlefield, SolverReproducesGamblersRuinExactly) {
  std::vector<double> scratch;
  BattlefieldSolution sol;
  for (const double q : {0.25, 0.45, 0.5, 0.55, 0.8}) {
    for (const int n : {2, 5, 12, 40}) {
      solve_battlefield(field(n, 1, q), 1.0, sol, scratch);
      ASSERT_EQ(sol.up.size(), static_cast<std::size_t>(n + 1));
      for (int k = 0; k <= n; ++k) {
        const double h = h_closed(k, n, q);
        EXPECT_NEAR(sol.up[k], h, 1e-12) << "q " << q << " n " << n << " k " << k;
        EXPECT_NEAR(sol.down[k], 1 - h, 1e-12);
        const double t = duration_closed(k, n, q);
        EXPECT_NEAR(sol.duration[k], t, 1e-10 * std::max(1.0, t)) << "q " << q << " k " << k;
      }
    }
  }
}

// With decisive probability d each round moves the front with probability d: the win
// probability is unchanged and every expected duration is divided by d.
TEST(Battlefield, IndecisiveBattlesStretchDurationByOneOverD) {
  std::vector<double> scratch;
  BattlefieldSolution sol;
  solve_battlefield(field(9, 4, 0.6, 0.25), 1.0, sol, scratch);
  for (int k = 0; k <= 9; ++k) {
    EXPECT_NEAR(sol.up[k], h_closed(k, 9, 0.6), 1e-12);
    EXPECT_NEAR(sol.duration[k], duration_closed(k, 9, 0.6) / 0.25, 1e-9);
  }
}

// Brute force, independent of the linear solve: propagate the distribution over states round
// by round with the per-round kernel and sum discounted absorption mass and survival.
BattlefieldSolution propagate(const BattlefieldState& f, double delta, int rounds) {
  std::vector<double> kernel;
  battlefield_kernel(f, kernel);
  const int n = f.states, m = f.battles_per_round, width = 2 * m + 1;
  BattlefieldSolution out;
  out.up.assign(n + 1, 0.0);
  out.down.assign(n + 1, 0.0);
  out.duration.assign(n + 1, 0.0);
  for (int start = 0; start <= n; ++start) {
    if (start == 0 || start == n) {
      out.up[start] = start == n;
      out.down[start] = start == 0;
      continue;
    }
    std::vector<double> dist(n + 1, 0.0), next(n + 1);
    dist[start] = 1.0;
    double weight = 1.0;  // delta^(t)
    for (int t = 0; t < rounds; ++t) {
      double alive = 0.0;
      for (int k = 1; k < n; ++k) alive += dist[k];
      out.duration[start] += weight * alive;
      std::fill(next.begin(), next.end(), 0.0);
      for (int k = 1; k < n; ++k)
        for (int j = -m; j <= m; ++j)
          if (k + j >= 0 && k + j <= n) next[k + j] += dist[k] * kernel[k * width + j + m];
      out.up[start] += weight * next[n];
      out.down[start] += weight * next[0];
      next[0] = next[n] = 0.0;
      dist.swap(next);
      weight *= delta;
    }
  }
  return out;
}

TEST(Battlefield, SolverMatchesBruteForceWithDiscountAndSeveralBattles) {
  std::vector<double> scratch;
  BattlefieldSolution sol;
  for (const int m : {1, 3}) {
    for (const double delta : {1.0, 0.9}) {
      const BattlefieldState f = field(8, 1, 0.45, 0.7, m);
      solve_battlefield(f, delta, sol, scratch);
      const BattlefieldSolution brute = propagate(f, delta, 5000);
      for (int k = 0; k <= 8; ++k) {
        EXPECT_NEAR(sol.up[k], brute.up[k], 1e-10) << "m " << m << " delta " << delta;
        EXPECT_NEAR(sol.down[k], brute.down[k], 1e-10);
        EXPECT_NEAR(sol.duration[k], brute.duration[k], 1e-8);
      }
    }
  }
}

TEST(Battlefield, KernelRowsAreDistributions) {
  std::vector<double> kernel;
  const BattlefieldState f = field(6, 3, 0.6, 0.8, 4);
  battlefield_kernel(f, kernel);
  for (int k = 0; k <= 6; ++k) {
    double sum = 0.0;
    for (int j = 0; j < 9; ++j) sum += kernel[k * 9 + j];
    EXPECT_NEAR(sum, 1.0, 1e-14);
  }
  EXPECT_DOUBLE_EQ(kernel[0 * 9 + 4], 1.0);  // absorbing
  EXPECT_DOUBLE_EQ(kernel[6 * 9 + 4], 1.0);
}

struct MonteCarlo {
  double wins = 0, rounds = 0, rounds_sq = 0;
  int runs = 0;
};

MonteCarlo simulate(const BattlefieldState& start, int runs) {
  MonteCarlo mc;
  mc.runs = runs;
  for (int r = 0; r < runs; ++r) {
    RandomStream rng(2024, static_cast<std::uint64_t>(r), 4);
    BattlefieldState f = start;
    f.up_party = 0;
    f.down_party = 1;
    int round = 0;
    while (f.fighting) fight_round(f, round++, rng);
    EXPECT_EQ(f.rounds_fought, round);
    EXPECT_EQ(f.end_round, round - 1);
    mc.wins += f.victor == 0;
    mc.rounds += round;
    mc.rounds_sq += double(round) * round;
  }
  return mc;
}

void expect_within_four_se(const MonteCarlo& mc, double h, double duration) {
  const double n = mc.runs;
  const double p = mc.wins / n;
  EXPECT_LE(std::abs(p - h), 4 * std::sqrt(h * (1 - h) / n)) << "win probability " << p;
  const double mean = mc.rounds / n;
  const double sd = std::sqrt(mc.rounds_sq / n - mean * mean);
  EXPECT_LE(std::abs(mean - duration), 4 * sd / std::sqrt(n)) << "duration " << mean;
}

TEST(Battlefield, SimulatedWalksAgreeWithGamblersRuin) {
  expect_within_four_se(simulate(field(10, 4, 0.55), 20000), h_closed(4, 10, 0.55),
                        duration_closed(4, 10, 0.55));
  expect_within_four_se(simulate(field(10, 3, 0.5), 20000), 0.3, 21.0);
}

TEST(Battlefield, SimulatedMultiBattleRoundsAgreeWithTheSolver) {
  const BattlefieldState f = field(12, 5, 0.45, 0.6, 3);
  std::vector<double> scratch;
  BattlefieldSolution sol;
  solve_battlefield(f, 1.0, sol, scratch);
  expect_within_four_se(simulate(f, 20000), sol.up[5], sol.duration[5]);
}

}  // namespace
}  // namespace parley
