#include "analysis/statistics/exact_sum.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <random>

#include "merge_check.hpp"

namespace parley {
namespace {

// Doubles spread over many orders of magnitude, both signs.
std::vector<double> wild_values(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> mantissa(-1.0, 1.0);
  std::uniform_int_distribution<int> exponent(-60, 60);
  std::vector<double> values(n);
  for (double& v : values) v = std::ldexp(mantissa(rng), exponent(rng));
  return values;
}

ExactSum sum_of(const std::vector<double>& values) {
  ExactSum sum;
  for (double v : values) sum.add(v);
  return sum;
}

TEST(ExactSum, SumsExactlyWhereDoublesDoNot) {
  ExactSum tenths;
  double naive = 0.0;
  for (int i = 0; i < 10; ++i) {
    tenths.add(0.1);
    naive += 0.1;
  }
  EXPECT_NE(naive, 1.0);  // 0.9999999999999999
  // Ten times the double nearest 0.1 is 1 + 5.55e-17, which rounds to 1.
  EXPECT_EQ(tenths.value(), 1.0);
  EXPECT_EQ(sum_of({1e100, 1.0, -1e100}).value(), 1.0);
  EXPECT_EQ(sum_of({1.0, 1e-300, -1.0}).value(), 1e-300);
  EXPECT_EQ(ExactSum{}.value(), 0.0);
}

TEST(ExactSum, TwoTermsRoundLikeIeeeAddition) {
  // IEEE addition is correctly rounded, so a + b is the reference; two_sum gives the rest.
  const std::vector<double> values = wild_values(20000, 1);
  for (std::size_t i = 0; i + 1 < values.size(); i += 2) {
    const double a = values[i], b = values[i + 1] * (i % 4 == 0 ? 1e-10 : 1.0);
    const ExactSum sum = sum_of({a, b});
    ASSERT_EQ(sum.value(), a + b) << a << " + " << b;
    const DoubleDouble dd = sum.value_dd();
    const DoubleDouble reference = two_sum(a, b);
    ASSERT_EQ(dd.hi, reference.hi);
    ASSERT_EQ(dd.lo, reference.lo);
  }
}

TEST(ExactSum, ManyTermsRoundLikeTheHexTextThroughStrtod) {
  // strtod rounds a hex float correctly, so reading the exact text back must agree with
  // value() for long sums too (away from the subnormal range).
  for (std::uint64_t seed = 0; seed < 50; ++seed) {
    const ExactSum sum = sum_of(wild_values(1000, seed));
    EXPECT_EQ(std::strtod(sum.to_string().c_str(), nullptr), sum.value()) << sum.to_string();
  }
}

TEST(ExactSum, IndependentOfOrderAndSplit) {
  std::vector<double> values = wild_values(5000, 42);
  const std::string reference = sum_of(values).to_string();
  std::mt19937_64 rng(3);
  for (int trial = 0; trial < 5; ++trial) {
    std::shuffle(values.begin(), values.end(), rng);
    EXPECT_EQ(sum_of(values).to_string(), reference);
  }
  for (std::size_t shards : {2u, 3u, 17u}) {
    auto make = [] { return ExactSum{}; };
    auto feed = [&](ExactSum& s, std::size_t i) { s.add(values[i]); };
    EXPECT_EQ(testing::merged_in_random_order<ExactSum>(values.size(), shards, shards, make, feed),
              testing::single_pass<ExactSum>(values.size(), make, feed));
  }
}

TEST(ExactSum, TextIsCanonicalAndReadsBackExactly) {
  EXPECT_EQ(sum_of({3.0}).to_string(), "0x3p+0");
  EXPECT_EQ(sum_of({-0.5}).to_string(), "-0x1p-1");
  EXPECT_EQ(sum_of({0.1}).to_string(), "0xccccccccccccdp-55");  // 0.1.hex() = 0x1.999999999999ap-4
  EXPECT_EQ(ExactSum{}.to_string(), "0x0p+0");
  EXPECT_EQ(sum_of({DBL_TRUE_MIN}).to_string(), "0x1p-1074");
  for (const ExactSum& sum :
       {sum_of({0.1, 0.2, -0.3}), sum_of({DBL_TRUE_MIN, 1e300}), sum_of(wild_values(100, 9)),
        sum_of({DBL_MAX, DBL_MAX, DBL_MAX}), sum_of({-DBL_MAX, -DBL_MAX})}) {
    const ExactSum back = ExactSum::from_string(sum.to_string());
    EXPECT_EQ(back, sum);
    EXPECT_EQ(back.to_string(), sum.to_string());
  }
  EXPECT_EQ(ExactSum::from_string("0x10p-4"), sum_of({1.0}));  // non-canonical text is fine
  for (const char* bad : {"", "1.5", "0x", "0xp+1", "0x1g", "0x1p", "0x1p+", "0x1p-1075",
                          "0x1p+5000", "--0x1p+0", "0x1p+1x"}) {
    EXPECT_THROW(ExactSum::from_string(bad), std::invalid_argument) << bad;
  }
}

TEST(ExactSum, BeyondTheDoubleRangeStaysExact) {
  ExactSum sum = sum_of({DBL_MAX, DBL_MAX});
  EXPECT_EQ(sum.value(), INFINITY);
  sum.add(-DBL_MAX);
  EXPECT_EQ(sum.value(), DBL_MAX);
}

TEST(ExactSum, InfinitiesAndNanFollowIeee) {
  EXPECT_EQ(sum_of({1.0, INFINITY}).value(), INFINITY);
  EXPECT_EQ(sum_of({-INFINITY, 1.0}).value(), -INFINITY);
  EXPECT_TRUE(std::isnan(sum_of({INFINITY, -INFINITY}).value()));
  EXPECT_TRUE(std::isnan(sum_of({NAN, 1.0}).value()));
  ExactSum positive = sum_of({INFINITY});
  positive.merge(sum_of({-INFINITY}));
  EXPECT_TRUE(std::isnan(positive.value()));
  for (const char* text : {"inf", "-inf", "nan"}) {
    EXPECT_EQ(ExactSum::from_string(text).to_string(), text);
  }
}

TEST(ExactSum, CarriesSurviveManyAdditions) {
  // More additions than the carry-save limbs take between normalisations (2^26).
  ExactSum sum;
  const std::uint64_t n = (std::uint64_t{1} << 26) + 1000;
  for (std::uint64_t i = 0; i < n; ++i) sum.add(i % 2 == 0 ? 0.75 : -0.25);
  EXPECT_EQ(sum.value(), static_cast<double>(n / 2) * 0.5);
}

TEST(ExactSum, ProductsEnterExactly) {
  ExactSum sum;
  const double x = 1.0 + DBL_EPSILON;  // x^2 = 1 + 2 eps + eps^2 needs 105 bits
  sum.add_product(x, x);
  sum.add(-1.0);
  sum.add(-2 * DBL_EPSILON);
  EXPECT_EQ(sum.value(), DBL_EPSILON * DBL_EPSILON);
}

TEST(ExactSum, ValueAndTextAgreeAcrossLimbBoundaries) {
  // value() and to_string() read 64 bits across up to three limbs at once: sums whose top
  // and bottom bits fall at every offset within a limb, of either sign, small to huge (strtod
  // rounds a subnormal once, value() may twice).
  std::mt19937_64 rng(23);
  std::uniform_real_distribution<double> mantissa(-1.0, 1.0);
  for (int trial = 0; trial < 3000; ++trial) {
    ExactSum sum;
    const int scale = static_cast<int>(rng() % 1900) - 900;  // no subnormal sums
    const int width = static_cast<int>(rng() % 200);
    const int terms = 1 + static_cast<int>(rng() % 6);
    for (int i = 0; i < terms; ++i) {
      const int e = std::min(1000, scale + (width > 0 ? static_cast<int>(rng() % width) : 0));
      sum.add(std::ldexp(mantissa(rng), e));
    }
    const std::string text = sum.to_string();
    ASSERT_EQ(sum.value(), std::strtod(text.c_str(), nullptr)) << text;
    ASSERT_EQ(ExactSum::from_string(text), sum) << text;
    ASSERT_EQ(ExactSum::from_string(text).to_string(), text);
  }
}

}  // namespace
}  // namespace parley
