// Partial dependence, its shape and the sentences about it (sweep/sensitivity.hpp): a curve
// with a peak is called not monotone only when the intervals say so, a Wilson interval for a
// share, and a note when first-order Sobol indices sum past 1.
#include "sweep/sensitivity.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "analysis/statistics/proportion.hpp"

namespace parley {
namespace {

Moments values(std::initializer_list<double> xs) {
  Moments m;
  for (double x : xs) m.add(x);
  return m;
}

BinEstimate at(double mean, double half) {
  return {100, mean, mean - half, mean + half};
}

TEST(Sensitivity, AShareHasItsWilsonInterval) {
  Moments m;
  for (int k = 0; k < 100; ++k) m.add(k < 30 ? 1.0 : 0.0);
  const BinEstimate e = bin_estimate(m, true);
  EXPECT_EQ(e.runs, 100u);
  EXPECT_DOUBLE_EQ(e.mean, 0.3);
  const Interval w = wilson_interval(30, 100);
  EXPECT_DOUBLE_EQ(e.lower, w.lower);
  EXPECT_DOUBLE_EQ(e.upper, w.upper);
}

TEST(Sensitivity, AMeanHasANormalInterval) {
  const BinEstimate e = bin_estimate(values({1, 2, 3, 4}), false);
  const double half = kZ95 * std::sqrt(5.0 / 3.0) / 2.0;
  EXPECT_DOUBLE_EQ(e.mean, 2.5);
  EXPECT_NEAR(e.lower, 2.5 - half, 1e-12);
  EXPECT_NEAR(e.upper, 2.5 + half, 1e-12);
  EXPECT_TRUE(std::isnan(bin_estimate(values({1}), false).lower));
  EXPECT_EQ(bin_estimate(Moments{}, false).runs, 0u);
}

TEST(Sensitivity, ShapesAreJudgedByTheIntervals) {
  EXPECT_EQ(curve_shape({at(0.1, 0.02), at(0.5, 0.02), at(0.2, 0.02)}), "peaks inside");
  EXPECT_EQ(curve_shape({at(0.5, 0.02), at(0.1, 0.02), at(0.4, 0.02)}), "dips inside");
  EXPECT_EQ(curve_shape({at(0.1, 0.02), at(0.3, 0.02), at(0.5, 0.02)}), "increasing");
  EXPECT_EQ(curve_shape({at(0.5, 0.02), at(0.3, 0.02), at(0.1, 0.02)}), "decreasing");
  // A wiggle inside overlapping intervals is noise, not a peak.
  EXPECT_EQ(curve_shape({at(0.30, 0.05), at(0.33, 0.05), at(0.31, 0.05)}), "flat");
  // Empty bins are skipped; one bin has no shape.
  EXPECT_EQ(curve_shape({at(0.1, 0.01), BinEstimate{}, at(0.5, 0.01)}), "increasing");
  EXPECT_EQ(curve_shape({at(0.1, 0.01)}), "");
}

TEST(Sensitivity, PartialDependenceTornadoAndNotes) {
  // A ceasefire share that peaks at the middle of three levels.
  std::vector<Moments> x(3), y(3);
  const double levels[] = {0.2, 0.5, 0.8};
  const int ceasefires[] = {100, 600, 150};
  for (int b = 0; b < 3; ++b)
    for (int k = 0; k < 1000; ++k) {
      x[b].add(levels[b]);
      y[b].add(k < ceasefires[b] ? 1.0 : 0.0);
    }
  const auto pd = partial_dependence_json("/world/battlefield/win_probability", x, y, true);
  ASSERT_EQ(pd["bins"].size(), 3u);
  EXPECT_DOUBLE_EQ(pd["bins"][1]["x"].get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(pd["bins"][1]["mean"].get<double>(), 0.6);
  EXPECT_EQ(pd["shape"], "peaks inside");
  EXPECT_DOUBLE_EQ(pd["at"].get<double>(), 0.5);
  const auto tornado = tornado_json(pd);
  EXPECT_DOUBLE_EQ(tornado["low"]["mean"].get<double>(), 0.1);
  EXPECT_DOUBLE_EQ(tornado["high"]["mean"].get<double>(), 0.15);
  EXPECT_NEAR(tornado["swing"].get<double>(), 0.05, 1e-15);
  EXPECT_NEAR(tornado["range"].get<double>(), 0.5, 1e-15);

  const nlohmann::json sobol = {{{"pointer", "a"}, {"sobol", 0.7}, {"sobol_se", 0.1}},
                                {{"pointer", "b"}, {"sobol", 0.5}, {"sobol_se", 0.1}}};
  const auto notes = sensitivity_notes("the ceasefire", nlohmann::json::array({pd}), sobol);
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_NE(notes[0].find("is not monotone: it peaks near 0.5"), std::string::npos) << notes[0];
  EXPECT_NE(notes[1].find("sum to 1.2, past 1"), std::string::npos) << notes[1];
  EXPECT_NE(notes[1].find("estimation noise"), std::string::npos);
  // Indices that sum below 1 and a monotone curve need no words.
  const nlohmann::json small = {{{"pointer", "a"}, {"sobol", 0.4}, {"sobol_se", 0.1}}};
  EXPECT_TRUE(sensitivity_notes("x", nlohmann::json::array(), small).empty());
}

}  // namespace
}  // namespace parley
