#include "analysis/report/forecast_report.hpp"

#include <gtest/gtest.h>

#include "tests/support/ec_car_emissions.hpp"

namespace parley {
namespace {

TEST(ForecastReport, JsonHoldsEveryRoundTheForecastAndTheBaselines) {
  const forecast::ActorTable table = forecast::ec_car_emissions_table();
  forecast::ModelParameters model;
  model.max_rounds = 3;
  const auto result = forecast::run_forecast(table, model);
  const nlohmann::json j = forecast_json({"EC", table, model, result});
  EXPECT_EQ(j["scenario"], "EC");
  EXPECT_EQ(j["model"]["win_probability"], "pair");
  EXPECT_EQ(j["model"]["max_rounds"], 3);
  ASSERT_EQ(j["dimensions"].size(), 1u);
  const nlohmann::json& d = j["dimensions"][0];
  EXPECT_EQ(d["baselines"]["mean"], 6.7);
  EXPECT_EQ(d["baselines"]["weighted_median"], 7.0);
  EXPECT_EQ(d["rounds"].size(), result[0].rounds.size());
  EXPECT_EQ(d["rounds"][0]["positions"]["Germany"], 4.0);
  EXPECT_FALSE(d["rounds"][0].contains("risk_exponents"));
  EXPECT_EQ(d["rounds"][1]["risk_exponents"].size(), 10u);
  EXPECT_EQ(d["forecast"]["median"], result[0].median());
  EXPECT_EQ(d["forecast"]["rounds"], result[0].rounds.size() - 1);
}

TEST(ForecastReport, TextShowsPositionsForecastAndBaselinesWithUnits) {
  const forecast::ActorTable table = forecast::ec_car_emissions_table();
  const forecast::ModelParameters model;
  const auto result = forecast::run_forecast(table, model);
  const std::string text = forecast_text({"EC", table, model, result});
  EXPECT_NE(text.find("EC: 10 actors, 1 dimension\n"), std::string::npos) << text;
  EXPECT_NE(text.find("(scale 4 to 10 points)"), std::string::npos) << text;
  EXPECT_NE(text.find("Netherlands"), std::string::npos);
  EXPECT_NE(text.find("weighted median         7 points"), std::string::npos) << text;
  EXPECT_NE(text.find("mean                    6.7 points"), std::string::npos) << text;
  EXPECT_NE(text.find("Forecast after"), std::string::npos);
}

TEST(ForecastReport, ManyRoundsShowTheFirstAndTheLast) {
  forecast::ActorTable table = forecast::ec_car_emissions_table();
  forecast::ModelParameters model;
  model.settle_tolerance = 1e-300;  // never settles early
  model.max_rounds = 20;
  const auto result = forecast::run_forecast(table, model);
  const std::string text = forecast_text({"EC", table, model, result});
  if (result[0].rounds.size() > 9) {
    EXPECT_NE(text.find("..."), std::string::npos) << text;
  }
}

}  // namespace
}  // namespace parley
