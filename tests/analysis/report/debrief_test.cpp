#include "analysis/report/debrief.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "agents/builtin_agents.hpp"
#include "analysis/report/points.hpp"
#include "analysis/report/trace_reader.hpp"
#include "analysis/report/trace_writer.hpp"
#include "analysis/solutions/bargaining_solutions.hpp"
#include "engine/input_error.hpp"
#include "engine/load/scenario_loader.hpp"

namespace parley {
namespace {

ScenarioPtr korea() {
  return load_scenario(std::string(PARLEY_SOURCE_DIR) + "/scenarios/korea-1951-53.json",
                       builtin_agents());
}

DebriefTable table_of(const Simulator& sim, std::uint64_t seed, const std::string& name) {
  std::ostringstream out;
  JsonlTraceWriter writer(sim, out);
  sim.run(seed, 0, &writer);
  return {name, parse_trace(out.str(), name)};
}

TEST(Debrief, EachTablesDealIsMeasuredAgainstTheTrackReference) {
  const auto s = korea();
  const Simulator sim(s, builtin_agents());
  std::vector<DebriefTable> tables{table_of(sim, 1, "t1"), table_of(sim, 2, "t2")};
  std::vector<TrackReference> refs{track_reference(sim, 0), track_reference(sim, 1)};
  const auto outcomes = table_outcomes(sim, refs, tables);
  ASSERT_EQ(outcomes.size(), 2u);
  const RunResult r = sim.run(1, 0);
  for (std::size_t t = 0; t < 2; ++t) {
    const TableTrack& tt = outcomes[0].tracks[t];
    ASSERT_EQ(tt.deal.has_value(), r.tracks[t].status == TrackStatus::Agreed);
    if (!tt.deal) continue;
    EXPECT_EQ(tt.deal->outcome, r.tracks[t].deal.outcome);
    for (int p = 0; p < 2; ++p)
      EXPECT_NEAR(tt.evaluation.utilities[p],
                  sim.space(static_cast<int>(t)).utility(p, r.tracks[t].deal), 1e-12);
    EXPECT_NEAR(tt.joint_points, to_points(tt.evaluation.utilities.sum()), 1e-9);
  }
  EXPECT_TRUE(outcomes[0].finished);
}

TEST(Debrief, TheAgentsTypicalDealIsTheirMostFrequent) {
  const auto s = korea();
  const Simulator sim(s, builtin_agents());
  const AgentBaseline b = agent_baseline(sim, 20, 1);
  EXPECT_EQ(b.runs, 20);
  for (const auto& t : b.tracks) {
    EXPECT_LE(t.typical_count, t.agreed);
    if (t.agreed > 0) {
      EXPECT_TRUE(t.typical.has_value());
    }
  }
}

TEST(Debrief, ThePageHasTheClassTableAndTheTheoryMarkers) {
  const auto s = korea();
  const Simulator sim(s, builtin_agents());
  std::vector<DebriefTable> tables{table_of(sim, 1, "t1"), table_of(sim, 3, "t2")};
  const ReportPage page = debrief_page(sim, tables, agent_baseline(sim, 10, 1));
  ASSERT_FALSE(page.sections.empty());
  ASSERT_EQ(page.tables.size(), 1u);
  const PageTable& table = page.tables[0];
  EXPECT_EQ(table.section, 0u);
  // Two tables times two tracks, and the references (agents, history) per track.
  EXPECT_GE(table.rows.size(), 4u);
  EXPECT_EQ(table.rows[0][0], "t1");
  bool history = false;
  for (const auto& row : table.rows) history = history || row[0] == "(history)";
  EXPECT_TRUE(history);
  // The Nash marker of each track's chart is analyze's Nash point, in points.
  for (std::size_t t = 0; t < 2; ++t) {
    const auto& chart = page.sections[1 + t].charts.at(0);
    const auto* markers = chart_data(chart.spec, "markers");
    ASSERT_NE(markers, nullptr);
    const TrackReference ref = track_reference(sim, static_cast<int>(t));
    if (!ref.nash) continue;  // the armistice at the start
    bool found = false;
    for (const auto& m : *markers)
      if (m["label"] == "Nash") {
        found = true;
        EXPECT_NEAR(m["x"].get<double>(), to_points(ref.set.utilities(*ref.nash, 0)), 1e-9);
        EXPECT_NEAR(m["y"].get<double>(), to_points(ref.set.utilities(*ref.nash, 1)), 1e-9);
      }
    EXPECT_TRUE(found);
  }
}

TEST(Debrief, AnUnfinishedTableIsShownAsItStands) {
  const auto s = korea();
  const Simulator sim(s, builtin_agents());
  DebriefTable t = table_of(sim, 1, "t1");
  t.trace.resize(5);  // cut short: no closings, no run-end
  std::vector<TrackReference> refs{track_reference(sim, 0), track_reference(sim, 1)};
  const auto outcomes = table_outcomes(sim, refs, {t});
  EXPECT_FALSE(outcomes[0].finished);
  EXPECT_FALSE(outcomes[0].tracks[1].deal.has_value());
  EXPECT_EQ(outcomes[0].tracks[1].status, "open");
}

TEST(Debrief, ATraceOfAnotherScenarioIsBadInput) {
  const auto s = korea();
  const Simulator sim(s, builtin_agents());
  DebriefTable t{"other", {nlohmann::json{{"event", "move"}, {"track", "treaty"}}}};
  std::vector<TrackReference> refs{track_reference(sim, 0), track_reference(sim, 1)};
  EXPECT_THROW(table_outcomes(sim, refs, {t}), InputError);
}

}  // namespace
}  // namespace parley
