// parley tournament as a user runs it: the ranking table, JSON, the same bytes for any
// --threads, parameters inside --models, and bad input.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/cli/cli_test_support.hpp"

namespace parley {
namespace {

using testing::run_parley;

const std::string kFiles =
    "scenarios/istanbul-2025-06.json scenarios/textbook/rubinstein-0.9-0.9.json";

TEST(TournamentCommand, RanksModelsWithIntervalsInTextAndJson) {
  const auto text = run_parley("tournament " + kFiles + " --models boulware,conceder,rubinstein");
  ASSERT_EQ(text.status, 0) << text.out;
  for (const char* column : {"utility (mean ± 95%)", "agreement [95%]", "Pareto-optimal [95%]",
                             "distance to Nash", "not played"})
    EXPECT_NE(text.out.find(column), std::string::npos) << column << "\n" << text.out;

  const auto json = run_parley("tournament " + kFiles +
                               " --models boulware:e=0.1,floor=0.2,conceder --seeds 3 "
                               "--format json --threads 1");
  ASSERT_EQ(json.status, 0);
  const auto j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["report"], "parley-tournament");
  EXPECT_EQ(j["models"], nlohmann::json::array({"boulware:e=0.1,floor=0.2", "conceder"}));
  ASSERT_EQ(j["ranking"].size(), 2u);
  for (const auto& r : j["ranking"]) {
    EXPECT_TRUE(r["utility"]["ci95"].is_array());
    EXPECT_TRUE(r["agreement"]["wilson95"].is_array());
    EXPECT_TRUE(r.contains("pareto_optimal"));
    EXPECT_TRUE(r.contains("distance_to_nash"));
  }
  for (const char* threads : {"2", "3"})
    EXPECT_EQ(run_parley("tournament " + kFiles +
                         " --models boulware:e=0.1,floor=0.2,conceder --seeds 3 "
                         "--format json --threads " +
                         threads)
                  .out,
              json.out)
        << threads << " threads";
}

TEST(TournamentCommand, BadModelsExitTwo) {
  const auto r = run_parley("tournament " + kFiles + " --models bolware", true);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("known: attrition-equilibrium, bayesian, boulware"), std::string::npos)
      << r.out;
  EXPECT_EQ(run_parley("tournament " + kFiles).status, 2);  // --models is required
  EXPECT_NE(run_parley("tournament --help").out.find("Example"), std::string::npos);
}

}  // namespace
}  // namespace parley
