// The whole outcome in a sweep (docs/sweep.md, "war", "implementation", "drivers", "grid"):
// the war's end, its costs and the implementation reach summary.json, `parley summary` and the
// runs CSV; their statistics are the same bytes for any thread count, shard split and resumed
// run; and the analyst's question — how does the chance of a ceasefire change with the
// battlefield odds and Russia's cost of war — is answered cell by cell for a grid.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "tests/cli/cli_test_support.hpp"

namespace parley {
namespace {

using testing::read_file;
using testing::run_parley;
namespace fs = std::filesystem;

// A battlefield with two cost kinds and one implementation item (the bodies).
const std::string kWorld = "tests/data/world/base-world.json";
const std::string kVary =
    " --vary '/world/battlefield/win_probability=uniform(0.3, 0.7)'"
    " --vary '/parties/0/preferences/discount=uniform(0.97, 0.999)'";

class SweepOutcomes : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("parley-outcomes-test-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  int sweep(const std::string& out, const std::string& extra) {
    return run_parley("sweep " + kWorld + " --runs 9000 --seed 4 --out '" + path(out) + "'" +
                      kVary + " " + extra)
        .status;
  }
  std::string summary(const std::string& out) const {
    return read_file(path(out) + "/summary.json");
  }
  fs::path dir_;
};

const nlohmann::json* driver(const nlohmann::json& s, const std::string& key) {
  for (const auto& d : s.at("drivers"))
    if (d.at("key") == key) return &d;
  return nullptr;
}

TEST_F(SweepOutcomes, WarAndImplementationAreTheSameBytesForThreadsShardsAndResume) {
  ASSERT_EQ(sweep("one", "--threads 1"), 0);
  ASSERT_EQ(sweep("two", "--threads 2"), 0);
  const std::string one = summary("one");
  EXPECT_EQ(one, summary("two"));
  for (int k = 1; k <= 3; ++k)
    ASSERT_EQ(sweep("part" + std::to_string(k), "--shard " + std::to_string(k) + "/3"), 0);
  ASSERT_EQ(run_parley("merge '" + path("part3") + "' '" + path("part1") + "' '" + path("part2") +
                       "' --out '" + path("merged") + "'")
                .status,
            0);
  EXPECT_EQ(summary("merged"), one);
  ASSERT_EQ(sweep("stopped", "--threads 2 --stop-after-blocks 1"), 0);
  ASSERT_EQ(run_parley("sweep --resume '" + path("stopped") + "' --threads 1").status, 0);
  EXPECT_EQ(summary("stopped"), one);

  const auto s = nlohmann::json::parse(one);
  // Every run ends one way: the four shares add up to the runs.
  const auto& war = s.at("war");
  const auto& end = war.at("end");
  const auto successes = [](const nlohmann::json& p) { return p.at("successes").get<long>(); };
  EXPECT_EQ(successes(end.at("ceasefire")) + successes(end.at("victory").at("RU")) +
                successes(end.at("victory").at("UA")) + successes(end.at("still_fighting")),
            9000);
  EXPECT_GT(successes(end.at("victory").at("UA")), 0);
  EXPECT_EQ(war.at("end_round").at("given_end").at("count").get<long>(),
            9000 - successes(end.at("still_fighting")));
  // Each party's costs of each kind it bears, named and with units.
  ASSERT_EQ(war.at("costs").size(), 4u);
  const auto& ru_casualties = war.at("costs")[0];
  EXPECT_EQ(ru_casualties.at("party"), "RU");
  EXPECT_EQ(ru_casualties.at("kind"), "casualties");
  EXPECT_EQ(ru_casualties.at("unit"), "people");
  // Poisson casualties of mean 1,000 a round: the mean total is 1,000 per round fought.
  const double mean = ru_casualties.at("total").at("mean").get<double>();
  EXPECT_GT(mean, 1000.0);
  EXPECT_LT(ru_casualties.at("total").at("quantiles").at("p05").get<double>(), mean);
  EXPECT_GT(ru_casualties.at("total").at("quantiles").at("p95").get<double>(), mean);
  // The bodies: RU always does all of its part, UA at most 1% of its own when signed.
  const auto& bodies = s.at("implementation").at(0);
  EXPECT_EQ(bodies.at("id"), "bodies");
  EXPECT_GT(successes(bodies.at("signed")), 0);
  const auto& parts = bodies.at("parties");
  const double ru = parts[0].at("share_carried_out").at("mean").get<double>();
  const double ua = parts[1].at("share_carried_out").at("mean").get<double>();
  EXPECT_GT(ru, 0.8);  // carried out with probability 0.9
  EXPECT_LT(ua, 0.01);
  // The drivers take every outcome, with partial dependence and a tornado.
  for (const char* key : {"ceasefire", "victory.UA", "war_end_round", "war_cost.RU.casualties",
                          "war_cost.UA.money", "implemented.bodies.UA"})
    ASSERT_NE(driver(s, key), nullptr) << key;
  const auto& victory = *driver(s, "victory.UA");
  ASSERT_EQ(victory.at("partial_dependence").size(), 2u);
  EXPECT_EQ(victory.at("partial_dependence")[0].at("bins").size(), 10u);
  // UA is the up party: better odds, more victories — the first parameter leads the tornado.
  EXPECT_EQ(victory.at("partial_dependence")[0].at("shape"), "increasing");
  EXPECT_EQ(victory.at("tornado")[0].at("pointer"), "/world/battlefield/win_probability");
  EXPECT_GT(victory.at("parameters")[0].at("src").get<double>(), 0.3);
  EXPECT_FALSE(s.contains("grid"));
}

TEST_F(SweepOutcomes, SummaryPrintsTheWarCostsAndImplementationInTheirUnits) {
  ASSERT_EQ(sweep("s", ""), 0);
  const auto printed = run_parley("summary '" + path("s") + "'");
  ASSERT_EQ(printed.status, 0);
  for (const char* expected :
       {"How the war ended (9,000 runs)", "UA won", "still fighting at the end",
        "War costs per run", "casualties = Casualties, in people",
        "Implementation of what was signed", "UA's part done", "What drives UA's Casualties",
        "along /world/battlefield/win_probability:"})
    EXPECT_NE(printed.out.find(expected), std::string::npos) << expected << "\n" << printed.out;
  // Casualties in the thousands carry separators and their unit; shares carry percentage
  // intervals.
  EXPECT_TRUE(
      std::regex_search(printed.out, std::regex(R"(RU +casualties +\d{1,3}(,\d{3})+ people)")))
      << printed.out;
  EXPECT_TRUE(
      std::regex_search(printed.out, std::regex(R"(\d+(\.\d)?% +\[\d+(\.\d)?%, \d+(\.\d)?%\])")));
  // Agreement per track: a percentage beside a percentage interval, never a bare fraction.
  EXPECT_TRUE(std::regex_search(
      printed.out, std::regex(R"(political +\d+(\.\d)?% +\[\d+(\.\d)?%, \d+(\.\d)?%\])")))
      << printed.out;
}

TEST_F(SweepOutcomes, TheRunsCsvLoadsWithItsColumnsFile) {
  ASSERT_EQ(sweep("c", "--runs-csv '" + path("runs.csv") + "'"), 0);
  const std::string csv = read_file(path("runs.csv"));
  const std::string header = csv.substr(0, csv.find('\n'));
  EXPECT_EQ(
      header.rfind("run,/world/battlefield/win_probability,/parties/RU/preferences/discount,", 0),
      0u)
      << header;
  for (const char* column : {"war.end", "war.end_round", "RU.war_cost.casualties",
                             "UA.war_cost.money", "bodies.signed", "bodies.UA.done"})
    EXPECT_NE(header.find(column), std::string::npos) << column;
  ASSERT_TRUE(fs::exists(path("runs.columns.csv")));
  // A Python user loads both in one line each (pandas when installed, else the csv module).
  if (std::system("python3 -c 'import csv' >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "python3 is not installed";
  const std::string script = path("load.py");
  std::ofstream(script) << R"(import csv, sys
try:
    import pandas as pd
    runs = pd.read_csv(sys.argv[1])
    cols = pd.read_csv(sys.argv[2])
    names, rows = list(runs.columns), len(runs)
    ends = set(runs["war.end"])
    described = list(cols["column"])
    units = dict(zip(cols["column"], cols["unit"]))
except ImportError:
    with open(sys.argv[1], newline="") as f:
        data = list(csv.DictReader(f))
    names, rows = list(data[0].keys()), len(data)
    ends = {r["war.end"] for r in data}
    with open(sys.argv[2], newline="") as f:
        cols = list(csv.DictReader(f))
    described = [c["column"] for c in cols]
    units = {c["column"]: c["unit"] for c in cols}
assert rows == 9000, rows
assert names == described, (names, described)
assert ends <= {"ceasefire", "victory RU", "victory UA", "still fighting"}, ends
assert units["RU.war_cost.casualties"] == "people", units
assert units["UA.war_cost.money"] == "$bn", units
print("ok")
)";
  FILE* pipe = popen(("python3 '" + script + "' '" + path("runs.csv") + "' '" +
                      path("runs.columns.csv") + "' 2>&1")
                         .c_str(),
                     "r");
  ASSERT_NE(pipe, nullptr);
  std::string out;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  EXPECT_EQ(pclose(pipe), 0) << out;
  EXPECT_EQ(out, "ok\n");
}

// The analyst's question on the shipped scenario: a grid over the battlefield odds (RU is the
// up party, so Ukraine's chance of a decisive battle is 1 - q) and Russia's cost per casualty.
TEST_F(SweepOutcomes, TheCeasefireShareIsGivenCellByCellForAGrid) {
  auto grid_sweep = [&](const std::string& out, const std::string& extra) {
    return run_parley(
               "sweep scenarios/istanbul-2025.json --only-vary --design grid --runs 9600 --seed 2 "
               "--out '" +
               path(out) +
               "' --vary '/world/battlefield/win_probability=discrete(0.3, 0.4, 0.5, 0.6)'"
               " --vary '/world/parties/RU/costs/casualties/utility_per_unit=discrete(1.3e-7, "
               "5.2e-7, 1.04e-6, 2.08e-6)' " +
               extra)
        .status;
  };
  ASSERT_EQ(grid_sweep("grid", "--threads 2"), 0);
  // The grid's cells merge exactly too: one thread, and three shards merged, give the same bytes.
  ASSERT_EQ(grid_sweep("grid1", "--threads 1"), 0);
  EXPECT_EQ(summary("grid1"), summary("grid"));
  for (int k = 1; k <= 3; ++k)
    ASSERT_EQ(grid_sweep("g" + std::to_string(k), "--shard " + std::to_string(k) + "/3"), 0);
  ASSERT_EQ(run_parley("merge '" + path("g2") + "' '" + path("g3") + "' '" + path("g1") +
                       "' --out '" + path("gm") + "'")
                .status,
            0);
  EXPECT_EQ(summary("gm"), summary("grid"));
  const auto s = nlohmann::json::parse(summary("grid"));
  const auto& grid = s.at("grid");
  ASSERT_EQ(grid.at("parameters").size(), 2u);
  ASSERT_EQ(grid.at("cells").size(), 16u);
  long runs = 0;
  double lowest = 1.0, highest = 0.0;
  for (const auto& cell : grid.at("cells")) {
    EXPECT_EQ(cell.at("runs"), 600);
    runs += cell.at("runs").get<long>();
    const auto& ceasefire = cell.at("outcomes").at("ceasefire");
    EXPECT_EQ(ceasefire.at("runs"), 600);
    const double share = ceasefire.at("mean").get<double>();
    EXPECT_LE(ceasefire.at("ci95")[0].get<double>(), share);
    EXPECT_GE(ceasefire.at("ci95")[1].get<double>(), share);
    lowest = std::min(lowest, share);
    highest = std::max(highest, share);
  }
  EXPECT_EQ(runs, 9600);
  EXPECT_DOUBLE_EQ(grid.at("cells")[5].at("levels")[0].get<double>(), 0.4);
  EXPECT_DOUBLE_EQ(grid.at("cells")[5].at("levels")[1].get<double>(), 5.2e-7);
  // The cells differ: the question has an answer that one index would hide.
  EXPECT_GT(highest - lowest, 0.1);
  // The cells' shares are the partial dependence's bins averaged over the other parameter.
  const auto& pd = driver(s, "ceasefire")->at("partial_dependence")[0].at("bins");
  for (int a = 0; a < 4; ++a) {
    double sum = 0.0;
    for (int b = 0; b < 4; ++b)
      sum += grid.at("cells")[4 * a + b].at("outcomes").at("ceasefire").at("mean").get<double>();
    EXPECT_NEAR(pd[a].at("mean").get<double>(), sum / 4, 1e-12);
  }
  const auto printed = run_parley("summary '" + path("grid") + "'");
  ASSERT_EQ(printed.status, 0);
  for (const char* expected :
       {"Grid: every outcome in every cell", "war ended in a ceasefire (share of runs)",
        "across: /world/parties/RU/costs/casualties/utility_per_unit"})
    EXPECT_NE(printed.out.find(expected), std::string::npos) << expected << "\n" << printed.out;
}

}  // namespace
}  // namespace parley
