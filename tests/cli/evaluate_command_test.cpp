// parley evaluate as a user runs it, and its numbers against parley analyze.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/cli/cli_test_support.hpp"

namespace parley {
namespace {

using testing::run_parley;

TEST(EvaluateCommand, ScoresADealInTextWithUnits) {
  const auto r = run_parley(
      "evaluate scenarios/korea-1951-53.json repatriation=neutral \"line=line of contact\"");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("Armistice: prisoner repatriation and the line"), std::string::npos);
  EXPECT_NE(r.out.find("Pareto-optimal:"), std::string::npos);
  EXPECT_NE(r.out.find("points (Euclidean, over the parties' points)"), std::string::npos);
  EXPECT_NE(r.out.find("Nash point:"), std::string::npos);
}

// The Nash point of analyze is Pareto-optimal at distance 0 from itself and the frontier.
TEST(EvaluateCommand, TheNashPointOfAnalyzeIsOptimalAtDistanceZero) {
  const auto a = run_parley("analyze scenarios/korea-1951-53.json --format json");
  ASSERT_EQ(a.status, 0);
  const auto analysis = nlohmann::json::parse(a.out);
  for (const auto& track : analysis["tracks"]) {
    const auto& nash = track["solutions"]["nash"];
    if (nash.is_null()) continue;  // the armistice: no deal beats no deal for both
    std::string deal;
    for (const auto& [issue, term] : nash["terms"].items())
      deal += " " + issue + "=" + std::to_string(term["value"].get<double>());
    const auto r = run_parley("evaluate scenarios/korea-1951-53.json" + deal + " --format json");
    ASSERT_EQ(r.status, 0) << deal << r.out;
    const auto e = nlohmann::json::parse(r.out)["tracks"][0];
    EXPECT_EQ(e["track"], track["id"]);
    EXPECT_TRUE(e["pareto_optimal"].get<bool>());
    EXPECT_NEAR(e["distance_to_frontier"].get<double>(), 0.0, 1e-12);
    EXPECT_NEAR(e["distance_to_nash"].get<double>(), 0.0, 1e-12);
    for (const auto& [party, u] : nash["utilities"].items())
      EXPECT_NEAR(e["parties"][party]["utility"].get<double>(), u.get<double>(), 1e-9);
    EXPECT_EQ(e["nash"]["outcome"], nash["outcome"]);
  }
}

TEST(EvaluateCommand, ADominatedDealNamesABetterOne) {
  const auto r = run_parley(
      "evaluate scenarios/korea-1951-53.json '{\"sw_unc\": 6670, \"sw_com\": 684}' --format json");
  ASSERT_EQ(r.status, 0) << r.out;
  const auto e = nlohmann::json::parse(r.out)["tracks"][0];
  EXPECT_EQ(e["track"], "sick-wounded");
  EXPECT_FALSE(e["pareto_optimal"].get<bool>());
  EXPECT_GT(e["distance_to_frontier"].get<double>(), 0.0);
  ASSERT_TRUE(e["better"].is_object());
  for (const auto& [party, u] : e["better"]["utilities"].items())
    EXPECT_GE(u.get<double>(), e["parties"][party]["utility"].get<double>());
}

TEST(EvaluateCommand, ABadDealIsBadInputNamingTheIssueAndItsOptions) {
  const auto r =
      run_parley("evaluate scenarios/korea-1951-53.json repatriation=forced line=1", true);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("DEAL: error at /repatriation: expected one of the options"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("2 \"voluntary: non-repatriates released by the detaining side\""),
            std::string::npos);
  const auto missing = run_parley("evaluate scenarios/korea-1951-53.json line=1", true);
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.out.find("no repatriation"), std::string::npos) << missing.out;
}

}  // namespace
}  // namespace parley
