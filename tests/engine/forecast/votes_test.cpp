#include "engine/forecast/votes.hpp"

#include <gtest/gtest.h>

#include <random>

namespace parley::forecast {
namespace {

// Three actors on a scale of width 1, worked by hand:
//   A at 0, weight 1;  B at 0.5, weight 1;  C at 1, weight 0.5.
const std::vector<double> kX{0.0, 0.5, 1.0};
const std::vector<double> kW{1.0, 1.0, 0.5};

TEST(ForecastVotes, VoteIsTheWeightedDifferenceOfDistances) {
  // A votes for itself over C with its whole weight: 1 x (|0-1| - |0-0|) = 1.
  EXPECT_DOUBLE_EQ(vote(1.0, 0.0, 0.0, 1.0, 1.0), 1.0);
  // B sits half way: indifferent.
  EXPECT_DOUBLE_EQ(vote(1.0, 0.5, 0.0, 1.0, 1.0), 0.0);
  // C votes against A: 0.5 x (0 - 1).
  EXPECT_DOUBLE_EQ(vote(0.5, 1.0, 0.0, 1.0, 1.0), -0.5);
  // Distances are shares of the width.
  EXPECT_DOUBLE_EQ(vote(1.0, 0.0, 0.0, 1.0, 4.0), 0.25);
}

TEST(ForecastVotes, PairwiseWinProbabilitiesOfThreeActorsByHand) {
  const Eigen::MatrixXd p = win_probabilities(kX, kW, 1.0, WinProbability::kPair);
  // A v C: for A 1 (A), 0 (B), against 0.5 (C): 1 / 1.5.
  EXPECT_NEAR(p(0, 2), 2.0 / 3.0, 1e-15);
  EXPECT_NEAR(p(2, 0), 1.0 / 3.0, 1e-15);
  // A v B: for A 0.5 (A); for B 0.5 (B) + 0.25 (C): 0.5 / 1.25.
  EXPECT_NEAR(p(0, 1), 0.4, 1e-15);
  // B v C: for B 0.5 (A) + 0.5 (B); for C 0.25: 1 / 1.25.
  EXPECT_NEAR(p(1, 2), 0.8, 1e-15);
  EXPECT_DOUBLE_EQ(p(1, 1), 0.5);
}

TEST(ForecastVotes, AllVotesRuleDividesByEveryPairsVotes) {
  // |votes| per pair: A v B 1.25, A v C 1.5, B v C 1.25; both orders: 8.
  const Eigen::MatrixXd p = win_probabilities(kX, kW, 1.0, WinProbability::kAllVotes);
  EXPECT_NEAR(p(0, 2), 1.0 / 8.0, 1e-15);
  EXPECT_NEAR(p(1, 2), 1.0 / 8.0, 1e-15);
  EXPECT_NEAR(p(2, 0), 0.5 / 8.0, 1e-15);
}

TEST(ForecastVotes, MedianVoterPositionOfThreeActorsByHand) {
  // Weighted distances: from 0: 0.5 + 0.5 = 1; from 0.5: 0.5 + 0.25 = 0.75; from 1: 1.5.
  EXPECT_DOUBLE_EQ(median_voter_position(kX, kW, 1.0), 0.5);
  // A heavy actor at 1 pulls the median there.
  EXPECT_DOUBLE_EQ(median_voter_position(kX, {1.0, 1.0, 5.0}, 1.0), 1.0);
}

// The prefix-sum tally against the definition, summing every voter, on random actors.
TEST(ForecastVotes, TallyAgreesWithTheDefinition) {
  std::mt19937_64 gen(7);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (int trial = 0; trial < 20; ++trial) {
    const int n = 2 + trial;
    std::vector<double> x(n), w(n);
    for (int k = 0; k < n; ++k) {
      // Some positions repeat, as in real actor tables.
      x[k] = trial % 3 == 0 ? std::floor(u(gen) * 5) * 2 : u(gen) * 10;
      w[k] = u(gen);
    }
    const double width = 10.0;
    const Eigen::MatrixXd p = win_probabilities(x, w, width, WinProbability::kPair);
    double best_score = -1e300, best = 0;
    std::vector<double> sorted = x;
    std::sort(sorted.begin(), sorted.end());
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j) {
        if (i == j || x[i] == x[j]) continue;
        double pro = 0, con = 0;
        for (int k = 0; k < n; ++k) {
          const double v = vote(w[k], x[k], x[i], x[j], width);
          (v > 0 ? pro : con) += std::abs(v);
        }
        EXPECT_NEAR(p(i, j), pro / (pro + con), 1e-12) << "trial " << trial;
      }
    for (double cand : sorted) {
      double score = 0;
      for (int i = 0; i < n; ++i)
        for (int k = 0; k < n; ++k) score += vote(w[k], x[k], cand, x[i], width);
      if (score > best_score + 1e-12) {
        best_score = score;
        best = cand;
      }
    }
    EXPECT_DOUBLE_EQ(median_voter_position(x, w, width), best) << "trial " << trial;
  }
}

}  // namespace
}  // namespace parley::forecast
