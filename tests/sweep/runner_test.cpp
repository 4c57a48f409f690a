// The sweep runner (docs/sweep.md, "Reproducibility"): run i's outcome depends only on
// (seed, i), whatever the number of threads; ordered output arrives in run order; a stopped
// sweep has finished exactly a prefix of its blocks.
#include "sweep/runner.hpp"

#include <gtest/gtest.h>

#include <mutex>
#include <sstream>

#include "agents/builtin_agents.hpp"
#include "tests/support/sweep_fixture.hpp"

namespace parley {
namespace {

using namespace parley::testing;

struct RunOutcome {
  std::vector<int> status;
  std::vector<int> round;
  std::vector<double> utility;
  std::vector<double> drawn;
  bool seen = false;
  bool operator==(const RunOutcome&) const = default;
};

// Records every run's outcome at its run index; writes the run indices as ordered output.
class Collector final : public SweepWorker {
 public:
  explicit Collector(std::vector<RunOutcome>& outcomes, int parameters)
      : outcomes_(&outcomes), parameters_(parameters) {}
  void add(std::uint64_t run, const double* drawn, const RunResult& result) override {
    RunOutcome& o = (*outcomes_)[run];
    o.seen = true;
    for (const TrackResult& t : result.tracks) {
      o.status.push_back(static_cast<int>(t.status));
      o.round.push_back(t.round);
    }
    for (const PartyResult& p : result.parties) o.utility.push_back(p.utility);
    o.drawn.assign(drawn, drawn + parameters_);
    text_ += std::to_string(run) + "\n";
  }
  void end_block(std::uint64_t, std::string& out) override {
    out.swap(text_);
    text_.clear();
  }

 private:
  std::vector<RunOutcome>* outcomes_;
  int parameters_;
  std::string text_;
};

struct Sweep {
  ScenarioPtr scenario = sweep_fixture_scenario();
  Simulator simulator{scenario, builtin_agents()};
  UncertaintySpec spec = sweep_fixture_uncertainty(DesignKind::LatinHypercube);
  std::vector<ParameterSlot> slots = bind_parameters(spec, *scenario, builtin_agents());
  std::uint64_t runs;
  SamplingDesign design;

  explicit Sweep(std::uint64_t n) : runs(n), design(spec, 11, n) {}

  // Runs `blocks` (all when empty) on `threads` threads with blocks of `block_size` runs.
  std::vector<RunOutcome> run(int threads, std::uint64_t block_size, std::string* ordered = nullptr,
                              std::vector<std::uint64_t> blocks = {}, std::uint64_t stop_after = 0,
                              SweepProgress* progress = nullptr) {
    std::vector<RunOutcome> outcomes(runs);
    std::vector<std::unique_ptr<Collector>> workers;
    for (int t = 0; t < threads; ++t)
      workers.push_back(std::make_unique<Collector>(outcomes, design.parameter_count()));
    SweepOptions options;
    options.seed = 11;
    options.threads = threads;
    options.block_size = block_size;
    if (blocks.empty())
      for (std::uint64_t b = 0; b < sweep_block_count(runs, block_size); ++b) blocks.push_back(b);
    options.blocks = blocks;
    options.stop_after_blocks = stop_after;
    if (ordered) options.ordered_output = [ordered](const std::string& text) { *ordered += text; };
    const SweepProgress p = run_sweep(simulator, design, slots, options,
                                      [&](int t) -> SweepWorker& { return *workers[t]; });
    if (progress) *progress = p;
    return outcomes;
  }
};

TEST(SweepRunner, RunsDependOnlyOnSeedAndIndexNotOnThreads) {
  Sweep sweep(1000);
  const auto one = sweep.run(1, 64);
  const auto two = sweep.run(2, 64);
  const auto three = sweep.run(3, 64);
  const auto other_blocks = sweep.run(2, 100);
  int agreements = 0, breakdowns = 0;
  for (std::size_t i = 0; i < one.size(); ++i) {
    ASSERT_TRUE(one[i].seen);
    EXPECT_EQ(one[i], two[i]) << "run " << i;
    EXPECT_EQ(one[i], three[i]) << "run " << i;
    EXPECT_EQ(one[i], other_blocks[i]) << "run " << i;
    agreements += one[i].status[0] == static_cast<int>(TrackStatus::Agreed);
    breakdowns += one[i].status[0] == static_cast<int>(TrackStatus::Breakdown);
  }
  // The fixture must exercise both outcomes, or the comparison proves little.
  EXPECT_GT(agreements, 50);
  EXPECT_GT(breakdowns, 50);
}

TEST(SweepRunner, OrderedOutputArrivesInRunOrder) {
  Sweep sweep(777);
  std::string ordered;
  sweep.run(3, 10, &ordered);
  std::ostringstream expected;
  for (int i = 0; i < 777; ++i) expected << i << "\n";
  EXPECT_EQ(ordered, expected.str());
}

TEST(SweepRunner, RunsOnlyTheBlocksItIsGiven) {
  Sweep sweep(100);
  SweepProgress progress;
  const auto outcomes = sweep.run(2, 10, nullptr, {2, 5, 9}, 0, &progress);
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    const std::size_t block = i / 10;
    EXPECT_EQ(outcomes[i].seen, block == 2 || block == 5 || block == 9) << i;
  }
  EXPECT_EQ(progress.completed, 3u);
  EXPECT_EQ(progress.runs, 30u);
  EXPECT_FALSE(progress.stopped);
}

TEST(SweepRunner, AStoppedSweepFinishedAPrefixOfItsBlocks) {
  Sweep sweep(2000);
  for (int threads : {1, 2, 3}) {
    SweepProgress progress;
    std::string ordered;
    const auto outcomes = sweep.run(threads, 50, &ordered, {}, 5, &progress);
    EXPECT_TRUE(progress.stopped);
    EXPECT_GE(progress.completed, 5u);
    EXPECT_LT(progress.completed, 40u);
    EXPECT_EQ(progress.runs, progress.completed * 50);
    for (std::size_t i = 0; i < outcomes.size(); ++i)
      EXPECT_EQ(outcomes[i].seen, i < progress.completed * 50) << "threads " << threads;
    EXPECT_EQ(std::count(ordered.begin(), ordered.end(), '\n'), static_cast<long>(progress.runs));
  }
}

TEST(SweepRunner, AnExceptionInAThreadReachesTheCaller) {
  struct Failing final : SweepWorker {
    void add(std::uint64_t run, const double*, const RunResult&) override {
      if (run == 123) throw std::runtime_error("boom");
    }
  };
  Sweep sweep(500);
  std::vector<Failing> workers(2);
  SweepOptions options;
  options.threads = 2;
  options.block_size = 50;
  for (std::uint64_t b = 0; b < 10; ++b) options.blocks.push_back(b);
  EXPECT_THROW(run_sweep(sweep.simulator, sweep.design, sweep.slots, options,
                         [&](int t) -> SweepWorker& { return workers[t]; }),
               std::runtime_error);
}

}  // namespace
}  // namespace parley
