#include "analysis/report/forecast_sweep_pictures.hpp"

#include <gtest/gtest.h>

namespace parley {
namespace {

nlohmann::json distribution(double mean) {
  return {{"count", 4},
          {"mean", mean},
          {"sd", 0.5},
          {"min", 5.0},
          {"max", 8.0},
          {"quantiles", {{"p05", 5.0}, {"p25", 6.0}, {"p50", 7.0}, {"p75", 7.5}, {"p95", 8.0}}},
          {"histogram", {{"lower", 4.0}, {"upper", 10.0}, {"counts", {0, 1, 2, 1, 0, 0}}}}};
}

TEST(ForecastSweepPictures, ADimensionGetsTwoHistogramsAndTwoTables) {
  const nlohmann::json summary = {
      {"parley_summary", 2},
      {"partial", false},
      {"runs", {{"planned", 4}, {"completed", 4}}},
      {"sweep",
       {{"kind", "forecast"},
        {"scenario", {{"name", "EC"}, {"file", "ec.json"}}},
        {"seed", 1},
        {"design", "monte-carlo"},
        {"parameters", nlohmann::json::array()}}},
      {"forecast",
       {{"near_share", 0.05},
        {"dimensions",
         {{{"id", "standard"},
           {"name", "Standard"},
           {"unit", "points"},
           {"as_given", {{"median", 7.0}, {"weighted_mean", 7.4}}},
           {"median", distribution(7.0)},
           {"weighted_mean", distribution(7.2)},
           {"actors",
            {{{"name", "Belgium"},
              {"near_median", {{"estimate", 0.75}, {"wilson95", {0.3, 0.95}}}}}}}}}}}}};
  const ReportPage page = forecast_sweep_pictures(summary);
  EXPECT_EQ(page.title, "Forecast sweep: EC");
  ASSERT_EQ(page.sections.size(), 1u);
  EXPECT_EQ(page.sections[0].charts.size(), 2u);
  ASSERT_EQ(page.tables.size(), 2u);
  EXPECT_EQ(page.tables[0].rows[0][1], "7");
  EXPECT_EQ(page.tables[1].rows[0][1], "75%");
  EXPECT_THROW(forecast_sweep_pictures(nlohmann::json::object()), std::invalid_argument);
}

}  // namespace
}  // namespace parley
