#include "engine/load/actors_loader.hpp"

#include <gtest/gtest.h>

#include "agents/builtin_agents.hpp"
#include "engine/forecast/baselines.hpp"
#include "engine/load/scenario_loader.hpp"

namespace parley {
namespace {

// A small forecast file; `member2` is spliced in as the second actor (line 8).
std::string file_with(const std::string& member2, const std::string& model = "") {
  return "{\"parley\": 1, \"meta\": {\"name\": \"t\", \"date\": \"2020-01-01\"},\n"
         "\"actors\": {\n"
         "\"dimensions\": [\n"
         "  {\"id\": \"tariff\", \"name\": \"Tariff\", \"unit\": \"%\", \"scale\": [0, 50]},\n"
         "  {\"id\": \"quota\", \"scale\": [0, 1]}],\n" +
         model +
         "\"members\": [\n"
         "  {\"id\": \"a\", \"capability\": 2, \"positions\": {\"tariff\": 10, \"quota\": 0.5}, "
         "\"saliences\": {\"tariff\": 0.5, \"quota\": 1}},\n" +
         member2 + "]}}\n";
}

const std::string kGood =
    "  {\"id\": \"b\", \"capability\": 1, \"positions\": {\"tariff\": 40, \"quota\": 0}, "
    "\"saliences\": {\"tariff\": 1, \"quota\": 0.2}, \"risk\": 1.5}";

std::string error_of(const std::string& text) {
  try {
    load_forecast_text(text, "f.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(ActorsLoader, ReadsActorsDimensionsAndModel) {
  const ForecastScenario f =
      load_forecast_text(file_with(kGood,
                                   "\"model\": {\"q\": 0.5, \"offer_choice\": \"strongest\", "
                                   "\"max_rounds\": 7},\n"),
                         "f.json");
  EXPECT_EQ(f.name, "t");
  ASSERT_EQ(f.table.dimensions.size(), 2u);
  EXPECT_EQ(f.table.dimensions[0].unit, "%");
  EXPECT_EQ(f.table.dimensions[1].name, "quota");  // the id when unnamed
  EXPECT_DOUBLE_EQ(f.table.dimensions[0].high, 50);
  ASSERT_EQ(f.table.actors.size(), 2u);
  EXPECT_EQ(f.table.actors[1].positions, (std::vector<double>{40, 0}));
  EXPECT_EQ(f.table.actors[1].saliences, (std::vector<double>{1, 0.2}));
  EXPECT_EQ(f.table.actors[1].risk_exponent, 1.5);
  EXPECT_FALSE(f.table.actors[0].risk_exponent.has_value());
  EXPECT_EQ(f.model.q, 0.5);
  EXPECT_EQ(f.model.offer_choice, forecast::OfferChoice::kStrongest);
  EXPECT_EQ(f.model.max_rounds, 7);
  EXPECT_EQ(forecast::check_actor_table(f.table), "");
}

TEST(ActorsLoader, ReadsIdealPointsAndTheirAdjustment) {
  const ForecastScenario f = load_forecast_text(
      file_with("  {\"id\": \"b\", \"capability\": 1, \"positions\": {\"tariff\": 40, "
                "\"quota\": 0}, \"saliences\": {\"tariff\": 1, \"quota\": 0.2}, "
                "\"ideals\": {\"tariff\": 25}, \"ideal_adjustment\": 0.1}",
                "\"model\": {\"ideal_adjustment\": 0.5},\n"),
      "f.json");
  // A dimension the ideals leave out is one where the actor wants what it states.
  EXPECT_EQ(f.table.actors[1].ideals, (std::vector<double>{25, 0}));
  EXPECT_EQ(f.table.actors[1].ideal_adjustment, 0.1);
  EXPECT_TRUE(f.table.actors[0].ideals.empty());
  EXPECT_FALSE(f.table.actors[0].ideal_adjustment.has_value());
  EXPECT_EQ(f.model.ideal_adjustment, 0.5);
  EXPECT_EQ(forecast::check_actor_table(f.table), "");
  // Without any of it, no ideal points: the published model.
  EXPECT_FALSE(load_forecast_text(file_with(kGood), "f.json").model.ideal_adjustment.has_value());
}

TEST(ActorsLoader, AnIdealPointOffTheScaleIsAnError) {
  EXPECT_NE(error_of(file_with("  {\"id\": \"b\", \"capability\": 1, \"positions\": "
                               "{\"tariff\": 40, \"quota\": 0}, \"saliences\": {\"tariff\": 1, "
                               "\"quota\": 0.2}, \"ideals\": {\"tariff\": 60}}"))
                .find("error at /actors/members/1/ideals/tariff: expected an ideal point on the "
                      "scale of \"tariff\" (0 to 50), found 60"),
            std::string::npos);
  EXPECT_NE(error_of(file_with("  {\"id\": \"b\", \"capability\": 1, \"positions\": "
                               "{\"tariff\": 40, \"quota\": 0}, \"saliences\": {\"tariff\": 1, "
                               "\"quota\": 0.2}, \"ideals\": {\"tarif\": 20}}"))
                .find("/actors/members/1/ideals/tarif"),
            std::string::npos);
  EXPECT_NE(error_of(file_with(kGood, "\"model\": {\"ideal_adjustment\": 1.5},\n"))
                .find("/actors/model/ideal_adjustment"),
            std::string::npos);
}

TEST(ActorsLoader, NamesLineAndColumnOfSemanticErrors) {
  // Off the scale: the value, line 9.
  EXPECT_EQ(error_of(file_with("  {\"id\": \"b\", \"capability\": 1, \"positions\": {\"tariff\": "
                               "60, \"quota\": 0}, \"saliences\": {\"tariff\": 1, \"quota\": "
                               "0.2}}")),
            "f.json:8:56: error at /actors/members/1/positions/tariff: expected a position on "
            "the scale of \"tariff\" (0 to 50), found 60");
  // A misspelt dimension: at the key, with a suggestion.
  const std::string typo = error_of(
      file_with("  {\"id\": \"b\", \"capability\": 1, \"positions\": {\"tarif\": 4, \"quota\": 0}, "
                "\"saliences\": {\"tariff\": 1, \"quota\": 0.2}}"));
  EXPECT_NE(typo.find("f.json:8:46:"), std::string::npos) << typo;
  EXPECT_NE(typo.find("did you mean \"tariff\""), std::string::npos) << typo;
  // A missing salience.
  const std::string missing = error_of(file_with(
      "  {\"id\": \"b\", \"capability\": 1, \"positions\": {\"tariff\": 4, \"quota\": 0}, "
      "\"saliences\": {\"tariff\": 1}}"));
  EXPECT_NE(missing.find("/actors/members/1/saliences: expected a salience for dimension "
                         "\"quota\""),
            std::string::npos)
      << missing;
  // Two actors with one id.
  const std::string twice = error_of(file_with(
      "  {\"id\": \"a\", \"capability\": 1, \"positions\": {\"tariff\": 4, \"quota\": 0}, "
      "\"saliences\": {\"tariff\": 1, \"quota\": 1}}"));
  EXPECT_NE(twice.find("/actors/members/1/id: expected an actor id not used before"),
            std::string::npos)
      << twice;
}

TEST(ActorsLoader, SchemaChecksTheBlock) {
  // A salience above 1.
  const std::string e = error_of(file_with(
      "  {\"id\": \"b\", \"capability\": 1, \"positions\": {\"tariff\": 4, \"quota\": 0}, "
      "\"saliences\": {\"tariff\": 1.5, \"quota\": 1}}"));
  EXPECT_NE(e.find("f.json:8:96:"), std::string::npos) << e;
  EXPECT_NE(e.find("/actors/members/1/saliences/tariff"), std::string::npos) << e;
  // A reversed scale.
  std::string reversed = file_with(kGood);
  reversed.replace(reversed.find("[0, 1]"), 6, "[1, 0]");
  EXPECT_NE(error_of(reversed).find("/actors/dimensions/1/scale/1: expected the high end"),
            std::string::npos)
      << error_of(reversed);
  // No actors block.
  EXPECT_NE(error_of("{\"parley\": 1, \"meta\": {\"name\": \"t\", \"date\": \"2020-01-01\"}}")
                .find("expected"),
            std::string::npos);
}

TEST(ActorsLoader, ANegotiationLoaderRefersAForecastOnlyFileToForecast) {
  try {
    load_scenario_text(file_with(kGood), "f.json", builtin_agents());
    FAIL() << "loaded a file without parties";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("parley forecast"), std::string::npos) << e.what();
  }
}

TEST(ActorsLoader, ShippedCarEmissionsScenarioGivesThePublishedBaselines) {
  const ForecastScenario f =
      load_forecast(std::string(PARLEY_SOURCE_DIR) + "/scenarios/ec-car-emissions-1994.json");
  ASSERT_EQ(f.table.actors.size(), 10u);
  std::vector<double> x, w;
  for (const auto& a : f.table.actors) {
    x.push_back(a.positions[0]);
    w.push_back(a.capability * a.saliences[0]);
  }
  EXPECT_DOUBLE_EQ(forecast::mean_position(x), 6.7);
  EXPECT_NEAR(forecast::weighted_mean_position(x, w), 50030.0 / 6770.0, 1e-12);
  EXPECT_DOUBLE_EQ(forecast::weighted_median_position(x, w), 7.0);
}

}  // namespace
}  // namespace parley
