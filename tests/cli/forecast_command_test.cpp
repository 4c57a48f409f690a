#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"

namespace parley::testing {
namespace {

const char* kEc = "scenarios/ec-car-emissions-1994.json";

TEST(ForecastCommand, PrintsRoundsForecastAndBaselines) {
  const CommandResult r = run_parley(std::string("forecast ") + kEc);
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("10 actors, 1 dimension"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("median voter position"), std::string::npos);
  EXPECT_NE(r.out.find("weighted median         7 points"), std::string::npos) << r.out;
}

TEST(ForecastCommand, JsonIsReproducibleAndHonoursRounds) {
  const CommandResult a = run_parley(std::string("forecast ") + kEc + " --format json --rounds 2");
  const CommandResult b = run_parley(std::string("forecast ") + kEc + " --format json --rounds 2");
  ASSERT_EQ(a.status, 0) << a.out;
  EXPECT_EQ(a.out, b.out);
  const nlohmann::json j = nlohmann::json::parse(a.out);
  EXPECT_LE(j["dimensions"][0]["rounds"].size(), 3u);
  EXPECT_EQ(j["model"]["max_rounds"], 2);
}

TEST(ForecastCommand, ReadsAnActorTableCsv) {
  const std::string path =
      (std::filesystem::temp_directory_path() / "parley-forecast-test.csv").string();
  {
    std::ofstream out(path);
    out << "Actor,Description,Power,Pstn1,Sal1\nA,,10,0,80\nB,,20,100,50\nC,,5,40,100\n";
  }
  const CommandResult r = run_parley("forecast '" + path + "' --offer-choice strongest");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("parley-forecast-test.csv: 3 actors"), std::string::npos) << r.out;
  std::remove(path.c_str());
}

TEST(ForecastCommand, BadInputExitsTwoWithThePlace) {
  const std::string path =
      (std::filesystem::temp_directory_path() / "parley-forecast-bad.csv").string();
  {
    std::ofstream out(path);
    out << "Actor,Description,Power,Pstn1,Sal1\nA,,10,0,80\nB,,x,100,50\n";
  }
  const CommandResult r = run_parley("forecast '" + path + "'", true);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("parley-forecast-bad.csv:3:4: error at Power"), std::string::npos) << r.out;
  std::remove(path.c_str());
  // A negotiation scenario has no actors.
  const CommandResult n = run_parley("forecast scenarios/istanbul-2025-06.json", true);
  EXPECT_EQ(n.status, 2);
  EXPECT_NE(n.out.find("actors"), std::string::npos) << n.out;
}

TEST(ForecastCommand, RunsUnderUncertaintyGiveTheSameBytesForAnyThreadCount) {
  const std::string args = std::string("forecast ") + kEc +
                           " --rounds 5 --runs 30 --seed 3 --position-sd 0.05 --salience-sd 0.1 "
                           "--capability-sd 0.2 --format json";
  const CommandResult a = run_parley(args + " --threads 1");
  const CommandResult b = run_parley(args + " --threads 2");
  ASSERT_EQ(a.status, 0) << a.out;
  EXPECT_EQ(a.out, b.out);
  const nlohmann::json j = nlohmann::json::parse(a.out);
  EXPECT_EQ(j["uncertainty"]["runs"], 30);
  const nlohmann::json& m = j["uncertainty"]["dimensions"][0]["weighted_mean"];
  EXPECT_LE(m["p05"].get<double>(), m["p50"].get<double>());
  EXPECT_LE(m["p50"].get<double>(), m["p95"].get<double>());
  EXPECT_GT(m["sd"].get<double>(), 0.0);
  const CommandResult text = run_parley(std::string("forecast ") + kEc + " --rounds 5 --runs 10");
  EXPECT_NE(text.out.find("Under uncertainty: 10 runs, seed 1"), std::string::npos) << text.out;
}

TEST(ForecastCommand, HelpShowsExamples) {
  const CommandResult r = run_parley("forecast --help");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("parley forecast scenarios/ec-car-emissions-1994.json"), std::string::npos);
  EXPECT_NE(r.out.find("--rounds"), std::string::npos);
}

TEST(ForecastCommand, ValidateAcceptsAForecastScenario) {
  const CommandResult r = run_parley(std::string("validate ") + kEc);
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("valid forecast scenario"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace parley::testing
