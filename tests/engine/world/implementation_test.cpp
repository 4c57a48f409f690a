// Implementation: signed is not carried out. Probability, delay and per-side fractions follow
// their distributions; unsigned items are reported as such.
#include "engine/world/implementation.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "world_test_support.hpp"

namespace parley::testing {
namespace {

double se(double p, int n) {
  return std::sqrt(p * (1 - p) / n);
}

TEST(Implementation, ProbabilityDelayAndAsymmetryFollowTheirSpecification) {
  auto s = two_track_scenario();
  ImplementationSpec item;
  item.id = "bodies";
  item.track = 1;
  item.issue = 1;
  item.probability = 0.7;
  item.delay_min = 2;
  item.delay_max = 6;
  item.sides = {ImplementationSide{1.0, 0.9, 1.0}, ImplementationSide{0.3, 0.0, 0.01}};
  s->world.implementation = {item};
  std::vector<TrackResult> tracks(2);
  tracks[1].status = TrackStatus::Agreed;
  tracks[1].round = 5;
  tracks[1].deal.size = 1;
  tracks[1].deal.values[0] = 0.6;
  const int runs = 20000;
  double carried = 0, delay_sum = 0, side0 = 0, side1_does = 0, side1_sum = 0;
  std::vector<int> delays(7, 0);
  std::vector<ImplementationResult> out;
  for (int i = 0; i < runs; ++i) {
    carry_out(*s, tracks, 5, static_cast<std::uint64_t>(i), out);
    ASSERT_EQ(out.size(), 1u);
    const ImplementationResult& r = out[0];
    ASSERT_TRUE(r.signed_);
    EXPECT_EQ(r.signed_round, 5);
    EXPECT_DOUBLE_EQ(r.terms, 0.6);
    if (!r.carried_out) {
      EXPECT_EQ(r.fraction, (std::vector<double>{0.0, 0.0}));
      EXPECT_EQ(r.carried_out_round, -1);
      continue;
    }
    ++carried;
    const int delay = r.carried_out_round - 5;
    ASSERT_GE(delay, 2);
    ASSERT_LE(delay, 6);
    ++delays[delay];
    delay_sum += delay;
    EXPECT_GE(r.fraction[0], 0.9);
    EXPECT_LE(r.fraction[0], 1.0);
    side0 += r.fraction[0];
    EXPECT_LE(r.fraction[1], 0.01);
    if (r.fraction[1] > 0) ++side1_does;
    side1_sum += r.fraction[1];
  }
  // Side 0 always does its part, so the item is carried out exactly when it goes ahead.
  EXPECT_LE(std::abs(carried / runs - 0.7), 4 * se(0.7, runs));
  for (int d = 2; d <= 6; ++d)
    EXPECT_LE(std::abs(delays[d] / carried - 0.2), 4 * se(0.2, int(carried))) << d;
  EXPECT_LE(std::abs(delay_sum / carried - 4.0), 4 * std::sqrt(2.0 / carried));
  // Fractions: side 0 uniform on [0.9, 1] (mean 0.95, sd 0.1/sqrt 12); side 1 does its part
  // with probability 0.3 and then a fraction uniform on [0, 0.01]: 6,057 against 27.
  EXPECT_LE(std::abs(side0 / carried - 0.95), 4 * (0.1 / std::sqrt(12.0)) / std::sqrt(carried));
  EXPECT_LE(std::abs(side1_does / carried - 0.3), 4 * se(0.3, int(carried)));
  EXPECT_LE(std::abs(side1_sum / side1_does - 0.005),
            4 * (0.01 / std::sqrt(12.0)) / std::sqrt(side1_does));
}

TEST(Implementation, UnagreedTracksAreNotSigned) {
  auto s = two_track_scenario();
  ImplementationSpec item;
  item.track = 0;
  s->world.implementation = {item};
  std::vector<TrackResult> tracks(2);
  tracks[0].status = TrackStatus::Deadline;
  std::vector<ImplementationResult> out;
  carry_out(*s, tracks, 1, 0, out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_FALSE(out[0].signed_);
  EXPECT_FALSE(out[0].carried_out);
}

TEST(Implementation, TheSimulatorReportsSignedAndCarriedOutSeparately) {
  auto s = two_track_scenario("conceder");
  ImplementationSpec item;
  item.track = 1;
  item.issue = 1;
  item.probability = 0.0;  // Minsk II's "all for all": signed, not done
  s->world.implementation = {item};
  const Simulator simulator(s, builtin_agents());
  const RunResult r = simulator.run(1);
  ASSERT_EQ(r.tracks[1].status, TrackStatus::Agreed);
  ASSERT_EQ(r.implementation.size(), 1u);
  EXPECT_TRUE(r.implementation[0].signed_);
  EXPECT_EQ(r.implementation[0].signed_round, r.tracks[1].round);
  EXPECT_FALSE(r.implementation[0].carried_out);
  EXPECT_EQ(r.implementation[0].terms, r.tracks[1].deal.values[0]);
}

}  // namespace
}  // namespace parley::testing
