// A block's result as a worker rank sends it: decoded, it merges to exactly the statistics the
// block would have added here.
#include "sweep/block_result.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "agents/builtin_agents.hpp"
#include "sweep/recorder.hpp"
#include "sweep/runner.hpp"
#include "tests/support/sweep_fixture.hpp"

namespace parley {
namespace {

using namespace parley::testing;

struct Fixture {
  ScenarioPtr scenario = sweep_fixture_scenario();
  Simulator simulator{scenario, builtin_agents()};
  UncertaintySpec spec = sweep_fixture_uncertainty(DesignKind::MonteCarlo);
  std::vector<ParameterSlot> slots = bind_parameters(spec, *scenario, builtin_agents());
  SamplingDesign design{spec, 3, 300};
  std::shared_ptr<const SweepLayout> layout =
      std::make_shared<const SweepLayout>(make_sweep_layout(simulator, slots, spec));

  // The statistics and rows of `blocks` (of 100 runs each) run together on one thread.
  std::pair<SweepStatistics, std::string> run(const std::vector<std::uint64_t>& blocks) {
    SweepRecorder recorder(simulator, layout, slots, efficiency_references(simulator), true);
    SweepOptions options;
    options.seed = 3;
    options.block_size = 100;
    options.blocks = blocks;
    std::string rows;
    options.ordered_output = [&rows](const std::string& text) { rows += text; };
    run_sweep(simulator, design, slots, options, [&](int) -> SweepWorker& { return recorder; });
    return {recorder.statistics(), rows};
  }
};

TEST(BlockResult, DecodesToTheSameStatisticsAndRows) {
  Fixture f;
  const auto [statistics, rows] = f.run({1});
  ASSERT_FALSE(rows.empty());
  const BlockResult decoded =
      decode_block_result(encode_block_result(1, statistics, rows), f.layout);
  EXPECT_EQ(decoded.block, 1u);
  EXPECT_EQ(decoded.rows, rows);
  EXPECT_TRUE(decoded.statistics == statistics);
}

TEST(BlockResult, BlocksMergedInOrderEqualTheBlocksRunTogether) {
  Fixture f;
  SweepStatistics merged(f.layout);
  std::string rows;
  for (std::uint64_t block : {0, 1, 2}) {
    const auto [statistics, block_rows] = f.run({block});
    const BlockResult r =
        decode_block_result(encode_block_result(block, statistics, block_rows), f.layout);
    merged.merge(r.statistics);
    rows += r.rows;
  }
  const auto [together, together_rows] = f.run({0, 1, 2});
  EXPECT_EQ(merged.runs(), 300u);
  EXPECT_TRUE(merged == together);
  EXPECT_EQ(merged.summary().dump(), together.summary().dump());
  EXPECT_EQ(rows, together_rows);
}

TEST(BlockResult, RefusesBytesThatAreNotABlockResult) {
  Fixture f;
  EXPECT_THROW(decode_block_result("garbage", f.layout), std::invalid_argument);
  EXPECT_THROW(decode_block_result(
                   encode_block_result(0, SweepStatistics(f.layout), "").substr(0, 9), f.layout),
               std::invalid_argument);
}

}  // namespace
}  // namespace parley
