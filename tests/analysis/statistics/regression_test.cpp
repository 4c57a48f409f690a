#include "analysis/statistics/regression.hpp"

#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>

#include "merge_check.hpp"

namespace parley {
namespace {

struct Data {
  Eigen::MatrixXd x;  // runs x predictors
  Eigen::VectorXd y;
};

// y = 2 x1 - x2 + noise, x1 ~ U(0, 1), x2 ~ U(0, 2), x3 = 5 (a parameter held fixed).
Data make_data(int n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::normal_distribution<double> noise(0.0, 0.3);
  Data data{Eigen::MatrixXd(n, 3), Eigen::VectorXd(n)};
  for (int i = 0; i < n; ++i) {
    data.x(i, 0) = u(rng);
    data.x(i, 1) = 2 * u(rng);
    data.x(i, 2) = 5.0;
    data.y[i] = 2 * data.x(i, 0) - data.x(i, 1) + noise(rng);
  }
  return data;
}

RegressionSums sums_of(const Data& data) {
  RegressionSums sums(static_cast<std::size_t>(data.x.cols()));
  for (Eigen::Index i = 0; i < data.x.rows(); ++i) {
    const Eigen::VectorXd row = data.x.row(i).transpose();
    sums.add(std::span<const double>(row.data(), static_cast<std::size_t>(row.size())), data.y[i]);
  }
  return sums;
}

TEST(StandardizedRegression, MatchesLeastSquaresOnTheStandardizedData) {
  const Data data = make_data(3000, 1);
  const auto fit = standardized_regression(sums_of(data));
  ASSERT_TRUE(fit.has_value());
  // Reference: standardize the first two columns and y, solve by QR on the raw data.
  const int n = static_cast<int>(data.x.rows());
  auto standardize = [&](const Eigen::VectorXd& v) {
    const Eigen::VectorXd centred = v.array() - v.mean();
    return Eigen::VectorXd(centred / std::sqrt(centred.squaredNorm() / (n - 1)));
  };
  Eigen::MatrixXd z(n, 2);
  z.col(0) = standardize(data.x.col(0));
  z.col(1) = standardize(data.x.col(1));
  const Eigen::VectorXd zy = standardize(data.y);
  const Eigen::VectorXd beta = z.colPivHouseholderQr().solve(zy);
  const double rss = (zy - z * beta).squaredNorm();
  const double r_squared = 1.0 - rss / zy.squaredNorm();
  const Eigen::MatrixXd covariance = rss / (n - 3) * (z.transpose() * z).inverse();
  for (int j = 0; j < 2; ++j) {
    EXPECT_NEAR(fit->coefficients[j], beta[j], 1e-10) << j;
    EXPECT_NEAR(fit->standard_errors[j], std::sqrt(covariance(j, j)), 1e-10) << j;
  }
  EXPECT_NEAR(fit->r_squared, r_squared, 1e-10);
  // The fixed parameter has no coefficient.
  EXPECT_TRUE(std::isnan(fit->coefficients[2]));
  EXPECT_TRUE(std::isnan(fit->standard_errors[2]));
  // Population values: SRC_1 = 2·sd(x1)/sd(y) with Var x1 = 1/12, Var x2 = 4/12.
  const double sd_y = std::sqrt(4.0 / 12 + 4.0 / 12 + 0.09);
  EXPECT_NEAR(fit->coefficients[0], 2 * std::sqrt(1.0 / 12) / sd_y, 0.02);
  EXPECT_NEAR(fit->coefficients[1], -std::sqrt(4.0 / 12) / sd_y, 0.02);
}

TEST(StandardizedRegression, UndefinedCases) {
  RegressionSums constant_y(1);
  RegressionSums collinear(2);
  RegressionSums few(2);
  for (int i = 0; i < 10; ++i) {
    const double x = i;
    constant_y.add(std::vector<double>{x}, 1.0);
    collinear.add(std::vector<double>{x, 2 * x}, x * x);
  }
  few.add(std::vector<double>{1, 2}, 3);
  few.add(std::vector<double>{2, 1}, 5);
  few.add(std::vector<double>{0, 0}, 1);
  EXPECT_FALSE(standardized_regression(constant_y).has_value());
  EXPECT_FALSE(standardized_regression(collinear).has_value());
  EXPECT_FALSE(standardized_regression(few).has_value());  // n = 3 = p + 1
  EXPECT_TRUE(summarize(few).is_null());
  EXPECT_THROW(few.add(std::vector<double>{1}, 0), std::invalid_argument);
}

TEST(RegressionSums, MergeIsBitIdenticalAndJsonRoundTrips) {
  const Data data = make_data(4000, 2);
  auto make = [] { return RegressionSums(3); };
  auto feed = [&](RegressionSums& s, std::size_t i) {
    const Eigen::VectorXd row = data.x.row(static_cast<Eigen::Index>(i)).transpose();
    s.add(std::span<const double>(row.data(), 3), data.y[static_cast<Eigen::Index>(i)]);
  };
  const std::string reference = testing::single_pass<RegressionSums>(4000, make, feed);
  EXPECT_EQ(testing::merged_in_random_order<RegressionSums>(4000, 8, 5, make, feed), reference);
  const RegressionSums back = nlohmann::json::parse(reference).get<RegressionSums>();
  EXPECT_EQ(back, sums_of(data));
  EXPECT_EQ(summarize(back).dump(), summarize(sums_of(data)).dump());
  RegressionSums other(2);
  EXPECT_THROW(other.merge(back), std::invalid_argument);
}

TEST(RegressionSums, ABlockOfShortValuesAddsExactlyAsOneByOne) {
  RegressionSums one_by_one(2), blocked(2);
  for (int i = 0; i < 3000; ++i) {
    const double x[2] = {(i % 17) / 4.0, (i * 31 % 64) / 16.0};
    const double y = x[0] - 2 * x[1] + (i % 3);
    one_by_one.add(x, y);
    blocked.add_in_block(x, y);
    if (i % 1000 == 999) blocked.end_block();
  }
  EXPECT_FALSE(blocked.in_block());
  EXPECT_EQ(nlohmann::json(blocked).dump(), nlohmann::json(one_by_one).dump());
  blocked.add_in_block(std::vector<double>{1, 2}, 3);
  EXPECT_THROW(nlohmann::json(blocked).dump(), std::logic_error);
}

TEST(RegressionSums, SharedFactorsGiveTheSameBitsAsEachOutcomeAlone) {
  // The sweep's path: predictors split once and shared, outcomes of zero adding only counts.
  std::mt19937_64 rng(19);
  std::uniform_real_distribution<double> u(-2.0, 2.0);
  const double inf = std::numeric_limits<double>::infinity();
  RegressionSums alone_a(3), alone_b(3), shared_a(3), shared_b(3), from_products(3);
  RegressionSums::PredictorBlock block(3), block_of_products(3);
  RegressionSums::PredictorProducts products(3);
  for (int i = 0; i < 3 * 4096 + 100; ++i) {
    double x[3] = {u(rng), std::ldexp(u(rng), i % 7 == 0 ? 600 : 0), i % 5 == 0 ? 0.0 : u(rng)};
    if (i == 77) x[0] = inf;  // an infinite predictor with a zero outcome: NaN, not skipped
    const double ya = i % 2 == 0 ? 0.0 : u(rng);
    const double yb = i % 3 == 0 ? -0.0 : std::floor(4 * u(rng));
    alone_a.add_in_block(x, ya);
    alone_b.add_in_block(x, yb);
    const ProductFactor f[3] = {ProductFactor(x[0]), ProductFactor(x[1]), ProductFactor(x[2])};
    block.add(std::span<const ProductFactor>(f));
    shared_a.add_outcome_in_block(std::span<const ProductFactor>(f), ProductFactor(ya));
    shared_b.add_outcome_in_block(std::span<const ProductFactor>(f), ProductFactor(yb));
    products.set(std::span<const ProductFactor>(f));
    block_of_products.add(products);
    from_products.add_outcome_in_block(std::span<const ProductFactor>(f), ProductFactor(ya));
    if (i % 4096 == 4095) {
      alone_a.end_block();
      alone_b.end_block();
      shared_a.end_block(block);
      shared_b.end_block(block);
      from_products.end_block(block_of_products);
      block.clear();
      block_of_products.clear();
    }
  }
  alone_a.end_block();
  alone_b.end_block();
  shared_a.end_block(block);
  shared_b.end_block(block);
  from_products.end_block(block_of_products);
  EXPECT_EQ(nlohmann::json(from_products).dump(), nlohmann::json(alone_a).dump());
  EXPECT_EQ(nlohmann::json(shared_a).dump(), nlohmann::json(alone_a).dump());
  EXPECT_EQ(nlohmann::json(shared_b).dump(), nlohmann::json(alone_b).dump());
}

}  // namespace
}  // namespace parley
