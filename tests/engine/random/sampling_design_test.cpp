// Designs (docs/sweep.md): run i's values depend only on (seed, i), so any order of evaluation
// gives the same values; the Latin hypercube puts exactly one run in each stratum of each
// parameter; the grid enumerates every combination; and a parameter's draws do not change when
// another parameter is added.
#include "engine/random/sampling_design.hpp"

#include <gtest/gtest.h>

#include <boost/math/distributions/normal.hpp>

#include <cmath>
#include <set>

#include "engine/input_error.hpp"

namespace parley {
namespace {

UncertainParameter parameter(const std::string& pointer, const std::string& text, int levels = 0) {
  std::string error;
  UncertainParameter p;
  p.pointer = pointer;
  p.distribution = parse_distribution(text, error).value();
  p.levels = levels;
  return p;
}

UncertaintySpec spec(DesignKind kind, std::vector<UncertainParameter> parameters) {
  UncertaintySpec s;
  s.design = kind;
  s.parameters = std::move(parameters);
  return s;
}

TEST(SamplingDesign, RunValuesDependOnlyOnSeedAndRunIndex) {
  for (DesignKind kind : {DesignKind::MonteCarlo, DesignKind::LatinHypercube}) {
    const auto s = spec(kind, {parameter("/a", "uniform(0, 1)"), parameter("/b", "normal(0, 1)")});
    const SamplingDesign forward(s, 7, 500), backward(s, 7, 500), other_seed(s, 8, 500);
    double x[2], y[2], z[2];
    int differ = 0;
    for (std::uint64_t i = 0; i < 500; ++i) {
      forward.draw(i, x);
      backward.draw(499 - i, y);
      backward.draw(i, y);
      other_seed.draw(i, z);
      EXPECT_EQ(x[0], y[0]);
      EXPECT_EQ(x[1], y[1]);
      differ += x[0] != z[0];
    }
    EXPECT_GT(differ, 490);
  }
}

TEST(SamplingDesign, AddingAParameterLeavesTheOthersDrawsAlone) {
  for (DesignKind kind : {DesignKind::MonteCarlo, DesignKind::LatinHypercube}) {
    const SamplingDesign one(spec(kind, {parameter("/a", "beta(2, 3)")}), 3, 100);
    const SamplingDesign two(
        spec(kind, {parameter("/z", "uniform(5, 6)"), parameter("/a", "beta(2, 3)")}), 3, 100);
    double x[1], y[2];
    for (std::uint64_t i = 0; i < 100; ++i) {
      one.draw(i, x);
      two.draw(i, y);
      EXPECT_EQ(x[0], y[1]);
    }
  }
}

TEST(SamplingDesign, LatinHypercubeFillsEveryStratumOnce) {
  const std::uint64_t n = 1000;
  const auto s = spec(DesignKind::LatinHypercube,
                      {parameter("/a", "uniform(0, 1)"), parameter("/b", "uniform(10, 20)"),
                       parameter("/c", "normal(0, 1)")});
  const SamplingDesign design(s, 11, n);
  std::set<std::uint64_t> strata[3];
  const boost::math::normal_distribution<> z;
  for (std::uint64_t i = 0; i < n; ++i) {
    double v[3];
    design.draw(i, v);
    strata[0].insert(static_cast<std::uint64_t>(std::floor(v[0] * n)));
    strata[1].insert(static_cast<std::uint64_t>(std::floor((v[1] - 10) / 10 * n)));
    strata[2].insert(static_cast<std::uint64_t>(std::floor(boost::math::cdf(z, v[2]) * n)));
  }
  for (const auto& s_j : strata) {
    EXPECT_EQ(s_j.size(), n);
    EXPECT_EQ(*s_j.rbegin(), n - 1);
  }
}

TEST(SamplingDesign, GridEnumeratesEveryCombinationFirstParameterSlowest) {
  const auto s =
      spec(DesignKind::Grid, {parameter("/a", "uniform(0, 1)", 4),
                              parameter("/b", "discrete(1, 2, 3)"), parameter("/pin", "fixed(7)")});
  EXPECT_EQ(SamplingDesign::grid_size(s), 12u);
  const SamplingDesign design(s, 1, 24);
  EXPECT_EQ(design.grid_cells(), 12u);
  // Levels of a continuous parameter: midpoints of equal-probability strata.
  EXPECT_EQ(design.grid_levels(0), (std::vector<double>{0.125, 0.375, 0.625, 0.875}));
  std::set<std::pair<double, double>> seen;
  for (std::uint64_t i = 0; i < 12; ++i) {
    double v[3], w[3];
    design.draw(i, v);
    design.draw(i + 12, w);  // the second pass repeats the first
    EXPECT_EQ(v[0], w[0]);
    EXPECT_EQ(v[1], w[1]);
    EXPECT_EQ(v[0], design.grid_levels(0)[i / 3]);
    EXPECT_EQ(v[1], 1.0 + static_cast<double>(i % 3));
    EXPECT_EQ(v[2], 7.0);
    seen.insert({v[0], v[1]});
  }
  EXPECT_EQ(seen.size(), 12u);
}

TEST(SamplingDesign, GridRefusesWhatItCannotDo) {
  auto four =
      spec(DesignKind::Grid, {parameter("/a", "uniform(0, 1)"), parameter("/b", "uniform(0, 1)"),
                              parameter("/c", "uniform(0, 1)"), parameter("/d", "uniform(0, 1)")});
  EXPECT_THROW(SamplingDesign(four, 1, 625), InputError);
  auto two = spec(DesignKind::Grid, {parameter("/a", "uniform(0, 1)", 3)});
  EXPECT_THROW(SamplingDesign(two, 1, 10), InputError);  // not a whole number of passes
  auto weighted = spec(DesignKind::Grid, {parameter("/a", "discrete(1:1, 2:3)")});
  EXPECT_THROW(SamplingDesign(weighted, 1, 2), InputError);
}

TEST(SamplingDesign, MonteCarloFollowsTheDistribution) {
  const auto s = spec(DesignKind::MonteCarlo, {parameter("/a", "triangular(0, 0.25, 1)")});
  const std::uint64_t n = 100000;
  const SamplingDesign design(s, 5, n);
  double sum = 0;
  for (std::uint64_t i = 0; i < n; ++i) {
    double v[1];
    design.draw(i, v);
    sum += v[0];
  }
  // Triangular mean (a+b+c)/3, standard deviation sqrt((a²+b²+c²-ab-ac-bc)/18).
  const double sd = std::sqrt((0 + 0.0625 + 1 - 0 - 0 - 0.25) / 18);
  EXPECT_NEAR(sum / n, 1.25 / 3, 5 * sd / std::sqrt(double(n)));
}

}  // namespace
}  // namespace parley
