// parley debrief as a user runs it: its numbers are parley analyze's.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "analysis/charts/chart.hpp"
#include "analysis/charts/report_page.hpp"
#include "tests/cli/cli_test_support.hpp"

namespace parley {
namespace {

using testing::read_file;
using testing::run_parley;

// A class folder as parley classroom writes it: scenario.json and tables/*.trace.json.
// Each test its own folder: CTest runs them side by side.
std::string korea_class(const std::string& name) {
  const std::string dir = ::testing::TempDir() + "/debrief-class-" + name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir + "/tables");
  std::filesystem::copy_file(std::string(PARLEY_SOURCE_DIR) + "/scenarios/korea-1951-53.json",
                             dir + "/scenario.json");
  for (int seed : {1, 4})
    EXPECT_EQ(run_parley("run " + dir + "/scenario.json --seed " + std::to_string(seed) +
                         " --trace " + dir + "/tables/t" + std::to_string(seed) + ".trace.json")
                  .status,
              0);
  return dir;
}

TEST(DebriefCommand, TheFrontierNashAndKalaiSmorodinskyPointsAreAnalyzes) {
  const std::string dir = korea_class("analyze");
  const std::string out = dir + "/debrief.html";
  const auto r = run_parley("debrief " + dir + " --runs 20 --out " + out, true);
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("2 tables"), std::string::npos) << r.out;
  const auto analysis =
      nlohmann::json::parse(run_parley("analyze scenarios/korea-1951-53.json --format json").out);
  const std::string html = read_file(out);
  const auto specs = embedded_specs(html);
  for (const auto& track : analysis["tracks"]) {
    const std::string title =
        "The tables' deals in utility space: " + track["label"].get<std::string>();
    const nlohmann::ordered_json* spec = nullptr;
    for (const auto& s : specs)
      if (s.contains("title") && s["title"].dump().find(title) != std::string::npos) spec = &s;
    ASSERT_NE(spec, nullptr) << title;
    // The frontier: as many points as analyze lists.
    int frontier = 0;
    for (const auto& row : *chart_data(*spec, "lines"))
      if (row["series"] == "Pareto frontier") ++frontier;
    EXPECT_EQ(frontier, track["pareto_frontier"]["size"].get<int>());
    // Nash and Kalai-Smorodinsky: analyze's utilities, times 100.
    for (const auto& [key, label] : {std::pair<std::string, std::string>{"nash", "Nash"},
                                     {"kalai_smorodinsky", "Kalai\u2013Smorodinsky"}}) {
      const auto& point = track["solutions"][key];
      bool found = false;
      for (const auto& m : *chart_data(*spec, "markers"))
        if (m["label"] == label) {
          found = true;
          EXPECT_NEAR(m["x"].get<double>(), 100.0 * point["utilities"]["UNC"].get<double>(), 1e-9);
          EXPECT_NEAR(m["y"].get<double>(), 100.0 * point["utilities"]["COM"].get<double>(), 1e-9);
        }
      EXPECT_EQ(found, !point.is_null()) << key;
    }
    // The no-deal point: analyze's disagreement point.
    for (const auto& m : *chart_data(*spec, "markers"))
      if (m["label"] == "no deal") {
        EXPECT_NEAR(m["x"].get<double>(), 100.0 * track["disagreement"]["UNC"].get<double>(), 1e-9);
        EXPECT_NEAR(m["y"].get<double>(), 100.0 * track["disagreement"]["COM"].get<double>(), 1e-9);
      }
  }
  EXPECT_NE(html.find("<table class=\"sortable\">"), std::string::npos);
  EXPECT_NE(html.find("in 20 runs"), std::string::npos);
}

TEST(DebriefCommand, TracesNeedTheirScenario) {
  const std::string dir = korea_class("scenario");
  const auto r =
      run_parley("debrief " + dir + "/tables/t1.trace.json --out " + dir + "/x.html", true);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("--scenario"), std::string::npos) << r.out;
  EXPECT_FALSE(std::filesystem::exists(dir + "/x.html"));
  const auto other = run_parley("debrief " + dir +
                                    "/tables/t1.trace.json --scenario "
                                    "scenarios/istanbul-2022.json --out " +
                                    dir + "/x.html",
                                true);
  EXPECT_EQ(other.status, 2);
  EXPECT_NE(other.out.find("a track of"), std::string::npos) << other.out;
}

}  // namespace
}  // namespace parley
