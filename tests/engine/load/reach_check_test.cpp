// What can never take effect because the talks end first (engine/load/reach_check.hpp).
#include "engine/load/reach_check.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "agents/builtin_agents.hpp"
#include "engine/load/scenario_loader.hpp"

namespace parley {
namespace {

using nlohmann::json;

json read(const std::string& file) {
  std::ifstream in(std::string(PARLEY_SOURCE_DIR) + "/" + file);
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

std::vector<std::string> warnings(const json& j) {
  return load_scenario_text(j.dump(2), "late.json", builtin_agents())->warnings;
}

TEST(ReachCheck, EachLateItemOnceLocated) {
  const auto w = warnings(read("tests/data/warnings/after-the-deadline.json"));
  ASSERT_EQ(w.size(), 3u);
  EXPECT_EQ(w[0].rfind("late.json:", 0), 0u) << w[0];
  EXPECT_NE(w[0].find("warning at /events/1/date"), std::string::npos) << w[0];
  EXPECT_NE(w[1].find("warning at /events/2/from"), std::string::npos) << w[1];
  EXPECT_NE(w[2].find("warning at /mediation/agenda/0/opens"), std::string::npos) << w[2];
  EXPECT_NE(w[2].find("the track never opens"), std::string::npos) << w[2];
}

TEST(ReachCheck, TheLastRoundIsInTimeTheDeadlineIsNot) {
  json j = read("tests/data/warnings/in-time.json");
  j["pressure"] = {
      {{"id", "sanctions"}, {"actor", "US"}, {"party", "B"}, {"discount_factor", 0.9}}};
  j["events"] = {{{"id", "last"},
                  {"kind", "set_pressure"},
                  {"round", 41},
                  {"params", {{"lever", "sanctions"}}}}};
  EXPECT_TRUE(warnings(j).empty()) << "round 41 is played (deadline_rounds 42)";
  j["events"][0]["round"] = 42;
  EXPECT_EQ(warnings(j).size(), 1u);
  j["protocol"].erase("deadline_rounds");
  EXPECT_TRUE(warnings(j).empty()) << "without a deadline nothing is late";
}

TEST(ReachCheck, ATrackThatOpensAfterTheLastRound) {
  json j = read("tests/data/warnings/in-time.json");
  j["implementation"] = {
      {{"id", "withdrawal"}, {"track", "one"}, {"delay", {{"min", 41}, {"max", 50}}}}};
  j["tracks"][1]["opens_when"] = {{"track", "one"}, {"state", "carried_out"}};
  const auto w = warnings(j);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].find("warning at /tracks/1/opens_when"), std::string::npos) << w[0];
  EXPECT_NE(w[0].find("the track never opens"), std::string::npos) << w[0];
  j["implementation"][0]["delay"]["min"] = 40;
  EXPECT_TRUE(warnings(j).empty()) << "agreed in round 0, carried out in 40, open in 41";
}

}  // namespace
}  // namespace parley
