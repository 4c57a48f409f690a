// The simulated outcome set beside the historical one (analysis/report/history_comparison.hpp): the
// per-track verdicts against hand-made runs whose answers are known, the run report's text and
// JSON, and the sweep's tally — exact under any split and merge order, through its JSON state,
// and without allocation once warm.
#include "analysis/report/history_comparison.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "agents/builtin_agents.hpp"
#include "engine/load/scenario_loader.hpp"
#include "engine/random/sampling_design.hpp"
#include "sweep/recorder.hpp"
#include "sweep/run_workspace.hpp"
#include "tests/support/allocation_counter.hpp"

namespace parley {
namespace {

// Humanitarian track (pow_form: options; pows: quantity 0..2000 in steps of 500) agreed in
// history on 2025-06-12, round 3, as "all for all by category" and 1,000; political track
// (ceasefire, neutral) never agreed. Three days a round from 2025-06-02.
ScenarioPtr scenario() {
  static const ScenarioPtr s = load_scenario(
      std::string(PARLEY_SOURCE_DIR) + "/tests/data/history/two-tracks.json", builtin_agents());
  return s;
}

TrackResult agreed(int round, std::initializer_list<double> values) {
  TrackResult r;
  r.status = TrackStatus::Agreed;
  r.round = round;
  r.proposer = 0;
  r.deal.size = static_cast<int>(values.size());
  std::copy(values.begin(), values.end(), r.deal.values.begin());
  r.payoff = {0.5, 0.5};
  return r;
}

TrackResult closed(TrackStatus status, int round) {
  TrackResult r;
  r.status = status;
  r.round = round;
  r.payoff = {0.0, 0.0};
  return r;
}

RunResult run(TrackResult humanitarian, TrackResult political) {
  RunResult r;
  r.tracks = {humanitarian, political};
  r.parties.resize(2);
  r.rounds = std::max(humanitarian.round, political.round) + 1;
  return r;
}

TEST(HistoryComparison, TheLoaderReadsTheTestScenariosHistory) {
  const HistorySpec& h = scenario()->history;
  ASSERT_TRUE(h.present);
  ASSERT_EQ(h.tracks.size(), 2u);
  EXPECT_TRUE(h.tracks[0].agreed);
  EXPECT_EQ(h.tracks[0].round, 3);  // 2025-06-12 is in the fourth three-day round (from 06-11)
  ASSERT_EQ(h.tracks[0].terms.size(), 2u);
  EXPECT_FALSE(h.tracks[1].agreed);
}

TEST(HistoryComparison, AgreedInBothLaterAndOnTheSameGridLevels) {
  // 1,100 prisoners falls on the 1,000 level of a 500-step grid: as in history.
  const auto c = compare_with_history(*scenario(),
                                      run(agreed(5, {1, 1100}), closed(TrackStatus::Deadline, 9)));
  ASSERT_TRUE(c.present);
  ASSERT_EQ(c.tracks.size(), 2u);
  EXPECT_TRUE(c.tracks[0].status_match);
  EXPECT_EQ(c.tracks[0].round_difference, 2);
  EXPECT_EQ(c.tracks[0].terms_compared, 2);
  EXPECT_EQ(c.tracks[0].terms_matched, 2);
  EXPECT_TRUE(c.tracks[1].status_match);
  EXPECT_TRUE(c.pattern_match);
  EXPECT_TRUE(c.order_match);
  EXPECT_EQ(c.last_track, 0);
  EXPECT_TRUE(c.last_match);
  // 1,300 is nearer 1,500: one term of two differs; N-for-N differs too.
  const auto d = compare_with_history(*scenario(),
                                      run(agreed(1, {0, 1300}), closed(TrackStatus::Breakdown, 4)));
  EXPECT_EQ(d.tracks[0].round_difference, -2);
  EXPECT_EQ(d.tracks[0].terms_matched, 0);
  const auto e = compare_with_history(*scenario(),
                                      run(agreed(3, {1, 1300}), closed(TrackStatus::Breakdown, 4)));
  EXPECT_EQ(e.tracks[0].round_difference, 0);
  EXPECT_EQ(e.tracks[0].terms_matched, 1);
}

TEST(HistoryComparison, ADifferentPatternAndALaterAgreement) {
  // Humanitarian not agreed: status differs, no terms compared.
  const auto c = compare_with_history(
      *scenario(), run(closed(TrackStatus::WalkAway, 2), closed(TrackStatus::Deadline, 9)));
  EXPECT_FALSE(c.tracks[0].status_match);
  EXPECT_EQ(c.tracks[0].terms_compared, 0);
  EXPECT_FALSE(c.pattern_match);
  EXPECT_FALSE(c.last_match);
  // Both agreed, political after humanitarian: the political track differs from history and
  // humanitarian is no longer the last agreement.
  const auto d = compare_with_history(*scenario(), run(agreed(3, {1, 1000}), agreed(6, {2, 1})));
  EXPECT_TRUE(d.tracks[0].status_match);
  EXPECT_FALSE(d.tracks[1].status_match);
  EXPECT_FALSE(d.pattern_match);
  EXPECT_FALSE(d.last_match);
  // Political first, humanitarian later: humanitarian is still last.
  const auto e = compare_with_history(*scenario(), run(agreed(7, {1, 1000}), agreed(6, {2, 1})));
  EXPECT_TRUE(e.last_match);
}

TEST(HistoryComparison, OrderOfTwoTracksAgreedInHistory) {
  // The same case with the political track agreed in history after the humanitarian one.
  Scenario s = *scenario();
  s.history.tracks[1].agreed = true;
  s.history.tracks[1].round = 5;
  s.history.tracks[1].date = "2025-06-17";
  const auto in_order = compare_with_history(s, run(agreed(2, {1, 1000}), agreed(4, {2, 1})));
  EXPECT_TRUE(in_order.pattern_match);
  EXPECT_TRUE(in_order.order_match);
  EXPECT_EQ(in_order.last_track, 1);
  EXPECT_TRUE(in_order.last_match);
  const auto reversed = compare_with_history(s, run(agreed(7, {1, 1000}), agreed(4, {2, 1})));
  EXPECT_TRUE(reversed.pattern_match);
  EXPECT_FALSE(reversed.order_match);
  EXPECT_FALSE(reversed.last_match);
}

TEST(HistoryComparison, ReportTextAndJson) {
  const Scenario& s = *scenario();
  const auto c =
      compare_with_history(s, run(agreed(5, {0, 1100}), closed(TrackStatus::Deadline, 9)));
  const std::string text = history_text(s, c);
  for (const char* expected :
       {"History: what really happened, beside this run", "agreed 2025-06-12 (exchange 3)",
        "agreed 2025-06-17 (exchange 5)", "2 exchanges later",
        "not agreed: deadline 2025-06-29 (exchange 9)", "Terms on humanitarian", "N-for-N",
        "differs", "1 of 2 as in history", "Pattern of agreements: as in history",
        "Agreed last in history: humanitarian; in this run also last",
        "1,000 prisoners were exchanged by each side."})
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;

  const auto j = history_json(s, c);
  EXPECT_EQ(j["end"], "2025-06-29");
  ASSERT_EQ(j["tracks"].size(), 2u);
  const auto& h = j["tracks"][0];
  EXPECT_EQ(h["id"], "humanitarian");
  EXPECT_EQ(h["historical"]["date"], "2025-06-12");
  EXPECT_EQ(h["historical"]["round"], 3);
  EXPECT_EQ(h["simulated"]["status"], "agreed");
  EXPECT_EQ(h["simulated"]["date"], "2025-06-17");
  EXPECT_EQ(h["round_difference"], 2);
  EXPECT_EQ(h["terms"][0]["issue"], "pow_form");
  EXPECT_EQ(h["terms"][0]["historical"]["text"], "all for all by category");
  EXPECT_EQ(h["terms"][0]["simulated"]["text"], "N-for-N");
  EXPECT_EQ(h["terms"][0]["match"], false);
  EXPECT_EQ(h["terms"][1]["match"], true);
  EXPECT_EQ(h["terms_compared"], 2);
  EXPECT_EQ(h["terms_matched"], 1);
  const auto& p = j["tracks"][1];
  EXPECT_EQ(p["historical"]["date"], nullptr);
  EXPECT_EQ(p["simulated"]["status"], "deadline");
  EXPECT_EQ(p["round_difference"], nullptr);
  EXPECT_TRUE(p["terms"].empty());
  EXPECT_EQ(j["pattern_match"], true);
  EXPECT_EQ(j["last_agreed"], "humanitarian");
  EXPECT_EQ(j["facts"].size(), 1u);

  // Not agreed in the run: the historical terms stand against nothing.
  const auto n = history_json(s, compare_with_history(s, run(closed(TrackStatus::Breakdown, 1),
                                                             closed(TrackStatus::Deadline, 9))));
  EXPECT_EQ(n["tracks"][0]["terms"][0]["simulated"], nullptr);
  EXPECT_EQ(n["tracks"][0]["terms"][0]["match"], nullptr);
  EXPECT_EQ(n["tracks"][0]["status_match"], false);

  // No history block: no section, null JSON.
  Scenario none = s;
  none.history = HistorySpec{};
  const auto c0 =
      compare_with_history(none, run(agreed(5, {0, 1100}), closed(TrackStatus::Deadline, 9)));
  EXPECT_TRUE(history_text(none, c0).empty());
  EXPECT_TRUE(history_json(none, c0).is_null());
}

// Real runs of the scenario under its uncertainty block, compared with history.
std::vector<HistoryComparison> sweep_comparisons(std::uint64_t runs) {
  const ScenarioPtr s = scenario();
  const Simulator simulator(s, builtin_agents());
  const std::vector<ParameterSlot> slots = bind_parameters(s->uncertainty, *s, builtin_agents());
  const SamplingDesign design(s->uncertainty, 7, runs);
  RunWorkspace workspace(simulator, slots);
  std::vector<double> drawn(slots.size());
  std::vector<HistoryComparison> out;
  for (std::uint64_t run = 0; run < runs; ++run) {
    design.draw(run, drawn.data());
    workspace.apply(drawn.data());
    out.push_back(compare_with_history(*s, simulator.run(7, run, workspace.state())));
  }
  return out;
}

TEST(HistoryTally, CountsMatchTheComparisonsAndMergeExactlyInAnyOrder) {
  const auto comparisons = sweep_comparisons(2000);
  const HistoryOutline outline = history_outline(*scenario());
  HistoryTally whole(outline);
  std::uint64_t status = 0, terms = 0, pattern = 0, both = 0;
  double difference = 0;
  for (const auto& c : comparisons) {
    whole.add(c);
    status += c.tracks[0].status_match;
    terms += c.tracks[0].terms_compared == 2 && c.tracks[0].terms_matched == 2;
    pattern += c.pattern_match;
    if (c.tracks[0].simulated == TrackStatus::Agreed) {
      ++both;
      difference += c.tracks[0].round_difference;
    }
  }
  // The sample has both verdicts, so the counts below can fail.
  ASSERT_GT(pattern, 0u);
  ASSERT_LT(pattern, comparisons.size());
  ASSERT_GT(both, 0u);
  const nlohmann::json summary = whole.summary(outline);
  EXPECT_EQ(summary["runs"], comparisons.size());
  EXPECT_EQ(summary["round_name"], "exchange");
  const auto& h = summary["tracks"][0];
  EXPECT_EQ(h["id"], "humanitarian");
  EXPECT_EQ(h["status_match"]["successes"], status);
  EXPECT_EQ(h["terms_match"]["successes"], terms);
  EXPECT_EQ(h["round_difference"]["count"], both);
  EXPECT_DOUBLE_EQ(h["round_difference"]["mean"].get<double>(), difference / double(both));
  EXPECT_EQ(summary["tracks"][1]["terms_match"], nullptr);
  EXPECT_EQ(summary["tracks"][1]["round_difference"], nullptr);
  EXPECT_EQ(summary["pattern_match"]["successes"], pattern);
  const auto w = summary["pattern_match"]["wilson95"];
  const Interval expected = wilson_interval(pattern, comparisons.size());
  EXPECT_DOUBLE_EQ(w[0].get<double>(), expected.lower);
  EXPECT_DOUBLE_EQ(w[1].get<double>(), expected.upper);

  // Random contiguous splits, each through its JSON state, merged in a random order.
  std::mt19937_64 rng(11);
  for (int trial = 0; trial < 5; ++trial) {
    std::vector<std::size_t> cuts = {0, comparisons.size()};
    for (int k = 0; k < 4; ++k) cuts.push_back(rng() % (comparisons.size() + 1));
    std::sort(cuts.begin(), cuts.end());
    std::vector<HistoryTally> parts;
    for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
      HistoryTally part(outline);
      for (std::size_t i = cuts[k]; i < cuts[k + 1]; ++i) part.add(comparisons[i]);
      parts.push_back(HistoryTally::from_state(nlohmann::json::parse(part.state().dump())));
    }
    std::shuffle(parts.begin(), parts.end(), rng);
    HistoryTally merged(outline);
    for (const auto& part : parts) merged.merge(part);
    EXPECT_TRUE(merged == whole);
    EXPECT_EQ(merged.summary(outline).dump(), summary.dump());
  }
  // The outline travels in state.json.
  EXPECT_TRUE(history_outline_from_json(nlohmann::json::parse(to_json(outline).dump())) == outline);
  // A tally of another scenario does not merge.
  HistoryOutline other = outline;
  other.tracks.pop_back();
  EXPECT_THROW(whole.merge(HistoryTally(other)), std::invalid_argument);
}

TEST(HistoryTally, TheSweepRecorderComparesEveryRunWithoutAllocatingOnceWarm) {
  const ScenarioPtr s = scenario();
  const Simulator simulator(s, builtin_agents());
  const std::vector<ParameterSlot> slots = bind_parameters(s->uncertainty, *s, builtin_agents());
  const auto layout =
      std::make_shared<const SweepLayout>(make_sweep_layout(simulator, slots, s->uncertainty));
  ASSERT_TRUE(layout->history.present);
  const SamplingDesign design(s->uncertainty, 7, 400);
  RunWorkspace workspace(simulator, slots);
  std::vector<std::vector<double>> drawn;
  std::vector<RunResult> results;
  for (std::uint64_t run = 0; run < 400; ++run) {
    drawn.emplace_back(slots.size());
    design.draw(run, drawn.back().data());
    workspace.apply(drawn.back().data());
    results.push_back(simulator.run(7, run, workspace.state()));
  }
  SweepRecorder r(simulator, layout, slots, efficiency_references(simulator), false);
  for (std::uint64_t run = 0; run < 200; ++run) r.add(run, drawn[run].data(), results[run]);
  {
    testing::CountAllocations counter;
    for (std::uint64_t run = 200; run < 400; ++run) r.add(run, drawn[run].data(), results[run]);
    EXPECT_EQ(counter.count(), 0u);
  }
  const nlohmann::json summary = r.statistics().summary();
  ASSERT_TRUE(summary.contains("history"));
  EXPECT_EQ(summary["history"]["runs"], 400);
  // The state carries the tally: read back, it gives the same summary.
  const SweepStatistics back =
      SweepStatistics::from_state(layout, nlohmann::json::parse(r.statistics().state().dump()));
  EXPECT_EQ(back.summary().dump(), summary.dump());
}

}  // namespace
}  // namespace parley
