// The sweep's statistics (docs/sweep.md): split-and-merge in any order gives the same bits as
// one pass, for any grouping of the runs into blocks of the runner and any thread count; and
// recording a run allocates nothing.
#include "sweep/summary.hpp"

#include <gtest/gtest.h>

#include "tests/support/allocation_counter.hpp"
#include "tests/sweep/summary_fixture.hpp"

namespace parley {
namespace {

using namespace parley::testing;

TEST(SweepStatistics, SplitsMergedInAnyOrderGiveTheSameBits) {
  const FixtureSweep sweep;
  SweepRecorder whole = sweep.recorder();
  sweep.record(whole, 0, 3000);
  SweepRecorder a = sweep.recorder(), b = sweep.recorder(), c = sweep.recorder();
  sweep.record(a, 0, 700);
  sweep.record(b, 700, 2222);
  sweep.record(c, 2222, 3000);
  SweepStatistics merged = c.statistics();
  merged.merge(a.statistics());
  merged.merge(b.statistics());
  EXPECT_EQ(merged.runs(), 3000u);
  EXPECT_EQ(merged.state().dump(), whole.statistics().state().dump());
  EXPECT_EQ(merged.summary().dump(), whole.statistics().summary().dump());
}

TEST(SweepStatistics, TheRunnersBlocksGiveTheSameBitsOnAnyThreadCount) {
  // Blocks of 256 runs (a block's sums in double-double, added exactly when it ends) on one,
  // two and three threads, and split into two recorders at a block boundary.
  const FixtureSweep sweep;
  const SweepStatistics one = sweep.record_on_threads(256, 1);
  for (int threads : {2, 3}) {
    const SweepStatistics many = sweep.record_on_threads(256, threads);
    EXPECT_EQ(many.state().dump(), one.state().dump()) << threads;
    EXPECT_EQ(many.summary().dump(), one.summary().dump()) << threads;
  }
  SweepRecorder a = sweep.recorder(), b = sweep.recorder();
  sweep.record(a, 0, 1024, 256);
  sweep.record(b, 1024, 3000, 256);
  SweepStatistics merged = b.statistics();
  merged.merge(a.statistics());
  EXPECT_EQ(merged.state().dump(), one.state().dump());
}

TEST(SweepStatistics, RecordingARunAllocatesNothingOnceWarm) {
  const FixtureSweep sweep;
  // Runs simulated beforehand (the simulator's own allocations are not the summary's).
  std::vector<std::vector<double>> drawn;
  std::vector<RunResult> results;
  RunWorkspace workspace(sweep.simulator, sweep.slots);
  for (std::uint64_t run = 0; run < 400; ++run) {
    drawn.emplace_back(sweep.slots.size());
    sweep.design.draw(run, drawn.back().data());
    workspace.apply(drawn.back().data());
    results.push_back(sweep.simulator.run(3, run, workspace.state()));
  }
  SweepRecorder r = sweep.recorder();
  for (std::uint64_t run = 0; run < 200; ++run) r.add(run, drawn[run].data(), results[run]);
  CountAllocations counter;
  for (std::uint64_t run = 200; run < 400; ++run) r.add(run, drawn[run].data(), results[run]);
  EXPECT_EQ(counter.count(), 0u);
  EXPECT_EQ(r.statistics().runs(), 400u);
}

}  // namespace
}  // namespace parley
