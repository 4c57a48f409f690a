// The interop commands through the real binary: import, export and analyze, exit status 2 with
// file:line:column on bad input, all-or-nothing output files, and `run` on a GENIUS folder.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"

namespace parley::testing {
namespace {

namespace fs = std::filesystem;

const std::string kGenius = "tests/data/genius/";
const std::string kFixture = kGenius + "fixture/fixture_domain.xml " + kGenius +
                             "fixture/fixture_alice.xml " + kGenius + "fixture/fixture_bob.xml";

fs::path temp_dir() {
  const fs::path dir = fs::temp_directory_path() / ("parley-interop-" + std::to_string(getpid()));
  fs::create_directories(dir);
  return dir;
}

TEST(InteropCli, ImportGeniusPrintsAScenarioThatValidates) {
  const CommandResult r = run_parley("import genius " + kFixture);
  ASSERT_EQ(r.status, 0) << r.out;
  const auto scenario = nlohmann::json::parse(r.out);
  EXPECT_EQ(scenario["parley"], 1);
  EXPECT_EQ(scenario["parties"].size(), 2u);

  const fs::path out = temp_dir() / "fixture.json";
  ASSERT_EQ(run_parley("import genius " + kFixture + " --out '" + out.string() + "'").status, 0);
  const CommandResult v = run_parley("validate '" + out.string() + "'", true);
  EXPECT_EQ(v.status, 0) << v.out;
  fs::remove(out);
}

TEST(InteropCli, ImportGeniusFolderAndOptions) {
  const CommandResult r =
      run_parley("import genius " + kGenius + "fixture --rounds 20 --agent conceder");
  ASSERT_EQ(r.status, 0) << r.out;
  const auto scenario = nlohmann::json::parse(r.out);
  EXPECT_EQ(scenario["protocol"]["deadline_rounds"], 39);  // 20 GENIUS rounds, two turns each
  EXPECT_EQ(scenario["parties"][0]["agent"]["model"], "conceder");
  EXPECT_EQ(scenario["parties"][1]["name"], "fixture_bob");
}

TEST(InteropCli, UnrepresentableProfileExitsTwoWithPositionAndWritesNothing) {
  const fs::path out = temp_dir() / "never.json";
  const CommandResult r = run_parley("import genius " + kGenius + "fixture/fixture_domain.xml " +
                                         kGenius + "fixture/fixture_alice.xml " + kGenius +
                                         "bad/nonlinear_profile.xml --out '" + out.string() + "'",
                                     true);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("bad/nonlinear_profile.xml:2:1: error at /utility_space/@type: expected "
                       "a linear additive utility space"),
            std::string::npos)
      << r.out;
  EXPECT_FALSE(fs::exists(out));
  EXPECT_FALSE(fs::exists(out.string() + ".partial"));
}

TEST(InteropCli, UnknownAgentModelIsBadInput) {
  const CommandResult r = run_parley("import genius " + kFixture + " --agent no-such-model", true);
  EXPECT_EQ(r.status, 2) << r.out;
}

TEST(InteropCli, ImportOpenSpielLine) {
  const CommandResult r = run_parley(
      "import openspiel-bargaining tests/data/openspiel/instances.txt --line 2 --max-turns 4");
  ASSERT_EQ(r.status, 0) << r.out;
  const auto scenario = nlohmann::json::parse(r.out);
  EXPECT_EQ(scenario["protocol"]["deadline_rounds"], 3);
  EXPECT_EQ(scenario["issues"][0]["max"], 2);

  const CommandResult bad = run_parley(
      "import openspiel-bargaining tests/data/openspiel/bad_instances.txt --line 4", true);
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.out.find("bad_instances.txt:4:5: error"), std::string::npos) << bad.out;
  EXPECT_EQ(run_parley("import openspiel-bargaining tests/data/openspiel/instances.txt").status,
            2);  // --line is required
}

TEST(InteropCli, ExportGambitWritesAFileOrRefuses) {
  const fs::path out = temp_dir() / "small.efg";
  const CommandResult r = run_parley(
      "export gambit tests/data/interop/small_bilateral.json "
      "--rounds 2 --out '" +
      out.string() + "'");
  ASSERT_EQ(r.status, 0) << r.out;
  const std::string efg = read_file(out.string());
  EXPECT_EQ(efg.rfind("EFG 2 R ", 0), 0u);
  fs::remove(out);

  const CommandResult big =
      run_parley("export gambit tests/data/interop/small_bilateral.json --rounds 3 --out '" +
                     out.string() + "'",
                 false);
  EXPECT_EQ(big.status, 0);  // 3 rounds of 6 outcomes is small
  fs::remove(out);
  const CommandResult beyond =
      run_parley("export gambit tests/data/interop/small_bilateral.json --rounds 9", true);
  EXPECT_EQ(beyond.status, 2);
  EXPECT_NE(beyond.out.find("deadline_rounds"), std::string::npos) << beyond.out;
}

// tests/data/interop/small_bilateral.json, by hand: outcomes (x, f) with index 2x + f;
// A = (3 x/2 + f) / 4, B = ((1 - x/2) + f) / 2, no deal (0, 0.2). The frontier is the three
// "yes" outcomes 1, 3, 5 with utilities (0.25, 1), (0.625, 0.75), (1, 0.5). Nash products of
// gains: 0.2, 0.34375, 0.3 -> 3; Kalai-Smorodinsky (ideal (1, 1)): min(0.25, 1), min(0.625,
// 0.6875), min(1, 0.375) -> 3; egalitarian: min gains 0.25, 0.55, 0.3 -> 3; utilitarian sums
// 1.25, 1.375, 1.5 -> 5.
TEST(InteropCli, AnalyzeSmallScenario) {
  const CommandResult r =
      run_parley("analyze tests/data/interop/small_bilateral.json --format json");
  ASSERT_EQ(r.status, 0) << r.out;
  const auto a = nlohmann::json::parse(r.out);
  ASSERT_EQ(a["tracks"].size(), 1u);
  const auto& t = a["tracks"][0];
  EXPECT_EQ(t["outcomes"], 6);
  EXPECT_EQ(t["pareto_frontier"]["size"], 3);
  std::vector<int> frontier;
  for (const auto& p : t["pareto_frontier"]["points"]) frontier.push_back(p["outcome"]);
  EXPECT_EQ(frontier, (std::vector<int>{1, 3, 5}));
  EXPECT_EQ(t["solutions"]["nash"]["outcome"], 3);
  EXPECT_EQ(t["solutions"]["kalai_smorodinsky"]["outcome"], 3);
  EXPECT_EQ(t["solutions"]["egalitarian"]["outcome"], 3);
  EXPECT_EQ(t["solutions"]["utilitarian"]["outcome"], 5);
  EXPECT_EQ(t["solutions"]["nash"]["terms"]["x"]["value"], 1);
  EXPECT_EQ(t["solutions"]["nash"]["terms"]["f"]["text"], "yes");
  EXPECT_NEAR(t["solutions"]["nash"]["utilities"]["A"].get<double>(), 0.625, 1e-12);
  EXPECT_NEAR(t["solutions"]["nash"]["utilities"]["B"].get<double>(), 0.75, 1e-12);
  // Nearest outcome to (1, 1): (0.625, 0.75).
  EXPECT_NEAR(t["opposition"]["distance_to_complete_satisfaction"].get<double>(),
              std::hypot(0.375, 0.25), 1e-9);
  // Pearson correlation of the six utility pairs.
  const double ua[6] = {0, 0.25, 0.375, 0.625, 0.75, 1};
  const double ub[6] = {0.5, 1, 0.25, 0.75, 0, 0.5};
  double ma = 0, mb = 0;
  for (int k = 0; k < 6; ++k) ma += ua[k] / 6, mb += ub[k] / 6;
  double sab = 0, saa = 0, sbb = 0;
  for (int k = 0; k < 6; ++k) {
    sab += (ua[k] - ma) * (ub[k] - mb);
    saa += (ua[k] - ma) * (ua[k] - ma);
    sbb += (ub[k] - mb) * (ub[k] - mb);
  }
  EXPECT_NEAR(t["opposition"]["utility_correlations"][0]["correlation"].get<double>(),
              sab / std::sqrt(saa * sbb), 1e-9);

  const CommandResult text = run_parley("analyze tests/data/interop/small_bilateral.json");
  ASSERT_EQ(text.status, 0);
  EXPECT_NE(text.out.find("6 outcomes, 3 on the Pareto frontier"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Nash: Party A 0.625, Party \"B\" 0.75"), std::string::npos) << text.out;
}

TEST(InteropCli, AnalyzeAndRunAcceptAGeniusFolder) {
  const CommandResult a = run_parley("analyze " + kGenius + "fixture");
  ASSERT_EQ(a.status, 0) << a.out;
  EXPECT_NE(a.out.find("165 outcomes"), std::string::npos) << a.out;
  const CommandResult r = run_parley("run " + kGenius + "fixture --seed 3", true);
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("fixture_alice"), std::string::npos) << r.out;
  const CommandResult bad = run_parley("run " + kGenius + "bad", true);
  EXPECT_EQ(bad.status, 2) << bad.out;
}

TEST(InteropCli, HelpHasExamples) {
  for (const char* command :
       {"import --help", "import genius --help", "import openspiel-bargaining --help",
        "export gambit --help", "analyze --help"}) {
    const CommandResult r = run_parley(command);
    EXPECT_EQ(r.status, 0) << command;
    EXPECT_NE(r.out.find("Example"), std::string::npos) << command;
  }
}

}  // namespace
}  // namespace parley::testing
