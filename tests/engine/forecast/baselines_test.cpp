#include "engine/forecast/baselines.hpp"

#include <gtest/gtest.h>

#include "tests/support/ec_car_emissions.hpp"

namespace parley::forecast {
namespace {

TEST(ForecastBaselines, EuropeanCommunityCarEmissions) {
  const ActorTable table = ec_car_emissions_table();
  std::vector<double> x, w;
  for (const Stakeholder& a : table.actors) {
    x.push_back(a.positions[0]);
    w.push_back(a.capability * a.saliences[0]);
  }
  // Positions 4 (4 members), 7 (3) and 10 (3): (16 + 21 + 30) / 10.
  EXPECT_DOUBLE_EQ(mean_position(x), 6.7);
  // Capability x salience (salience in per cent): 50030 / 6770.
  EXPECT_NEAR(weighted_mean_position(x, w), 50030.0 / 6770.0, 1e-12);
  // Cumulative weight: 2480 at 4, 3410 at 7 of 6770; half is 3385, reached at 7.
  EXPECT_DOUBLE_EQ(weighted_median_position(x, w), 7.0);
}

TEST(ForecastBaselines, WeightedMedianTieTakesTheMidpoint) {
  EXPECT_DOUBLE_EQ(weighted_median_position({1.0, 3.0}, {1.0, 1.0}), 2.0);
  EXPECT_DOUBLE_EQ(weighted_median_position({3.0, 1.0, 5.0}, {1.0, 1.0, 1.0}), 3.0);
  EXPECT_DOUBLE_EQ(weighted_median_position({1.0, 3.0}, {1.0, 2.0}), 3.0);
}

TEST(ForecastBaselines, WeightedMeanOfEqualWeightsIsTheMean) {
  EXPECT_DOUBLE_EQ(weighted_mean_position({1.0, 2.0, 6.0}, {2.0, 2.0, 2.0}), 3.0);
}

}  // namespace
}  // namespace parley::forecast
