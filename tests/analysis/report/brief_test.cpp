// Briefs: a party's brief depends only on what the party may know (docs/architecture.md, rule 2),
// checked on every shipped scenario by changing every private field of the other parties and
// asking for the same bytes; and the numbers the briefs print against the solutions.
#include "analysis/report/brief.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "agents/builtin_agents.hpp"
#include "analysis/report/points.hpp"
#include "analysis/solutions/bargaining_solutions.hpp"
#include "analysis/solutions/disagreement_point.hpp"
#include "analysis/solutions/utility_set.hpp"
#include "engine/load/scenario_loader.hpp"

namespace parley {
namespace {

std::vector<std::string> shipped_scenarios() {
  std::vector<std::string> files;
  for (const char* dir : {"scenarios", "scenarios/textbook"})
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(PARLEY_SOURCE_DIR) + "/" + dir))
      if (entry.path().extension() == ".json" &&
          entry.path().filename() != "scenario.schema.json" &&
          !is_forecast_only(entry.path().string()))
        files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

// Every field of party q that only q may know, changed to other values.
void disguise(Scenario& s, std::size_t q) {
  Party& other = s.parties[q];
  Preferences& prefs = other.preferences;
  if (!s.protocol.complete_information) {
    for (std::size_t i = 0; i < prefs.weights.size(); ++i)
      prefs.weights[i] = 0.173 + 0.291 * static_cast<double>(i % 3);
    for (std::size_t i = 0; i < prefs.values.size(); ++i) {
      const Issue& issue = s.issues[i];
      prefs.values[i] =
          prefs.values[i].is_table()
              ? ValueFunction::table(
                    std::vector<double>(prefs.values[i].table_values().size(), 0.417))
              : ValueFunction::piecewise_linear({{issue.min, 0.313}, {issue.max, 0.687}});
    }
    for (double& r : prefs.reservation) r = 0.0731;
    prefs.discount = 0.913;
    prefs.cost_per_round = 0.00377;
    prefs.salience_source = "SECRET-SALIENCE-OF-" + other.id;
  }
  for (PartyType& type : other.types) {
    type.label = type.label;  // the labels and chances are the public prior
    for (double& r : type.reservation)
      if (is_set(r)) r = 0.0619;
    if (is_set(type.cost_per_round)) type.cost_per_round = 0.0271;
    if (is_set(type.war_cost_scale)) type.war_cost_scale = 3.7;
  }
  if (q < s.world.parties.size())
    for (PartyCost& cost : s.world.parties[q].costs) {
      cost.per_round.mean = cost.per_round.mean * 3.1 + 17.0;
      cost.utility_per_unit *= 1.9;
    }
  other.agent.model = "boulware";
  other.agent.params.clear();
}

class BriefPrivacy : public ::testing::TestWithParam<std::string> {};

TEST_P(BriefPrivacy, NoPrivateFieldOfAnotherPartyAppears) {
  const ScenarioPtr scenario = load_scenario(GetParam(), builtin_agents());
  const Simulator simulator(scenario, builtin_agents());
  for (std::size_t p = 0; p < scenario->parties.size(); ++p) {
    const Brief brief = party_brief(simulator, static_cast<int>(p));
    const std::string markdown = brief.markdown();
    EXPECT_NE(markdown.find("Confidential brief: " + scenario->parties[p].name), std::string::npos);

    auto disguised = std::make_shared<Scenario>(*scenario);
    for (std::size_t q = 0; q < scenario->parties.size(); ++q)
      if (q != p) disguise(*disguised, q);
    const Simulator other_simulator(disguised, builtin_agents());
    const Brief same = party_brief(other_simulator, static_cast<int>(p));
    EXPECT_EQ(same.markdown(), markdown)
        << "the brief of " << scenario->parties[p].id << " in " << GetParam()
        << " changes with another party's private fields";
    EXPECT_EQ(same.html(), brief.html());
    for (std::size_t q = 0; q < scenario->parties.size(); ++q)
      if (q != p && !scenario->protocol.complete_information) {
        const std::string& note = scenario->parties[q].preferences.salience_source;
        if (note.size() > 12) {
          EXPECT_EQ(markdown.find(note), std::string::npos);
        }
      }
  }
}

// The disguise really changes what the instructor sees, so the test above can fail.
TEST(BriefPrivacyCheck, TheInstructorBriefChangesWithEveryPartysPreferences) {
  const ScenarioPtr scenario = load_scenario(
      std::string(PARLEY_SOURCE_DIR) + "/scenarios/korea-1951-53.json", builtin_agents());
  auto disguised = std::make_shared<Scenario>(*scenario);
  disguise(*disguised, 1);
  const Simulator a(scenario, builtin_agents());
  const Simulator b(disguised, builtin_agents());
  EXPECT_NE(instructor_brief(a).markdown(), instructor_brief(b).markdown());
  EXPECT_NE(party_brief(a, 1).markdown(), party_brief(b, 1).markdown());
  EXPECT_EQ(party_brief(a, 0).markdown(), party_brief(b, 0).markdown());
}

INSTANTIATE_TEST_SUITE_P(Shipped, BriefPrivacy, ::testing::ValuesIn(shipped_scenarios()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string name = std::filesystem::path(param.param).stem().string();
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

TEST(Brief, KoreaPartyBriefHasScheduleNoDealScoreAndPriorities) {
  const ScenarioPtr scenario = load_scenario(
      std::string(PARLEY_SOURCE_DIR) + "/scenarios/korea-1951-53.json", builtin_agents());
  const Simulator simulator(scenario, builtin_agents());
  const std::string md = party_brief(simulator, 0).markdown();
  EXPECT_NE(md.find("## Public brief"), std::string::npos);
  EXPECT_NE(md.find("Your point schedule: Armistice"), std::string::npos);
  // UNC: repatriation weight 0.8 of 1.0 on the armistice track, values 0, 0.7, 1.
  EXPECT_NE(md.find("| voluntary: non-repatriates released by the detaining side | 80 |"),
            std::string::npos);
  EXPECT_NE(md.find("| non-repatriates to a neutral commission (NNRC) | 56 |"), std::string::npos);
  EXPECT_NE(md.find("Your no-deal score on this track: 30 points"), std::string::npos);
  EXPECT_NE(md.find("Repatriation of prisoners of war gives up to 80 points, more than any other"),
            std::string::npos);
  EXPECT_EQ(md.find("Pareto"), std::string::npos);  // instructor only
  EXPECT_EQ(md.find("What happened"), std::string::npos);
}

TEST(Brief, InstructorBriefPrintsTheNashAndKalaiSmorodinskyPoints) {
  const ScenarioPtr scenario = load_scenario(
      std::string(PARLEY_SOURCE_DIR) + "/scenarios/korea-1951-53.json", builtin_agents());
  const Simulator simulator(scenario, builtin_agents());
  const std::string md = instructor_brief(simulator).markdown();
  // The armistice has no deal both sides prefer to no deal at the start: no Nash point.
  EXPECT_NE(md.find("No deal is worth its no-deal score to every party"), std::string::npos);
  for (int t = 0; t < 2; ++t) {
    UtilitySet set = utility_set(simulator.space(t), *scenario);
    set.disagreement = run_disagreement_point(simulator, t).values;
    const auto nash = nash_solution(set);
    if (!nash) continue;
    const Deal deal = simulator.space(t).deal(*nash);
    std::string row = "| Nash |";
    for (int k = 0; k < simulator.space(t).issue_count(); ++k)
      row += " " + scenario->issues[simulator.space(t).issue(k)].describe(deal.values[k]) + " |";
    for (int p = 0; p < 2; ++p)
      row += " " + format_points(to_points(set.utilities(*nash, p))) + " |";
    EXPECT_NE(md.find(row), std::string::npos) << row;
  }
  EXPECT_NE(md.find("Confidential brief: United Nations Command"), std::string::npos);
  EXPECT_NE(md.find("Confidential brief: Korean People's Army"), std::string::npos);
  EXPECT_NE(md.find("### What happened"), std::string::npos);
  EXPECT_NE(md.find("Rhee releases about 27,000"), std::string::npos);
}

TEST(Brief, HtmlIsAPrintablePageWithNoScript) {
  const ScenarioPtr scenario = load_scenario(
      std::string(PARLEY_SOURCE_DIR) + "/scenarios/istanbul-2025.json", builtin_agents());
  const Simulator simulator(scenario, builtin_agents());
  const Brief b = party_brief(simulator, 0);
  const std::string html = b.html();
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("http"), html.find("http"));  // sources may be cited; nothing is loaded
  EXPECT_NE(html.find("page-break"), std::string::npos);
  EXPECT_NE(html.find(b.html_body()), std::string::npos);
}

}  // namespace
}  // namespace parley
