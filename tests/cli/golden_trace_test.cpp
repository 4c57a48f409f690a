// Golden traces: each shipped scenario, run with a fixed seed, must reproduce its committed
// trace byte for byte (OpenSpiel's playthrough files, docs/architecture.md). After an intended
// change of behaviour, regenerate them with scripts/update-golden.sh and review the diff.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"

namespace parley::testing {
namespace {

namespace fs = std::filesystem;

// A stakeholder forecast (an "actors" block and no parties) is not run but forecast.
bool forecast_only(const fs::path& path) {
  const nlohmann::json j = nlohmann::json::parse(read_file(path.string()));
  return j.contains("actors") && !j.contains("parties");
}

std::vector<std::string> shipped(bool forecasts) {
  std::vector<std::string> out;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(PARLEY_SOURCE_DIR) / "scenarios")) {
    if (entry.path().extension() != ".json" || entry.path().filename() == "scenario.schema.json")
      continue;
    if (forecast_only(entry.path()) != forecasts) continue;
    out.push_back(fs::relative(entry.path(), PARLEY_SOURCE_DIR).string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> shipped_scenarios() {
  return shipped(false);
}

// scenarios/textbook/rubinstein-0.9-0.9.json -> tests/golden/textbook/rubinstein-0.9-0.9.jsonl
std::string golden_path(const std::string& scenario) {
  fs::path p = fs::path(scenario).lexically_relative("scenarios");
  p.replace_extension(".jsonl");
  return (fs::path("tests/golden") / p).string();
}

TEST(GoldenTrace, EveryShippedScenarioHasAGoldenTrace) {
  const auto scenarios = shipped_scenarios();
  ASSERT_FALSE(scenarios.empty());
  for (const auto& scenario : scenarios)
    EXPECT_TRUE(fs::exists(fs::path(PARLEY_SOURCE_DIR) / golden_path(scenario)))
        << "no golden trace for " << scenario << "; run scripts/update-golden.sh";
}

TEST(GoldenTrace, ShippedScenariosReproduceTheirTracesByteForByte) {
  const fs::path dir = fs::temp_directory_path() / ("parley-golden-" + std::to_string(getpid()));
  fs::create_directories(dir);
  for (const auto& scenario : shipped_scenarios()) {
    const fs::path out = dir / (fs::path(scenario).stem().string() + ".jsonl");
    const CommandResult r =
        run_parley("run " + scenario + " --seed 1 --trace '" + out.string() + "'");
    ASSERT_EQ(r.status, 0) << scenario;
    const std::string expected =
        read_file(std::string(PARLEY_SOURCE_DIR) + "/" + golden_path(scenario));
    const std::string actual = read_file(out.string());
    EXPECT_FALSE(actual.empty()) << scenario;
    EXPECT_TRUE(actual == expected)
        << scenario << " no longer reproduces " << golden_path(scenario);
  }
  fs::remove_all(dir);
}

// Forecast scenarios: `parley forecast --format json` against tests/golden/NAME.forecast.json.
TEST(GoldenTrace, ShippedForecastsReproduceTheirReportsByteForByte) {
  const auto forecasts = shipped(true);
  ASSERT_FALSE(forecasts.empty());
  for (const auto& scenario : forecasts) {
    fs::path golden = fs::path(golden_path(scenario));
    golden.replace_extension(".forecast.json");
    const CommandResult r = run_parley("forecast " + scenario + " --format json");
    ASSERT_EQ(r.status, 0) << scenario;
    EXPECT_TRUE(r.out == read_file(std::string(PARLEY_SOURCE_DIR) + "/" + golden.string()))
        << scenario << " no longer reproduces " << golden.string()
        << "; run scripts/update-golden.sh";
  }
}

}  // namespace
}  // namespace parley::testing
