#include "engine/forecast/forecast_round.hpp"

#include <gtest/gtest.h>

namespace parley::forecast {
namespace {

TEST(ForecastRound, AnswersFollowTheQuadrants) {
  // Conflict: both expect to gain, the sender more: the receiver moves to the sender.
  Offer o = answer_challenge(0.0, 1.0, 0.2, 0.5);
  EXPECT_EQ(o.kind, OfferKind::kConflict);
  EXPECT_DOUBLE_EQ(o.position, 1.0);
  // The receiver expects more: it prevails and stays.
  EXPECT_EQ(answer_challenge(0.0, 1.0, 0.6, 0.5).kind, OfferKind::kNone);
  // Compromise: the receiver's loss (0.25) is below the sender's gain (1): move a quarter.
  o = answer_challenge(0.0, 1.0, -0.25, 1.0);
  EXPECT_EQ(o.kind, OfferKind::kCompromise);
  EXPECT_DOUBLE_EQ(o.position, 0.25);
  o = answer_challenge(2.0, 0.0, -0.5, 2.0);
  EXPECT_DOUBLE_EQ(o.position, 1.5);
  // Capitulation: the loss is larger than the gain: move all the way.
  o = answer_challenge(0.0, 1.0, -2.0, 1.0);
  EXPECT_EQ(o.kind, OfferKind::kCapitulation);
  EXPECT_DOUBLE_EQ(o.position, 1.0);
  // No challenge without a gain for the sender.
  EXPECT_EQ(answer_challenge(0.0, 1.0, -2.0, -0.1).kind, OfferKind::kNone);
}

// The three actors of votes_test with fixed exponents 1, worked by hand. EU(i, j) with Q = 1
// (U_sq = 0, U_s = 2 d, U_f = -2 d):
//   A->B: d 0.5, P 0.4, s_B 0.5:  0.5 (0.4 - 0.6) + 0.5 = 0.4
//   B->A: d 0.5, P 0.6, s_A 1:    0.6 - 0.4 = 0.2
//   A->C: 4/3;  C->A: -2/3
//   B->C: d 0.5, P 0.8, s_C 0.5:  0.5 (0.8 - 0.2) + 0.5 = 0.8
//   C->B: d 0.5, P 0.2, s_B 0.5:  0.5 (0.2 - 0.8) + 0.5 = 0.2
// A receives B's challenge (b 0.2 < a 0.4): A prevails; C's is no challenge: A stays at 0.
// B receives A's (b 0.4 > a 0.2: conflict, to 0) and C's (b 0.2 < a 0.8: B prevails): B to 0.
// C receives A's (a -2/3, b 4/3: compromise half way, to 0.5) and B's (a 0.2, b 0.8: conflict,
// to 0.5): both ask for 0.5.
TEST(ForecastRound, ThreeActorsByHand) {
  DimensionState s;
  s.positions = {0.0, 0.5, 1.0};
  s.saliences = {1.0, 0.5, 0.5};
  s.capabilities = {1.0, 2.0, 1.0};
  s.fixed_risk = {1.0, 1.0, 1.0};
  s.width = 1.0;
  const RoundResult r = play_round(s, ModelParameters{});
  EXPECT_DOUBLE_EQ(r.median, 0.5);
  ASSERT_EQ(r.positions.size(), 3u);
  EXPECT_DOUBLE_EQ(r.positions[0], 0.0);
  EXPECT_DOUBLE_EQ(r.positions[1], 0.0);
  EXPECT_NEAR(r.positions[2], 0.5, 1e-15);
  EXPECT_EQ(r.conflicts + r.compromises, 2);
  EXPECT_EQ(r.capitulations, 0);
}

TEST(ForecastRound, StrongestChoiceTakesTheLargestGain) {
  DimensionState s;
  s.positions = {0.0, 0.5, 1.0};
  s.saliences = {1.0, 0.5, 0.5};
  s.capabilities = {1.0, 2.0, 1.0};
  s.fixed_risk = {1.0, 1.0, 1.0};
  ModelParameters params;
  params.offer_choice = OfferChoice::kStrongest;
  const RoundResult r = play_round(s, params);
  // C's offers: A's (gain 4/3, compromise to 0.5) beats B's (0.8, conflict to 0.5).
  EXPECT_NEAR(r.positions[2], 0.5, 1e-15);
  EXPECT_EQ(r.compromises, 1);
}

}  // namespace
}  // namespace parley::forecast
