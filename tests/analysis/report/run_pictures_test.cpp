#include "analysis/report/run_pictures.hpp"

#include <gtest/gtest.h>

#include "agents/builtin_agents.hpp"
#include "analysis/report/trace_reader.hpp"
#include "analysis/solutions/bargaining_solutions.hpp"
#include "analysis/solutions/utility_set.hpp"
#include "engine/input_error.hpp"
#include "engine/load/scenario_loader.hpp"
#include "engine/scenario/outcome_space.hpp"

namespace parley {
namespace {

const std::string kRoot = PARLEY_SOURCE_DIR;

const Chart* find_chart(const ReportPage& page, const std::string& title) {
  for (const auto& s : page.sections)
    for (const auto& c : s.charts)
      if (c.title == title) return &c;
  return nullptr;
}

TEST(RunPictures, EveryOfferAndTheBargainingPointsOfTheIstanbulRun) {
  const ScenarioPtr s = load_scenario(kRoot + "/scenarios/istanbul-2025.json", builtin_agents());
  const auto trace = read_trace(kRoot + "/tests/golden/istanbul-2025.jsonl");
  const ReportPage page = run_pictures(*s, trace, "istanbul-2025.jsonl");
  const Track& political = s->tracks[static_cast<std::size_t>(s->track_index("political"))];

  // The dance: one point per offer on the track and party.
  std::size_t offers = 0;
  for (const auto& line : trace)
    if (line["event"] == "move" && line["track"] == "political" && line["action"] == "offer")
      ++offers;
  const Chart* dance = find_chart(page, "Negotiation dance: " + political.label);
  ASSERT_NE(dance, nullptr);
  EXPECT_EQ(chart_data(dance->spec, "lines")->size(), offers * s->parties.size());

  // The utility space: the Nash point is the solution's.
  const Chart* space = find_chart(page, "Utility space: " + political.label);
  ASSERT_NE(space, nullptr);
  const OutcomeSpace os(*s, s->track_index("political"));
  const UtilitySet set = utility_set(os, *s);
  const auto nash = nash_solution(set);
  bool found = false;
  for (const auto& m : *chart_data(space->spec, "markers"))
    if (m["label"] == "Nash") {
      found = true;
      ASSERT_TRUE(nash.has_value());
      EXPECT_DOUBLE_EQ(m["x"].get<double>(), set.utilities(*nash, 0));
      EXPECT_DOUBLE_EQ(m["y"].get<double>(), set.utilities(*nash, 1));
    }
  EXPECT_EQ(found, nash.has_value());
  EXPECT_NE(find_chart(page, "Timeline of the talks"), nullptr);
  EXPECT_NE(find_chart(page, "Battlefield"), nullptr);
  EXPECT_NE(find_chart(page, "This run beside history"), nullptr);
}

TEST(RunPictures, ATraceOfAnotherScenarioIsRefused) {
  const ScenarioPtr s =
      load_scenario(kRoot + "/scenarios/textbook/rubinstein-0.9-0.9.json", builtin_agents());
  const auto trace = read_trace(kRoot + "/tests/golden/istanbul-2025.jsonl");
  EXPECT_THROW(run_pictures(*s, trace, "istanbul-2025.jsonl"), InputError);
}

}  // namespace
}  // namespace parley
