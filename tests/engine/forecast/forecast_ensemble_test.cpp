#include "engine/forecast/forecast_ensemble.hpp"

#include <gtest/gtest.h>

#include "engine/forecast/forecast.hpp"
#include "tests/support/ec_car_emissions.hpp"

namespace parley::forecast {
namespace {

TEST(ForecastEnsemble, SameNumbersForAnyThreadCount) {
  const ActorTable t = ec_car_emissions_table();
  ModelParameters params;
  params.max_rounds = 10;
  const TableUncertainty u{0.05, 0.1, 0.2};
  const EnsembleResult one = run_ensemble(t, params, u, 40, 7, 1);
  const EnsembleResult three = run_ensemble(t, params, u, 40, 7, 3);
  EXPECT_EQ(one.median, three.median);
  EXPECT_EQ(one.weighted_mean, three.weighted_mean);
  // A different seed draws different tables.
  EXPECT_NE(run_ensemble(t, params, u, 40, 8, 2).weighted_mean, one.weighted_mean);
}

TEST(ForecastEnsemble, NoUncertaintyReproducesTheForecast) {
  const ActorTable t = ec_car_emissions_table();
  ModelParameters params;
  params.max_rounds = 10;
  const EnsembleResult e = run_ensemble(t, params, TableUncertainty{}, 3, 1, 2);
  const DimensionForecast f = run_forecast(t, params)[0];
  for (double x : e.weighted_mean[0]) EXPECT_DOUBLE_EQ(x, f.weighted_mean());
}

TEST(ForecastEnsemble, DrawsStayOnTheScaleAndVaryAsAsked) {
  const ActorTable t = ec_car_emissions_table();
  const TableUncertainty u{0.5, 0.5, 0.0};
  double moved = 0;
  for (std::uint64_t run = 0; run < 50; ++run) {
    const ActorTable d = draw_table(t, u, 3, run);
    EXPECT_EQ(check_actor_table(d), "");
    for (std::size_t k = 0; k < d.actors.size(); ++k) {
      EXPECT_DOUBLE_EQ(d.actors[k].capability, t.actors[k].capability);  // sd 0
      moved += std::abs(d.actors[k].positions[0] - t.actors[k].positions[0]);
    }
  }
  EXPECT_GT(moved, 0.0);
  // Run i's table depends on (seed, i) only.
  EXPECT_EQ(draw_table(t, u, 3, 17).actors[4].positions,
            draw_table(t, u, 3, 17).actors[4].positions);
}

TEST(ForecastEnsemble, QuantilesInterpolate) {
  EXPECT_DOUBLE_EQ(quantile({3, 1, 2, 4}, 0.5), 2.5);
  EXPECT_DOUBLE_EQ(quantile({3, 1, 2, 4}, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(quantile({3, 1, 2, 4}, 1.0), 4.0);
}

}  // namespace
}  // namespace parley::forecast
