// The round with a world (docs/world.md): battles and costs after the tracks play, a ceasefire
// stops both, a military victory closes every track and ends the run, and a scenario without a
// world runs exactly as before.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/world/cost_distribution.hpp"
#include "world_test_support.hpp"

namespace parley::testing {
namespace {

TEST(WorldRun, CostsAccrueEveryRoundAndAreDiscountedToRoundZero) {
  auto s = two_track_scenario();
  add_war(*s);
  s->parties[0].preferences.discount = 0.9;
  s->world.parties[0].costs[0] = cost(CostDistributionKind::Poisson, 100.0, 0.0, 1e-4);
  const RecordedRun run = record(s);
  ASSERT_EQ(run.recorder->rounds.size(), 30u);
  double units = 0, utility = 0;
  for (int r = 0; r < 30; ++r) {
    const double c = run.recorder->rounds[r].world.parties[0].last_costs[0];
    EXPECT_EQ(c, std::floor(c));  // Poisson counts
    units += c;
    utility += std::pow(0.9, r) * c * 1e-4;
  }
  EXPECT_DOUBLE_EQ(run.result.parties[0].war_costs[0], units);
  EXPECT_NEAR(run.result.parties[0].war_cost_utility, utility, 1e-12);
  EXPECT_EQ(run.result.world.rounds_fought, 30);
  EXPECT_TRUE(run.result.world.present);
}

TEST(WorldRun, CostDrawsHaveTheirMeans) {
  const int runs = 20000;
  struct Case {
    CostDistribution dist;
    double variance;
  };
  const Case cases[] = {
      {{CostDistributionKind::Uniform, 15.0, 0.0, 10.0, 20.0}, 100.0 / 12},
      {{CostDistributionKind::Poisson, 7.0, 0.0, 0.0, 0.0}, 7.0},
      {{CostDistributionKind::Lognormal, 50.0, 20.0, 0.0, 0.0}, 400.0},
      {{CostDistributionKind::Gamma, 50.0, 20.0, 0.0, 0.0}, 400.0},
  };
  for (const Case& c : cases) {
    RandomStream rng(9, 0, 4);
    double sum = 0, sq = 0;
    for (int i = 0; i < runs; ++i) {
      const double x = draw_cost(c.dist, rng);
      EXPECT_GE(x, 0.0);
      sum += x;
      sq += x * x;
    }
    const double mean = sum / runs;
    EXPECT_LE(std::abs(mean - c.dist.mean), 4 * std::sqrt(c.variance / runs))
        << to_string(c.dist.kind);
    EXPECT_NEAR(sq / runs - mean * mean, c.variance, 0.1 * c.variance) << to_string(c.dist.kind);
  }
}

TEST(WorldRun, AMilitaryVictoryClosesEveryTrackAndEndsTheRun) {
  auto s = two_track_scenario();
  add_war(*s, 4, 2, 0.9);
  s->protocol.deadline_rounds = 0;
  const RecordedRun run = record(s);
  const WorldResult& w = run.result.world;
  ASSERT_GE(w.victor, 0);
  EXPECT_EQ(run.result.rounds, w.end_round + 1);
  EXPECT_EQ(w.rounds_fought, w.end_round + 1);
  EXPECT_EQ(w.position, w.victor == 0 ? 4 : 0);
  for (const TrackResult& t : run.result.tracks) {
    EXPECT_EQ(t.status, TrackStatus::MilitaryVictory);
    EXPECT_EQ(t.round, w.end_round);
    EXPECT_EQ(t.actor, w.victor);
  }
  // Moves happen in the victory round (the tracks play before the battles).
  EXPECT_EQ(run.recorder->moves.back().round, w.end_round);
}

TEST(WorldRun, AnAgreementOnTheCeasefireTrackStopsTheFighting) {
  auto s = two_track_scenario("conceder");
  add_war(*s, 400, 200, 0.5);
  s->protocol.deadline_rounds = 40;
  const RecordedRun run = record(s);
  ASSERT_EQ(run.result.tracks[0].status, TrackStatus::Agreed);
  const int agreed = run.result.tracks[0].round;
  EXPECT_TRUE(run.result.world.ceasefire);
  EXPECT_EQ(run.result.world.end_round, agreed);
  EXPECT_EQ(run.result.world.rounds_fought, agreed);  // no battles in the agreement round
  for (std::size_t r = agreed; r < run.recorder->rounds.size(); ++r) {
    EXPECT_FALSE(run.recorder->rounds[r].world.battlefield.fighting);
    EXPECT_EQ(run.recorder->rounds[r].world.parties[0].last_costs[0], 0.0);
  }
  EXPECT_DOUBLE_EQ(run.result.parties[0].war_costs[0], 100.0 * agreed);
}

// A scenario with a world that touches no track (costs only, implementation) plays exactly the
// moves and payoffs of the same scenario without it.
TEST(WorldRun, AWorldThatTouchesNoTrackLeavesTheNegotiationUnchanged) {
  auto plain = two_track_scenario("conceder");
  auto costed = std::make_shared<Scenario>(*plain);
  costed->world.cost_kinds = {CostKind{"money", "Money", "$bn"}};
  costed->world.parties.assign(2, PartyWarSpec{});
  for (auto& p : costed->world.parties)
    p.costs = {cost(CostDistributionKind::Gamma, 2.0, 1.0, 0.01)};
  ImplementationSpec item;
  item.track = 1;
  costed->world.implementation = {item};
  const RecordedRun a = record(plain), b = record(costed);
  ASSERT_EQ(a.recorder->moves.size(), b.recorder->moves.size());
  for (std::size_t i = 0; i < a.recorder->moves.size(); ++i) {
    EXPECT_EQ(a.recorder->moves[i].round, b.recorder->moves[i].round);
    EXPECT_EQ(a.recorder->moves[i].action, b.recorder->moves[i].action);
    EXPECT_EQ(a.recorder->moves[i].deal.values, b.recorder->moves[i].deal.values);
  }
  for (int t = 0; t < 2; ++t) EXPECT_EQ(a.result.tracks[t].payoff, b.result.tracks[t].payoff);
  EXPECT_EQ(a.result.parties[0].utility, b.result.parties[0].utility);
  EXPECT_TRUE(a.result.parties[0].war_costs.empty());
  EXPECT_EQ(b.result.parties[0].war_costs.size(), 1u);
  EXPECT_GT(b.result.parties[0].war_costs[0], 0.0);
  EXPECT_FALSE(a.result.world.present);
  EXPECT_TRUE(a.recorder->rounds.empty());  // no world lines without a world
}

}  // namespace
}  // namespace parley::testing
