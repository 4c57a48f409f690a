// parley sweep over the world's numbers (docs/sweep.md, "What can vary"): a scenario whose
// uncertainty block varies the battlefield's win_probability shows it as the driver of the
// parties' utilities in summary.json, and a pointer the world does not have exits 2.
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

// North (up) against South over one share issue while a six-state war goes on; the file varies
// q in [0.1, 0.9] and South's casualties per round in [50, 150].
const std::string kScenario = "tests/data/world/sweep-win-probability.json";

const nlohmann::json& driver_entry(const nlohmann::json& summary, const std::string& party,
                                   const std::string& pointer) {
  for (const auto& d : summary.at("drivers"))
    if (d.at("outcome") == "utility" && d.value("party", "") == party)
      for (const auto& p : d.at("parameters"))
        if (p.at("pointer") == pointer) return p;
  static const nlohmann::json none;
  ADD_FAILURE() << "no driver " << pointer << " of " << party << "'s utility";
  return none;
}

TEST(WorldSweep, TheBattlefieldOddsDriveTheUtilities) {
  const fs::path dir =
      fs::temp_directory_path() / ("parley-world-sweep-" + std::to_string(getpid()));
  fs::remove_all(dir);
  const auto r =
      run_parley("sweep " + kScenario + " --runs 4000 --seed 3 --out '" + dir.string() + "'");
  ASSERT_EQ(r.status, 0);
  const std::string text = read_file((dir / "summary.json").string());
  fs::remove_all(dir);
  // Reproducible: the same seed on one thread gives the same bytes.
  ASSERT_EQ(run_parley("sweep " + kScenario + " --runs 4000 --seed 3 --threads 1 --out '" +
                       dir.string() + "'")
                .status,
            0);
  EXPECT_EQ(read_file((dir / "summary.json").string()), text);
  fs::remove_all(dir);
  const auto summary = nlohmann::json::parse(text);
  const std::string q = "/world/battlefield/win_probability";
  const std::string cost = "/world/parties/South/costs/casualties/mean";
  // Better odds for the up party (North) raise its value of fighting on, so its reservation,
  // its military victories and its utility; South's fall with them.
  const auto& north = driver_entry(summary, "North", q);
  const auto& south = driver_entry(summary, "South", q);
  EXPECT_GT(north.at("src").get<double>(), 0.5);
  EXPECT_LT(south.at("src").get<double>(), -0.5);
  EXPECT_GT(north.at("sobol").get<double>(), 0.3);
  EXPECT_GT(south.at("sobol").get<double>(), 0.3);
  // The odds matter more than a casualty rate that costs South 0.005 to 0.015 a round.
  EXPECT_GT(std::abs(north.at("src").get<double>()),
            4 * std::abs(driver_entry(summary, "North", cost).at("src").get<double>()));
}

TEST(WorldSweep, APointerTheWorldDoesNotHaveExitsTwo) {
  const fs::path dir =
      fs::temp_directory_path() / ("parley-world-sweep-bad-" + std::to_string(getpid()));
  const auto r = run_parley("sweep " + kScenario + " --runs 10 --out '" + dir.string() +
                                "' --vary '/world/parties/South/costs/casualties/sd=uniform(1, 2)'",
                            true);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("a parameter of South's poisson cost 'casualties' (mean, utility_per_unit)"),
            std::string::npos)
      << r.out;
  EXPECT_FALSE(fs::exists(dir / "summary.json"));
  fs::remove_all(dir);
}

// On a war track analyze and the sweep's efficiency block measure deals against what the run
// starts from, the value of fighting on (Fearon 1995: (p - c_A, 1 - p - c_B) = (0.55, 0.25)),
// and say so; the Nash split with war as the threat point is p + (c_B - c_A) / 2 = 0.65.
TEST(WorldSweep, WarTracksUseTheValueOfFightingOnAsTheDisagreementPoint) {
  const std::string fearon = "tests/data/world/fearon-war.json";
  const auto analyzed = run_parley("analyze " + fearon + " --format json");
  ASSERT_EQ(analyzed.status, 0) << analyzed.out;
  const auto a = nlohmann::json::parse(analyzed.out)["tracks"][0];
  EXPECT_EQ(a["disagreement_source"], "value_of_fighting_on");
  EXPECT_NEAR(a["disagreement"]["A"].get<double>(), 0.55, 1e-9);
  EXPECT_NEAR(a["disagreement"]["B"].get<double>(), 0.25, 1e-9);
  EXPECT_NEAR(a["solutions"]["nash"]["terms"]["x"]["value"].get<double>(), 0.65, 1e-9)
      << a["solutions"]["nash"].dump();
  EXPECT_NE(run_parley("analyze " + fearon).out.find("(value of fighting on at the start)"),
            std::string::npos);

  const fs::path out = fs::temp_directory_path() / ("parley-fearon-" + std::to_string(getpid()));
  fs::remove_all(out);
  ASSERT_EQ(run_parley("sweep " + fearon + " --runs 20 --out '" + out.string() + "'").status, 0);
  const auto summary = nlohmann::json::parse(read_file((out / "summary.json").string()));
  const auto& e = summary["tracks"][0]["efficiency"];
  EXPECT_EQ(e["disagreement"], "value_of_fighting_on");
  // The war-equilibrium opener takes the top of Fearon's range, 1 - (1 - p - c_B) = 0.75: B gets
  // exactly its war value, so the Nash product over war is 0 (against a reservation of 0 it
  // would have been 0.75 of the maximum).
  EXPECT_NEAR(e["nash_product_fraction"]["mean"].get<double>(), 0.0, 1e-9) << e.dump();
  EXPECT_NE(run_parley("summary '" + out.string() + "'").out.find("value of fighting on"),
            std::string::npos);
  fs::remove_all(out);
}

}  // namespace
}  // namespace parley
