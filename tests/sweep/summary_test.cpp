// The sweep's statistics (docs/sweep.md): split-and-merge in any order gives the same bits as
// one pass; the state round-trips exactly; and the headline numbers match their closed forms —
// the Wilson interval, the survival curve of a fully observed sample, and the drivers of an
// outcome that a threshold on one parameter decides.
#include "sweep/summary.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "agents/builtin_agents.hpp"
#include "engine/random/sampling_design.hpp"
#include "sweep/recorder.hpp"
#include "sweep/run_workspace.hpp"
#include "sweep/runner.hpp"
#include "tests/support/allocation_counter.hpp"
#include "tests/support/sweep_fixture.hpp"

namespace parley {
namespace {

using namespace parley::testing;

// A fixture sweep whose runs can be recorded in any grouping.
struct FixtureSweep {
  ScenarioPtr scenario = sweep_fixture_scenario();
  Simulator simulator{scenario, builtin_agents()};
  UncertaintySpec spec = sweep_fixture_uncertainty();
  std::vector<ParameterSlot> slots = bind_parameters(spec, *scenario, builtin_agents());
  std::shared_ptr<const SweepLayout> layout =
      std::make_shared<const SweepLayout>(make_sweep_layout(simulator, slots, spec));
  std::shared_ptr<const std::vector<EfficiencyReference>> references =
      efficiency_references(simulator);
  SamplingDesign design{spec, 3, 3000};

  SweepRecorder recorder() const {
    return SweepRecorder(simulator, layout, slots, references, false);
  }
  // Records runs [first, last) with one thread into `into`.
  void record(SweepRecorder& into, std::uint64_t first, std::uint64_t last) const {
    SweepOptions options;
    options.seed = 3;
    options.block_size = 1;
    for (std::uint64_t run = first; run < last; ++run) options.blocks.push_back(run);
    run_sweep(simulator, design, slots, options, [&](int) -> SweepWorker& { return into; });
  }
};

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

TEST(SweepStatistics, StateRoundTripsExactly) {
  const FixtureSweep sweep;
  SweepRecorder r = sweep.recorder();
  sweep.record(r, 0, 500);
  const nlohmann::json state = r.statistics().state();
  const SweepStatistics back =
      SweepStatistics::from_state(sweep.layout, nlohmann::json::parse(state.dump()));
  EXPECT_TRUE(back == r.statistics());
  EXPECT_EQ(back.summary().dump(), r.statistics().summary().dump());
  // And the layout travels with it.
  EXPECT_TRUE(sweep_layout_from_json(to_json(*sweep.layout)) == *sweep.layout);
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

// A layout with one track of one options issue, one party and two uniform parameters.
std::shared_ptr<const SweepLayout> synthetic_layout() {
  SweepLayout l;
  SweepLayout::IssueInfo issue;
  issue.id = "q";
  issue.label = "Q";
  issue.kind = IssueKind::Quantity;
  issue.level_values = {0, 10, 20, 30};
  issue.min = 0;
  issue.max = 30;
  l.tracks.push_back({"t", "T", {issue}});
  l.parties.push_back({"P", "P", -1.0, 1.0});
  std::string error;
  l.parameters.push_back({"/x1", *parse_distribution("uniform(0, 1)", error), true});
  l.parameters.push_back({"/x2", *parse_distribution("uniform(0, 1)", error), true});
  return std::make_shared<const SweepLayout>(l);
}

struct SyntheticRun {
  RunResult result;
  int horizon = 9;
  std::optional<DealEfficiency> efficiency;

  SyntheticRun() {
    result.tracks.resize(1);
    result.parties.resize(1);
  }
  void add_to(SweepStatistics& s, std::uint64_t run, const double* x) {
    s.add(run, x, result, RunContext{&horizon, &efficiency});
  }
};

TEST(SweepStatistics, AgreementHasTheWilsonInterval) {
  SweepStatistics s(synthetic_layout());
  SyntheticRun r;
  const int n = 400, agreed = 37;
  for (int i = 0; i < n; ++i) {
    r.result.tracks[0].status = i < agreed ? TrackStatus::Agreed : TrackStatus::Breakdown;
    r.result.tracks[0].round = 2;
    r.result.tracks[0].deal.values[0] = 10;
    const double x[2] = {0.5, 0.5};
    r.add_to(s, static_cast<std::uint64_t>(i), x);
  }
  const auto a = s.summary()["tracks"][0]["agreement"];
  // Wilson (1927): centre (p + z²/2n)/(1 + z²/n), half-width z/(1 + z²/n) sqrt(p(1-p)/n + z²/4n²).
  const double z = 1.959963984540054, p = double(agreed) / n;
  const double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
  const double half = z / (1 + z * z / n) * std::sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
  EXPECT_DOUBLE_EQ(a["estimate"].get<double>(), p);
  EXPECT_NEAR(a["wilson95"][0].get<double>(), centre - half, 1e-12);
  EXPECT_NEAR(a["wilson95"][1].get<double>(), centre + half, 1e-12);
}

TEST(SweepStatistics, SurvivalOfAFullyObservedSampleIsOneMinusTheEmpiricalCdf) {
  SweepStatistics s(synthetic_layout());
  SyntheticRun r;
  // Rounds of agreement 0..4 with counts 1, 2, 3, 4, 5; 5 breakdowns (never agree, censored
  // at the horizon 9): S(t) = 1 - (agreements by t) / 20.
  int run = 0;
  for (int round = 0; round < 5; ++round) {
    for (int k = 0; k <= round; ++k) {
      r.result.tracks[0].status = TrackStatus::Agreed;
      r.result.tracks[0].round = round;
      r.result.tracks[0].deal.values[0] = 10.0 * (k % 4);
      const double x[2] = {0.1, 0.1};
      r.add_to(s, static_cast<std::uint64_t>(run++), x);
    }
  }
  for (int k = 0; k < 5; ++k) {
    r.result.tracks[0].status = TrackStatus::Breakdown;
    r.result.tracks[0].round = 1;
    const double x[2] = {0.1, 0.1};
    r.add_to(s, static_cast<std::uint64_t>(run++), x);
  }
  const auto summary = s.summary()["tracks"][0];
  const auto& survival = summary["round_of_agreement"]["survival"];
  double agreed_by = 0;
  for (const auto& step : survival["steps"]) {
    const int t = step["round"].get<int>();
    if (t < 5) {
      agreed_by += t + 1;
      EXPECT_NEAR(step["survival"].get<double>(), 1 - agreed_by / 20, 1e-12) << t;
    }
  }
  // Median: the first round with S(t) <= 0.5: S(3) = 1 - 10/20.
  EXPECT_EQ(survival["median"].get<int>(), 3);
  // Agreed quantities: levels 0, 10, 20, 30 with counts 4, 5, 3, 3 (k % 4 over the 15 deals):
  // the median (7.5th of 15) is 10, the 95th percentile 30.
  const auto& q = summary["terms"][0]["quantiles"];
  EXPECT_EQ(q["p50"].get<double>(), 10);
  EXPECT_EQ(q["p95"].get<double>(), 30);
}

TEST(SweepStatistics, DriversOfAThresholdOutcome) {
  // Agreement iff x1 > 0.5, x2 irrelevant. With x1 ~ U(0,1): corr(x1, 1{x1 > 1/2}) =
  // (E[x1 1{x1>1/2}] - 1/4) / (sqrt(1/12) / 2) = (3/8 - 1/4) / (1 / (4 sqrt 3)) = sqrt(3)/2, and
  // E[y | x1] = y, so x1's first-order Sobol index is 1; x2's are 0.
  SweepStatistics s(synthetic_layout());
  SyntheticRun r;
  RandomStream stream(1, 2, 3);
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    const double x[2] = {stream.uniform(), stream.uniform()};
    r.result.tracks[0].status = x[0] > 0.5 ? TrackStatus::Agreed : TrackStatus::Deadline;
    r.result.tracks[0].round = x[0] > 0.5 ? 1 : 9;
    r.add_to(s, static_cast<std::uint64_t>(i), x);
  }
  const nlohmann::json summary = s.summary();
  const auto& drivers = summary["drivers"];
  ASSERT_EQ(drivers[0]["outcome"], "agreement");
  const auto& x1 = drivers[0]["parameters"][0];
  const auto& x2 = drivers[0]["parameters"][1];
  EXPECT_NEAR(x1["src"].get<double>(), std::sqrt(3.0) / 2, 4 * x1["src_se"].get<double>() + 0.01);
  EXPECT_NEAR(x2["src"].get<double>(), 0.0, 4 * x2["src_se"].get<double>() + 0.01);
  EXPECT_NEAR(x1["sobol"].get<double>(), 1.0, 0.01);
  EXPECT_NEAR(x2["sobol"].get<double>(), 0.0, 0.01);
  EXPECT_GT(x1["src_se"].get<double>(), 0.0);
}

}  // namespace
}  // namespace parley
