// parley sweep, merge and summary of a stakeholder forecast as a user runs them (docs/sweep.md,
// "Forecast scenarios"): the summary of the shipped EC car-emissions table under uncertain
// positions, saliences and capabilities is byte for byte the same for 1, 2 or 4 threads, for
// shards merged and for a sweep stopped and resumed; without uncertainty it is the single
// forecast of parley forecast.
#include "cli/forecast_sweep_command.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/cli/cli_test_support.hpp"

namespace parley {
namespace {

using testing::read_file;
using testing::run_parley;
namespace fs = std::filesystem;

const std::string kScenario = "scenarios/ec-car-emissions-1994.json";
const std::string kVary =
    " --vary '/actors/members/1/positions/standard=triangular(5, 7, 9)'"
    " --vary '/actors/members/6/saliences/standard=beta(9, 1)'"
    " --vary '/actors/members/4/capability=lognormal(2.77, 0.2)'";
constexpr int kRuns = 300;  // five blocks of 64, the last short

class ForecastSweepCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("parley-forecast-sweep-test-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  testing::CommandResult sweep(const std::string& out, const std::string& extra = "") {
    return run_parley("sweep " + kScenario + " --runs " + std::to_string(kRuns) +
                      " --seed 3 --out '" + path(out) + "'" + kVary + " " + extra);
  }
  std::string summary(const std::string& out) const {
    return read_file(path(out) + "/summary.json");
  }

  fs::path dir_;
};

TEST_F(ForecastSweepCommand, SameBytesForOneTwoAndFourThreads) {
  ASSERT_EQ(sweep("t1", "--threads 1").status, 0);
  ASSERT_EQ(sweep("t2", "--threads 2").status, 0);
  ASSERT_EQ(sweep("t4", "--threads 4").status, 0);
  const std::string one = summary("t1");
  EXPECT_EQ(one, summary("t2"));
  EXPECT_EQ(one, summary("t4"));
  const nlohmann::json json = nlohmann::json::parse(one);
  EXPECT_FALSE(json["partial"].get<bool>());
  EXPECT_EQ(json["runs"]["completed"].get<int>(), kRuns);
  const nlohmann::json& d = json["forecast"]["dimensions"][0];
  EXPECT_EQ(d["median"]["count"].get<int>(), kRuns);
  EXPECT_GT(d["median"]["sd"].get<double>() + d["weighted_mean"]["sd"].get<double>(), 0.0);
  EXPECT_EQ(d["actors"].size(), 10u);
  EXPECT_EQ(json["parameters"][0]["name"].get<std::string>(),
            "/actors/members/BE/positions/standard");
}

TEST_F(ForecastSweepCommand, ShardsMergedGiveTheWholeSweep) {
  ASSERT_EQ(sweep("whole", "--threads 2").status, 0);
  for (int k = 1; k <= 3; ++k)
    ASSERT_EQ(sweep("part" + std::to_string(k), "--shard " + std::to_string(k) + "/3").status, 0);
  EXPECT_TRUE(nlohmann::json::parse(summary("part2"))["partial"].get<bool>());
  const auto merged = run_parley("merge '" + path("part3") + "' '" + path("part1") + "' '" +
                                 path("part2") + "' --out '" + path("merged") + "'");
  ASSERT_EQ(merged.status, 0);
  EXPECT_EQ(summary("whole"), summary("merged"));
}

TEST_F(ForecastSweepCommand, StoppedAndResumedGivesTheSameBytes) {
  ASSERT_EQ(sweep("whole").status, 0);
  ASSERT_EQ(sweep("stopped", "--threads 1 --stop-after-blocks 2").status, 0);
  EXPECT_TRUE(nlohmann::json::parse(summary("stopped"))["partial"].get<bool>());
  ASSERT_EQ(run_parley("sweep --resume '" + path("stopped") + "' --threads 2").status, 0);
  EXPECT_EQ(summary("whole"), summary("stopped"));
  // Resuming a finished sweep has nothing to do.
  const auto again = run_parley("sweep --resume '" + path("stopped") + "'", true);
  EXPECT_EQ(again.status, 0);
  EXPECT_NE(again.out.find("already complete (300 runs)"), std::string::npos) << again.out;
}

TEST_F(ForecastSweepCommand, WithoutUncertaintyTheDistributionIsParleyForecastsResult) {
  const auto single = run_parley("forecast " + kScenario + " --format json");
  ASSERT_EQ(single.status, 0);
  const double median =
      nlohmann::json::parse(single.out)["dimensions"][0]["forecast"]["median"].get<double>();
  const double mean =
      nlohmann::json::parse(single.out)["dimensions"][0]["forecast"]["weighted_mean"].get<double>();
  // No uncertain number at all, and the file's own capability as a fixed "distribution".
  for (const std::string& vary :
       {std::string(""), std::string(" --vary "
                                     "'/actors/members/0/capability=8'")}) {
    fs::remove_all(path("fixed"));
    ASSERT_EQ(run_parley("sweep " + kScenario + " --runs 100 --only-vary --out '" + path("fixed") +
                         "'" + vary)
                  .status,
              0);
    const nlohmann::json d = nlohmann::json::parse(summary("fixed"))["forecast"]["dimensions"][0];
    for (const auto& [key, value] :
         {std::pair{"median", median}, std::pair{"weighted_mean", mean}}) {
      EXPECT_EQ(d[key]["mean"].get<double>(), value) << key;
      EXPECT_EQ(d[key]["sd"].get<double>(), 0.0) << key;
      EXPECT_EQ(d[key]["min"].get<double>(), value) << key;
      EXPECT_EQ(d[key]["max"].get<double>(), value) << key;
      for (const char* q : {"p05", "p25", "p50", "p75", "p95"})
        EXPECT_EQ(d[key]["quantiles"][q].get<double>(), value) << key << " " << q;
    }
    EXPECT_EQ(d["as_given"]["median"].get<double>(), median);
  }
}

TEST_F(ForecastSweepCommand, SummaryPrintsTheForecastsDistribution) {
  ASSERT_EQ(sweep("s").status, 0);
  const auto text = run_parley("summary '" + path("s") + "'");
  ASSERT_EQ(text.status, 0);
  EXPECT_NE(text.out.find("Forecast sweep of EC car-emission standards"), std::string::npos);
  EXPECT_NE(text.out.find("median voter position"), std::string::npos);
  EXPECT_NE(text.out.find("/actors/members/BE/positions/standard"), std::string::npos);
}

TEST_F(ForecastSweepCommand, BadInputIsExitTwoWithThePointer) {
  const auto r = run_parley("sweep " + kScenario + " --runs 10 --out '" + path("bad") +
                                "' --vary '/actors/members/0/saliences/standard=normal(0.8, 0.1)'",
                            true);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("/actors/members/0/saliences/standard"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(path("bad")));
  const auto csv = run_parley("sweep " + kScenario + " --runs 10 --out '" + path("csv") +
                                  "' --runs-csv '" + path("runs.csv") + "'",
                              true);
  EXPECT_EQ(csv.status, 2);
}

}  // namespace
}  // namespace parley
