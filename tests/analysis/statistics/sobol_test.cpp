#include "analysis/statistics/sobol.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <nlohmann/json.hpp>
#include <numbers>
#include <random>

#include "merge_check.hpp"

namespace parley {
namespace {

using std::numbers::pi;

// The Ishigami function (Ishigami & Homma 1990), x_i ~ U(-pi, pi), a = 7, b = 0.1, with
// known first-order indices: V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2,
// V1 = (1 + b pi^4/5)^2 / 2, V2 = a^2/8, V3 = 0.
struct Ishigami {
  static constexpr double a = 7.0;
  static constexpr double b = 0.1;
  static double f(const std::array<double, 3>& x) {
    return std::sin(x[0]) + a * std::sin(x[1]) * std::sin(x[1]) +
           b * std::pow(x[2], 4) * std::sin(x[0]);
  }
  static std::array<double, 3> indices() {
    const double pi4 = std::pow(pi, 4);
    const double v = a * a / 8 + b * pi4 / 5 + b * b * pi4 * pi4 / 18 + 0.5;
    return {0.5 * std::pow(1 + b * pi4 / 5, 2) / v, a * a / 8 / v, 0.0};
  }
};

std::vector<std::array<double, 3>> draws(int n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(-pi, pi);
  std::vector<std::array<double, 3>> x(static_cast<std::size_t>(n));
  for (auto& row : x) row = {u(rng), u(rng), u(rng)};
  return x;
}

SobolFirstOrder ishigami_estimator() {
  return SobolFirstOrder({{-pi, pi}, {-pi, pi}, {-pi, pi}}, 32, 8);
}

TEST(SobolFirstOrder, IshigamiIndices) {
  const auto x = draws(40000, 1);
  SobolFirstOrder sobol = ishigami_estimator();
  for (std::size_t i = 0; i < x.size(); ++i) sobol.add(i, x[i], Ishigami::f(x[i]));
  const auto indices = sobol.indices();
  const auto expected = Ishigami::indices();  // 0.3139, 0.4424, 0
  ASSERT_EQ(indices.size(), 3u);
  for (int j = 0; j < 3; ++j) {
    // Sampling error ~0.005; binning biases S2 (a sin^2, period pi) down by ~0.006.
    EXPECT_NEAR(indices[j].estimate, expected[j], 0.02) << "x" << j + 1;
    EXPECT_GT(indices[j].standard_error, 0.0);
    EXPECT_LT(indices[j].standard_error, 0.02);
  }
  EXPECT_EQ(sobol.count(), 40000u);
}

TEST(SobolFirstOrder, StandardErrorsMatchTheSpreadAcrossReplications) {
  // y = x1 + x2/2, x ~ U(0, 1): S1 = 0.8. Forty independent sweeps of 4000 runs.
  std::mt19937_64 rng(9);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::vector<double> estimates;
  double mean_se = 0.0;
  const int replications = 40;
  for (int r = 0; r < replications; ++r) {
    SobolFirstOrder sobol({{0, 1}, {0, 1}}, 16, 8);
    for (std::uint64_t i = 0; i < 4000; ++i) {
      const std::array<double, 2> x = {u(rng), u(rng)};
      sobol.add(i, x, x[0] + 0.5 * x[1]);
    }
    const auto index = sobol.indices()[0];
    estimates.push_back(index.estimate);
    mean_se += index.standard_error / replications;
  }
  double mean = 0.0;
  for (double e : estimates) mean += e / replications;
  double variance = 0.0;
  for (double e : estimates) variance += (e - mean) * (e - mean) / (replications - 1);
  EXPECT_NEAR(mean, 0.8, 0.01);
  const double ratio = mean_se / std::sqrt(variance);
  EXPECT_GT(ratio, 0.6);
  EXPECT_LT(ratio, 1.6);
}

TEST(SobolFirstOrder, MergeIsBitIdenticalAndJsonRoundTrips) {
  const auto x = draws(3000, 2);
  auto make = [] { return ishigami_estimator(); };
  auto feed = [&](SobolFirstOrder& s, std::size_t i) { s.add(i, x[i], Ishigami::f(x[i])); };
  const std::string reference = testing::single_pass<SobolFirstOrder>(x.size(), make, feed);
  EXPECT_EQ(testing::merged_in_random_order<SobolFirstOrder>(x.size(), 5, 6, make, feed),
            reference);
  const SobolFirstOrder back = nlohmann::json::parse(reference).get<SobolFirstOrder>();
  EXPECT_EQ(nlohmann::json(back).dump(), reference);
  EXPECT_EQ(summarize(back)["runs"], 3000);
  SobolFirstOrder other({{0, 1}}, 32, 8);
  EXPECT_THROW(other.merge(back), std::invalid_argument);
}

TEST(SobolFirstOrder, UndefinedForAConstantOutcome) {
  SobolFirstOrder sobol({{0, 1}}, 4, 2);
  for (std::uint64_t i = 0; i < 100; ++i) {
    const std::array<double, 1> x = {static_cast<double>(i) / 100};
    sobol.add(i, x, 2.0);
  }
  EXPECT_TRUE(std::isnan(sobol.indices()[0].estimate));
  EXPECT_TRUE(summarize(sobol)["indices"][0].is_null());
  EXPECT_THROW(SobolFirstOrder({{1, 0}}), std::invalid_argument);
}

TEST(SobolFirstOrder, ABlockOfShortValuesAddsExactlyAsOneByOne) {
  SobolFirstOrder one_by_one({{0, 1}, {0, 1}}, 8, 4), blocked({{0, 1}, {0, 1}}, 8, 4);
  for (std::uint64_t i = 0; i < 3000; ++i) {
    const double x[2] = {static_cast<double>(i % 97) / 97.0,
                         static_cast<double>(i * 13 % 89) / 89.0};
    const double y = static_cast<double>(i % 5) * 0.25;
    one_by_one.add(i, x, y);
    blocked.add_in_block(i, x, y);
    if (i % 512 == 511) blocked.end_block();
  }
  EXPECT_TRUE(blocked.in_block());
  EXPECT_THROW(nlohmann::json(blocked).dump(), std::logic_error);
  blocked.end_block();
  EXPECT_EQ(nlohmann::json(blocked).dump(), nlohmann::json(one_by_one).dump());
}

}  // namespace
}  // namespace parley
