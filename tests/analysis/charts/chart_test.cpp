#include "analysis/charts/chart.hpp"

#include <gtest/gtest.h>

namespace parley {
namespace {

TEST(Chart, XYChartCarriesItsDataTitlesAndComputedDomains) {
  XYChart c;
  c.title = "Dance";
  c.x_title = "round (day)";
  c.y_title = "utility (0-1)";
  c.lines = {{0, 0.2, "RU", "UA", ""}, {1, 0.4, "RU", "RU", ""}, {3, 0.9, "UA", "RU", ""}};
  c.markers = {{3, 0.9, "deal"}};
  const Chart chart = xy_chart(c);
  EXPECT_EQ(chart.spec["title"]["text"], "Dance");
  EXPECT_EQ(chart.spec["axes"][0]["title"], "round (day)");
  EXPECT_EQ(chart.spec["axes"][1]["title"], "utility (0-1)");
  const auto* lines = chart_data(chart.spec, "lines");
  ASSERT_NE(lines, nullptr);
  ASSERT_EQ(lines->size(), 3u);
  EXPECT_DOUBLE_EQ((*lines)[2]["y"].get<double>(), 0.9);
  EXPECT_EQ(chart.spec["scales"][0]["domain"], nlohmann::ordered_json::array({0.0, 3.0}));
  EXPECT_EQ(chart.spec["scales"][2]["domain"], nlohmann::ordered_json::array({"RU", "UA"}));
  EXPECT_EQ(chart_data(chart.spec, "markers")->at(0)["label"], "deal");
  EXPECT_EQ(chart_data(chart.spec, "nothing"), nullptr);
}

TEST(Chart, NonFiniteNumbersAreNeverWritten) {
  XYChart c;
  c.lines = {{0, std::numeric_limits<double>::quiet_NaN(), "a", "", ""}};
  const Chart chart = xy_chart(c);
  EXPECT_EQ(chart.spec.dump().find("null"), std::string::npos);
  EXPECT_EQ(chart.spec["scales"][1]["domain"],
            nlohmann::ordered_json::array({0.0, 1.0}));  // no finite y
}

TEST(Chart, IntervalBarsKeepLowerAndUpperAndMarkWhiskers) {
  IntervalChart c;
  c.bars = {{"political", "", 0.25, 0.2, 0.3, "25%"}, {"humanitarian", "", 0.9, {}, {}, "90%"}};
  c.domain = std::make_pair(0.0, 1.0);
  const Chart chart = interval_chart(c);
  const auto& rows = *chart_data(chart.spec, "bars");
  EXPECT_DOUBLE_EQ(rows[0]["lower"].get<double>(), 0.2);
  EXPECT_DOUBLE_EQ(rows[0]["upper"].get<double>(), 0.3);
  EXPECT_TRUE(rows[0]["whisker"].get<bool>());
  EXPECT_FALSE(rows[1]["whisker"].get<bool>());
  EXPECT_EQ(chart.spec["scales"][1]["domain"],
            nlohmann::ordered_json::array({"political", "humanitarian"}));
}

TEST(Chart, HistogramTimelineAndHeatmapHoldTheirRows) {
  const Chart h = histogram_chart({"t", "c", "x", "runs", {{0, 1, 5}, {1, 2, 7}}});
  EXPECT_EQ(chart_data(h.spec, "bins")->size(), 2u);
  EXPECT_EQ(h.spec["scales"][1]["domain"], nlohmann::ordered_json::array({0.0, 7.0}));
  TimelineChart t;
  t.spans = {{"political", 0, 40, "deadline", ""}};
  t.instants = {{"event: strike", 12, "drones"}};
  const Chart tl = timeline_chart(t);
  EXPECT_EQ(tl.spec["scales"][1]["domain"],
            nlohmann::ordered_json::array({"political", "event: strike"}));
  const Chart hm = heatmap_chart({"t", "c", "x", "y", "v", {{"a", "b", 0.5, "0.5"}}, ""});
  EXPECT_EQ(chart_data(hm.spec, "cells")->at(0)["value"], 0.5);
}

}  // namespace
}  // namespace parley
