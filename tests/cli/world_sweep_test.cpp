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

}  // namespace
}  // namespace parley
