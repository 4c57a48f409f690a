#include "engine/forecast/forecast.hpp"

#include <gtest/gtest.h>

#include <random>

#include "tests/support/ec_car_emissions.hpp"

namespace parley::forecast {
namespace {

ActorTable random_table(int n, std::uint64_t seed) {
  std::mt19937_64 gen(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  ActorTable t;
  t.dimensions.push_back({"d", "d", "", 0.0, 100.0});
  for (int k = 0; k < n; ++k) {
    Stakeholder a;
    a.id = a.name = "actor" + std::to_string(k);
    a.capability = 1.0 + 99.0 * u(gen);
    a.positions = {100.0 * u(gen)};
    a.saliences = {0.1 + 0.9 * u(gen)};
    t.actors.push_back(a);
  }
  return t;
}

void expect_same_paths(const DimensionForecast& a, const DimensionForecast& b,
                       const std::vector<std::size_t>& b_index_of_a, double scale, double shift) {
  ASSERT_EQ(a.rounds.size(), b.rounds.size());
  for (std::size_t r = 0; r < a.rounds.size(); ++r) {
    for (std::size_t k = 0; k < a.rounds[r].positions.size(); ++k)
      EXPECT_NEAR(scale * a.rounds[r].positions[k] + shift, b.rounds[r].positions[b_index_of_a[k]],
                  1e-9 * std::abs(scale) * 100)
          << "round " << r << " actor " << k;
    EXPECT_NEAR(scale * a.rounds[r].median + shift, b.rounds[r].median, 1e-9 * scale * 100);
    EXPECT_NEAR(scale * a.rounds[r].weighted_mean + shift, b.rounds[r].weighted_mean,
                1e-9 * scale * 100);
  }
}

TEST(Forecast, EuropeanCommunityCarEmissionsRunsAndSettlesOnTheScale) {
  const ActorTable table = ec_car_emissions_table();
  const std::vector<DimensionForecast> f = run_forecast(table, ModelParameters{});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_DOUBLE_EQ(f[0].baselines.mean, 6.7);
  EXPECT_DOUBLE_EQ(f[0].baselines.weighted_median, 7.0);
  EXPECT_DOUBLE_EQ(f[0].rounds[0].median, 7.0);  // the median voter of the table
  for (const RoundRecord& r : f[0].rounds)
    for (double x : r.positions) {
      EXPECT_GE(x, 4.0);
      EXPECT_LE(x, 10.0);
    }
  EXPECT_GT(f[0].rounds.size(), 1u);
}

TEST(Forecast, StopsAtMaxRoundsOrWhenSettled) {
  ModelParameters params;
  params.max_rounds = 1;
  EXPECT_EQ(run_forecast(ec_car_emissions_table(), params)[0].rounds.size(), 2u);
  // Everyone at one position: nothing moves, settled after one round.
  ActorTable t = random_table(5, 3);
  for (Stakeholder& a : t.actors) a.positions = {40.0};
  const auto f = run_forecast(t, ModelParameters{});
  EXPECT_TRUE(f[0].settled);
  EXPECT_EQ(f[0].rounds.size(), 2u);
}

TEST(Forecast, RejectsAnUnusableTable) {
  ActorTable t = random_table(3, 1);
  t.actors[1].capability = 0;
  EXPECT_THROW(run_forecast(t, ModelParameters{}), std::invalid_argument);
}

TEST(Forecast, RelabellingActorsPermutesTheirPaths) {
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    const ActorTable t = random_table(12, seed);
    ActorTable reversed = t;
    std::reverse(reversed.actors.begin(), reversed.actors.end());
    std::vector<std::size_t> where(12);
    for (std::size_t k = 0; k < 12; ++k) where[k] = 11 - k;
    ModelParameters params;
    params.max_rounds = 8;
    const DimensionForecast a = run_forecast(t, params)[0];
    ASSERT_NE(a.rounds[1].positions, a.rounds[0].positions);  // the paths are not trivial
    expect_same_paths(a, run_forecast(reversed, params)[0], where, 1.0, 0.0);
  }
}

TEST(Forecast, ShiftingAndScalingThePolicyScaleMapsThePaths) {
  for (std::uint64_t seed : {4u, 5u}) {
    const ActorTable t = random_table(10, seed);
    ActorTable moved = t;
    moved.dimensions[0].low = 7.0;
    moved.dimensions[0].high = 7.0 + 3.0 * 100.0;
    for (Stakeholder& a : moved.actors) a.positions[0] = 3.0 * a.positions[0] + 7.0;
    std::vector<std::size_t> same(10);
    for (std::size_t k = 0; k < 10; ++k) same[k] = k;
    ModelParameters params;
    params.max_rounds = 8;
    expect_same_paths(run_forecast(t, params)[0], run_forecast(moved, params)[0], same, 3.0, 7.0);
  }
}

// Splitting an actor into two at its position with half the capability each changes no vote.
// Risk exponents sum the challengers' expected utilities, so the split leaves them unchanged when
// the sum is capability-weighted, or when exponents are fixed; the plain sum of Scholz et al.
// counts the twin twice.
TEST(Forecast, DuplicatingAnActorWithSplitCapabilityChangesNothing) {
  for (const bool fixed : {false, true}) {
    ActorTable t = random_table(9, 11);
    if (fixed)
      for (std::size_t k = 0; k < t.actors.size(); ++k)
        t.actors[k].risk_exponent = 0.6 + 0.1 * static_cast<double>(k);
    ActorTable split = t;
    split.actors[4].capability /= 2;
    Stakeholder twin = split.actors[4];
    twin.id = "twin";
    split.actors.push_back(twin);
    ModelParameters params;
    params.max_rounds = 8;
    if (!fixed) params.security = SecurityWeighting::kCapability;
    const DimensionForecast a = run_forecast(t, params)[0];
    const DimensionForecast b = run_forecast(split, params)[0];
    std::vector<std::size_t> same(9);
    for (std::size_t k = 0; k < 9; ++k) same[k] = k;
    ASSERT_NE(a.rounds[1].positions, a.rounds[0].positions);
    expect_same_paths(a, b, same, 1.0, 0.0);
    for (std::size_t r = 0; r < b.rounds.size(); ++r)
      EXPECT_NEAR(b.rounds[r].positions[9], b.rounds[r].positions[4], 1e-12);
  }
}

TEST(Forecast, SameInputsSameNumbers) {
  const ActorTable t = random_table(30, 9);
  const auto a = run_forecast(t, ModelParameters{});
  const auto b = run_forecast(t, ModelParameters{});
  for (std::size_t r = 0; r < a[0].rounds.size(); ++r)
    EXPECT_EQ(a[0].rounds[r].positions, b[0].rounds[r].positions);
}

}  // namespace
}  // namespace parley::forecast

namespace parley::forecast {
namespace {

// docs/scenarios/ec-car-emissions-1994.md: a public transcription of the published table has the
// Netherlands' and Belgium's positions and saliences exchanged. Both have capability 8, so the
// exchange relabels two actors: baselines, medians and weighted means stay the same every round.
TEST(Forecast, TheEcTableWithTheNetherlandsAndBelgiumExchangedForecastsTheSame) {
  const ActorTable t = ec_car_emissions_table();
  ActorTable exchanged = t;
  Stakeholder* nl = nullptr;
  Stakeholder* be = nullptr;
  for (Stakeholder& a : exchanged.actors) {
    if (a.name == "Netherlands") nl = &a;
    if (a.name == "Belgium") be = &a;
  }
  ASSERT_TRUE(nl != nullptr && be != nullptr);
  ASSERT_EQ(nl->capability, be->capability);
  ASSERT_NE(nl->positions, be->positions);
  std::swap(nl->positions, be->positions);
  std::swap(nl->saliences, be->saliences);
  const DimensionForecast a = run_forecast(t, ModelParameters{})[0];
  const DimensionForecast b = run_forecast(exchanged, ModelParameters{})[0];
  EXPECT_NEAR(a.baselines.weighted_mean, b.baselines.weighted_mean, 1e-12);
  EXPECT_NEAR(a.baselines.weighted_median, b.baselines.weighted_median, 1e-12);
  ASSERT_EQ(a.rounds.size(), b.rounds.size());
  for (std::size_t r = 0; r < a.rounds.size(); ++r) {
    EXPECT_NEAR(a.rounds[r].median, b.rounds[r].median, 1e-9) << r;
    EXPECT_NEAR(a.rounds[r].weighted_mean, b.rounds[r].weighted_mean, 1e-9) << r;
  }
}

// Ideal points (docs/forecast.md, "Ideal points"), worked by hand. Scale 0 to 10, every risk
// exponent fixed at 1 and Q = 1, so U_s = 2g, U_f = -2g, U_sq = 0 and
// EU_i(i, j) = s_j (P_ij 2g - (1 - P_ij) 2g) + (1 - s_j) 2g with the gain
// g = (|y_i - x_j| - |y_i - x_i|) / 10.
// A stands at 0 and wants 0 (c 1, s 1); B states 10 but wants 2 (c 3, s 0.5, weight 1.5).
// Votes on 0 against 10: A gives 0 a vote of 1 x 10/10 = 1; B, whose ideal 2 is nearer 0,
// gives 0 a vote of 1.5 x (8 - 2)/10 = 0.9. So P_A,B = 1, P_B,A = 0, and the median voter
// position is 0 (weighted distances to the ideals: 1 x 0 + 1.5 x 2 = 3 at 0, 10 + 12 = 22 at 10).
// EU_A(A, B): g = 1, = 0.5 x 2 + 0.5 x 2 = 2. EU_B(B, A): g = (2 - 8)/10 = -0.6, = 1 x (-2g) = 1.2.
// A's challenge to B: B's a = 1.2 > 0 and A's b = 2 > a: conflict, B moves to 0. B's challenge to
// A: a = 2 >= b = 1.2: A prevails. After round 1 both stand at 0; with a rate of 1/4 B's ideal
// moves to 2 + (0 - 2)/4 = 1.5 and A's stays at 0. Round 2 moves no one; round 3 only the ideal
// (1.5 to 1.125), so the run goes on until the ideal has settled too.
ActorTable ideal_table() {
  ActorTable t;
  t.dimensions.push_back({"d", "d", "", 0.0, 10.0});
  Stakeholder a;
  a.id = a.name = "A";
  a.capability = 1;
  a.positions = {0};
  a.saliences = {1};
  a.risk_exponent = 1.0;
  Stakeholder b = a;
  b.id = b.name = "B";
  b.capability = 3;
  b.positions = {10};
  b.saliences = {0.5};
  b.ideals = {2};
  b.ideal_adjustment = 0.25;
  t.actors = {a, b};
  return t;
}

TEST(Forecast, IdealPointsWorkedByHand) {
  ModelParameters params;
  params.max_rounds = 2;
  const DimensionForecast f = run_forecast(ideal_table(), params)[0];
  ASSERT_EQ(f.rounds.size(), 3u);
  EXPECT_EQ(f.rounds[0].median, 0.0);
  EXPECT_EQ(f.rounds[0].ideals, (std::vector<double>{0, 2}));
  EXPECT_EQ(f.rounds[1].positions, (std::vector<double>{0, 0}));
  EXPECT_EQ(f.rounds[1].conflicts, 1);
  EXPECT_EQ(f.rounds[1].compromises + f.rounds[1].capitulations, 0);
  EXPECT_EQ(f.rounds[1].ideals, (std::vector<double>{0, 1.5}));
  EXPECT_EQ(f.rounds[2].ideals, (std::vector<double>{0, 1.125}));
  EXPECT_FALSE(f.settled);  // an ideal still moved in the last round
}

TEST(Forecast, WithoutIdealPointsTheSameTwoActorsSplitTheVote) {
  // The contrast: B wanting what it states votes for 10 (1.5 against A's 1), so P_A,B = 0.4 and
  // the median voter position is 10 (weighted distances 15 at 0, 10 at 10). A expects
  // 0.5 (0.4 x 2 - 0.6 x 2) + 0.5 x 2 = 0.8 from challenging B, B expects 0.6 x 2 - 0.4 x 2 =
  // 0.4 from challenging A: B still loses the confrontation and moves to 0.
  ActorTable t = ideal_table();
  t.actors[1].ideals.clear();
  t.actors[1].ideal_adjustment.reset();
  ModelParameters params;
  params.max_rounds = 1;
  const DimensionForecast f = run_forecast(t, params)[0];
  EXPECT_EQ(f.rounds[0].median, 10.0);
  EXPECT_TRUE(f.rounds[0].ideals.empty());
  EXPECT_EQ(f.rounds[1].positions, (std::vector<double>{0, 0}));
  EXPECT_EQ(f.rounds[1].conflicts, 1);
}

TEST(Forecast, IdealsThatFollowThePositionsGiveThePublishedModelBitForBit) {
  // An adjustment rate of 1 with no ideals given keeps every ideal on its position: the same
  // numbers, to the bit, as the model without ideal points (and so the shipped golden trace).
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    const ActorTable table = random_table(12, seed);
    ModelParameters off;
    ModelParameters on;
    on.ideal_adjustment = 1.0;
    const DimensionForecast a = run_forecast(table, off)[0];
    const DimensionForecast b = run_forecast(table, on)[0];
    ASSERT_EQ(a.rounds.size(), b.rounds.size());
    EXPECT_TRUE(a.rounds.back().ideals.empty());
    for (std::size_t r = 0; r < a.rounds.size(); ++r) {
      EXPECT_EQ(a.rounds[r].positions, b.rounds[r].positions) << "round " << r;
      EXPECT_EQ(a.rounds[r].positions, b.rounds[r].ideals) << "round " << r;
      EXPECT_EQ(a.rounds[r].median, b.rounds[r].median);
      EXPECT_EQ(a.rounds[r].risk_exponents, b.rounds[r].risk_exponents);
    }
  }
}

TEST(Forecast, FixedIdealsNeverMove) {
  ActorTable t = ideal_table();
  t.actors[1].ideal_adjustment = 0.0;
  const DimensionForecast f = run_forecast(t, ModelParameters{})[0];
  for (const RoundRecord& r : f.rounds) EXPECT_EQ(r.ideals, (std::vector<double>{0, 2}));
  EXPECT_TRUE(f.settled);
}

TEST(Forecast, AdjustIdealsMovesTheGivenShareOfTheWay) {
  std::vector<double> ideals{2, 5, 1};
  adjust_ideals(ideals, {10, 5, 0.3}, {0.25, 0.5, 1.0});
  EXPECT_EQ(ideals, (std::vector<double>{4, 5, 0.3}));
}

}  // namespace
}  // namespace parley::forecast
