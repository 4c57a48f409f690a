// The disagreement point a run starts from, held to Fearon (1995): on a war track it is the
// value of fighting on, (p - c_A, 1 - p - c_B) with one decisive battle and no discounting, and
// the Nash solution with war as the threat point splits the pie at p + (c_B - c_A) / 2.
#include "analysis/solutions/disagreement_point.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "agents/builtin_agents.hpp"
#include "analysis/solutions/bargaining_solutions.hpp"
#include "analysis/solutions/efficiency.hpp"
#include "analysis/solutions/utility_set.hpp"
#include "engine/load/scenario_loader.hpp"

namespace parley {
namespace {

const std::string kFearon = std::string(PARLEY_SOURCE_DIR) + "/tests/data/world/fearon-war.json";

// The Fearon scenario with win probability p and costs c_A, c_B.
ScenarioPtr fearon(double p, double cost_a, double cost_b) {
  std::ifstream in(kFearon);
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json j = nlohmann::json::parse(text.str());
  j["world"]["battlefield"]["win_probability"] = p;
  j["world"]["parties"]["A"]["costs"]["war"]["utility_per_unit"] = cost_a;
  j["world"]["parties"]["B"]["costs"]["war"]["utility_per_unit"] = cost_b;
  return load_scenario_text(j.dump(), kFearon, builtin_agents());
}

TEST(DisagreementPoint, OnAWarTrackItIsTheValueOfFightingOn) {
  const struct {
    double p, cost_a, cost_b;
  } cases[] = {{0.6, 0.05, 0.15}, {0.5, 0.2, 0.2}, {0.3, 0.01, 0.25}, {0.8, 0.1, 0.0}};
  for (const auto& c : cases) {
    const Simulator simulator(fearon(c.p, c.cost_a, c.cost_b), builtin_agents());
    const DisagreementPoint point = run_disagreement_point(simulator, 0);
    EXPECT_EQ(point.source, DisagreementSource::ValueOfFightingOn);
    EXPECT_NEAR(point.values[0], c.p - c.cost_a, 1e-12);
    EXPECT_NEAR(point.values[1], 1 - c.p - c.cost_b, 1e-12);
    // The file's reservation (0, 0) is not what a run starts from.
    EXPECT_EQ(simulator.scenario().parties[0].preferences.reservation[0], 0.0);

    // Nash with war as the threat point: A's share p + (c_B - c_A) / 2 (on the 0.001 grid).
    UtilitySet set = utility_set(simulator.space(0), simulator.scenario());
    set.disagreement = point.values;
    const auto nash = nash_solution(set);
    ASSERT_TRUE(nash.has_value());
    const double x = simulator.space(0).deal(*nash).values[0];
    EXPECT_NEAR(x, c.p + (c.cost_b - c.cost_a) / 2, 0.0005 + 1e-12)
        << "p = " << c.p << ", c = (" << c.cost_a << ", " << c.cost_b << ")";
    const EfficiencyReference reference = efficiency_reference(set);
    ASSERT_TRUE(reference.nash().has_value());
    EXPECT_NEAR((*reference.nash())[0], c.p + (c.cost_b - c.cost_a) / 2, 0.0005 + 1e-12);
  }
}

TEST(DisagreementPoint, ElsewhereItIsTheReservation) {
  const ScenarioPtr s = load_scenario(
      std::string(PARLEY_SOURCE_DIR) + "/scenarios/textbook/outside-option-binding.json",
      builtin_agents());
  const Simulator simulator(s, builtin_agents());
  const DisagreementPoint point = run_disagreement_point(simulator, 0);
  EXPECT_EQ(point.source, DisagreementSource::Reservation);
  for (std::size_t p = 0; p < s->parties.size(); ++p)
    EXPECT_EQ(point.values[static_cast<Eigen::Index>(p)], s->parties[p].preferences.reservation[0]);
  EXPECT_STREQ(describe(point.source), "reservation values");
  EXPECT_STREQ(json_name(DisagreementSource::ValueOfFightingOn), "value_of_fighting_on");
}

}  // namespace
}  // namespace parley
