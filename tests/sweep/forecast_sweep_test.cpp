#include "sweep/forecast_sweep.hpp"

#include <gtest/gtest.h>

#include "engine/forecast/forecast.hpp"
#include "engine/load/vary_option.hpp"
#include "tests/support/ec_car_emissions.hpp"

namespace parley {
namespace {

struct Fixture {
  UncertaintySpec spec;
  std::unique_ptr<SamplingDesign> design;
  ForecastSweepSetup setup;

  Fixture(const std::vector<std::string>& vary, std::uint64_t runs) {
    for (const std::string& v : vary) spec.set(parse_vary(v));
    setup.table = forecast::ec_car_emissions_table();
    setup.slots = bind_actor_parameters(spec, setup.table);
    design = std::make_unique<SamplingDesign>(spec, 7, runs);
    setup.design = design.get();
    setup.runs = runs;
  }
};

const std::vector<std::string> kVary = {"/actors/members/1/positions/standard=triangular(5, 7, 9)",
                                        "/actors/members/6/saliences/standard=beta(9, 1)",
                                        "/actors/members/4/capability=lognormal(2.77, 0.2)"};

TEST(ForecastSweep, BlocksMergedInAnyOrderGiveTheSameStatistics) {
  const Fixture f(kVary, 200);  // four blocks, the last short
  std::vector<ForecastSweepStatistics> blocks;
  for (std::uint64_t b = 0; b < 4; ++b) blocks.push_back(run_forecast_block(f.setup, b));
  EXPECT_EQ(blocks[3].runs, 200u - 3 * kForecastBlockSize);
  ForecastSweepStatistics forward(f.setup.table, 3), backward(f.setup.table, 3);
  for (std::size_t b = 0; b < 4; ++b) forward.merge(blocks[b]);
  for (std::size_t b = 4; b-- > 0;) backward.merge(blocks[b]);
  EXPECT_EQ(forward, backward);
  EXPECT_EQ(forward.state().dump(), backward.state().dump());
  EXPECT_EQ(forward.runs, 200u);
  // The state reads back to the same statistics.
  EXPECT_EQ(ForecastSweepStatistics::from_state(forward.state()), forward);
}

TEST(ForecastSweep, ARunIsTheForecastOfItsDrawnTable) {
  const Fixture f(kVary, 64);
  const ForecastSweepStatistics one = run_forecast_block(f.setup, 0);
  // Recompute run by run by hand, from the same draws.
  Moments median;
  for (std::uint64_t run = 0; run < 64; ++run) {
    double values[3];
    f.design->draw(run, values);
    forecast::ActorTable table = f.setup.table;
    table.actors[1].positions[0] = values[0];
    table.actors[6].saliences[0] = values[1];
    table.actors[4].capability = values[2];
    median.add(forecast::run_forecast(table, f.setup.model)[0].median());
  }
  EXPECT_EQ(one.dimensions[0].median, median);
  EXPECT_GT(one.dimensions[0].median.standard_deviation(), 0.0);
}

TEST(ForecastSweep, WithoutUncertaintyTheDistributionIsTheSingleForecast) {
  const Fixture f({}, 100);
  ForecastSweepState state;
  state.identity = forecast_sweep_identity("EC", "ec.json", "bytes", 7, 100, f.spec, {});
  state.shard = {1, 1, 0, 2};
  state.layout = forecast_sweep_layout(f.setup.table, f.setup.model, f.setup.slots);
  state.statistics = ForecastSweepStatistics(f.setup.table, 0);
  ForecastRunOptions options;
  options.threads = 2;
  options.blocks = {0, 1};
  EXPECT_EQ(run_forecast_sweep(f.setup, options, state), 2u);
  ASSERT_TRUE(state.complete());
  const nlohmann::json summary = forecast_summary_json(state);
  const double single = forecast::run_forecast(f.setup.table, f.setup.model)[0].median();
  const nlohmann::json& d = summary["forecast"]["dimensions"][0];
  EXPECT_EQ(d["as_given"]["median"].get<double>(), single);
  EXPECT_EQ(d["median"]["mean"].get<double>(), single);
  EXPECT_EQ(d["median"]["sd"].get<double>(), 0.0);
  for (const char* q : {"p05", "p25", "p50", "p75", "p95"})
    EXPECT_EQ(d["median"]["quantiles"][q].get<double>(), single) << q;
  EXPECT_EQ(d["median"]["count"].get<int>(), 100);
  EXPECT_FALSE(summary["partial"].get<bool>());
  EXPECT_TRUE(is_forecast_summary(summary));
  EXPECT_NE(forecast_summary_text(summary).find("No uncertain numbers"), std::string::npos);
}

TEST(ForecastSweep, StateRoundTripsAndRefusesTampering) {
  const Fixture f(kVary, 130);
  ForecastSweepState state;
  state.identity = forecast_sweep_identity("EC", "ec.json", "bytes", 7, 130, f.spec, {});
  state.shard = {1, 1, 0, 3};
  state.layout = forecast_sweep_layout(f.setup.table, f.setup.model, f.setup.slots);
  state.statistics = ForecastSweepStatistics(f.setup.table, 3);
  state.statistics.merge(run_forecast_block(f.setup, 1));
  state.done.add(1, 2);
  const nlohmann::json json = to_json(state);
  const ForecastSweepState back = forecast_sweep_state_from_json(json);
  EXPECT_EQ(to_json(back).dump(), json.dump());
  EXPECT_FALSE(back.complete());

  nlohmann::json edited = json;
  edited["done"] = nlohmann::json::array({nlohmann::json::array({0, 2})});
  EXPECT_THROW(forecast_sweep_state_from_json(edited), std::invalid_argument);  // checksum
  nlohmann::json other = json;
  other["kind"] = "parley-sweep-state";
  EXPECT_THROW(forecast_sweep_state_from_json(other), std::invalid_argument);
}

TEST(ForecastSweep, MergingStatesRefusesOverlapsAndOtherSweeps) {
  const Fixture f(kVary, 130);
  auto make = [&](std::uint64_t block, std::uint64_t seed) {
    ForecastSweepState s;
    s.identity = forecast_sweep_identity("EC", "ec.json", "bytes", seed, 130, f.spec, {});
    s.shard = {1, 1, 0, 3};
    s.statistics = ForecastSweepStatistics(f.setup.table, 3);
    s.statistics.merge(run_forecast_block(f.setup, block));
    s.done.add(block, block + 1);
    return s;
  };
  ForecastSweepState a = make(0, 7);
  EXPECT_THROW(merge_states(a, make(0, 7)), std::invalid_argument);
  EXPECT_THROW(merge_states(a, make(1, 8)), std::invalid_argument);
  merge_states(a, make(1, 7));
  EXPECT_EQ(a.done.count(), 2u);
}

}  // namespace
}  // namespace parley
