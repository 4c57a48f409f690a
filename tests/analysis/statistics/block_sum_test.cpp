// A block's double-double share of an exact sum: products as exact as the fma's, sums of
// representable blocks exact, committed blocks merging to the same bits in any order, and
// values a double-double cannot hold passed to the exact sum.
#include "analysis/statistics/block_sum.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

namespace parley {
namespace {

TEST(ExactProduct, MatchesTheFmaBitForBit) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> mantissa(-2.0, 2.0);
  std::uniform_int_distribution<int> exponent(-440, 440);
  for (int i = 0; i < 100000; ++i) {
    const double a = std::ldexp(mantissa(rng), exponent(rng));
    const double b = std::ldexp(mantissa(rng), exponent(rng));
    const DoubleDouble fast = exact_product(a, b);
    const DoubleDouble fma = two_product(a, b);
    ASSERT_EQ(fast.hi, fma.hi) << a << " * " << b;
    ASSERT_EQ(fast.lo, fma.lo) << a << " * " << b;
  }
}

TEST(BlockSum, ABlockOfRepresentableValuesIsExact) {
  // Multiples of 2^-52 below 2^10: any sum of 4096 of them fits in 75 bits, well inside a
  // double-double, so the block's share is the exact sum.
  std::mt19937_64 rng(3);
  std::uniform_int_distribution<std::int64_t> units(-(std::int64_t{1} << 62),
                                                    std::int64_t{1} << 62);
  ExactSum exact, blocked;
  BlockSum block;
  for (int i = 0; i < 4096; ++i) {
    const double x = std::ldexp(static_cast<double>(units(rng)), -52);
    exact.add(x);
    block.add(x, blocked);
  }
  block.commit(blocked);
  EXPECT_TRUE(block.empty());
  EXPECT_EQ(blocked.to_string(), exact.to_string());
}

TEST(BlockSum, ProductsOfShortValuesAreExact) {
  // 26-bit factors: their products have 52 bits, and the block's share is exact.
  std::mt19937_64 rng(5);
  std::uniform_int_distribution<std::int64_t> factor(-(1 << 26), 1 << 26);
  ExactSum exact, blocked;
  BlockSum block;
  for (int i = 0; i < 4096; ++i) {
    const double x = std::ldexp(static_cast<double>(factor(rng)), -20);
    const double y = std::ldexp(static_cast<double>(factor(rng)), -13);
    exact.add_product(x, y);
    block.add_product(x, y, blocked);
  }
  block.commit(blocked);
  EXPECT_EQ(blocked.to_string(), exact.to_string());
}

TEST(BlockSum, FullPrecisionBlocksAreCloseAndMergeInAnyOrder) {
  // Utilities in [0, 1] with 53-bit significands: a block's square sum needs ~118 bits, so the
  // double-double rounds, by far less than 2^-90 of the sum; but each block's share is fixed,
  // and the exact sums of the blocks' shares merge to the same bits in any order.
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  const int blocks = 12, size = 4096;
  std::vector<double> values(blocks * size);
  for (double& v : values) v = u(rng);
  ExactSum exact;
  std::vector<ExactSum> shares(blocks);
  for (int b = 0; b < blocks; ++b) {
    BlockSum block;
    for (int i = 0; i < size; ++i) {
      const double x = values[static_cast<std::size_t>(b * size + i)];
      exact.add_product(x, x);
      block.add_product(x, x, shares[static_cast<std::size_t>(b)]);
    }
    block.commit(shares[static_cast<std::size_t>(b)]);
  }
  ExactSum forward, backward;
  for (int b = 0; b < blocks; ++b) forward.merge(shares[static_cast<std::size_t>(b)]);
  for (int b = blocks; b-- > 0;) backward.merge(shares[static_cast<std::size_t>(b)]);
  EXPECT_EQ(forward.to_string(), backward.to_string());
  ExactSum difference = forward;
  difference.add(-exact.value_dd().hi);
  difference.add(-exact.value_dd().lo);
  EXPECT_LE(std::fabs(difference.value()), std::ldexp(exact.value(), -90));
}

TEST(BlockSum, ValuesBeyondADoubleDoubleGoToTheExactSum) {
  // 1e308 twice would overflow a double-double; the exact sum holds it.
  ExactSum sum;
  BlockSum block;
  for (double x : {1e308, 1e308, -1e308, 0.5}) block.add(x, sum);
  block.commit(sum);
  EXPECT_EQ(sum.value(), 1e308 + 0.5);
  // Products of huge or tiny factors, zeros and infinities as the exact sum has them.
  ExactSum products, reference;
  BlockSum p;
  const double inf = std::numeric_limits<double>::infinity();
  const std::vector<std::pair<double, double>> pairs = {
      {1e200, 1e100}, {1e-300, 3.0}, {0.0, 5.0}, {-0.0, 2.0}, {3.0, 0.25}};
  for (const auto& [x, y] : pairs) {
    p.add_product(x, y, products);
    reference.add_product(x, y);
  }
  p.commit(products);
  EXPECT_EQ(products.to_string(), reference.to_string());
  p.add_product(0.0, inf, products);
  p.commit(products);
  EXPECT_TRUE(std::isnan(products.value()));
}

// Full-precision values of every scale a sweep meets, and the awkward ones.
std::vector<double> factor_values() {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> mantissa(-2.0, 2.0);
  std::uniform_int_distribution<int> exponent(-500, 500);
  std::vector<double> values;
  for (int i = 0; i < 2000; ++i) values.push_back(std::ldexp(mantissa(rng), exponent(rng) / 10));
  for (int i = 0; i < 200; ++i) values.push_back(std::ldexp(mantissa(rng), exponent(rng)));
  const double inf = std::numeric_limits<double>::infinity();
  for (double x : {0.0, -0.0, 1.0, -1.0, 0x1p-450, 0x1p450, 0x1p-451, 0x1p451, 1e-310, inf, -inf,
                   std::numeric_limits<double>::quiet_NaN()})
    values.push_back(x);
  return values;
}

TEST(ProductFactor, SplitOnceGivesTheSameProductsAndSums) {
  const std::vector<double> values = factor_values();
  ExactSum by_value_large, by_factor_large;
  BlockSum by_value, by_factor;
  std::mt19937_64 rng(13);
  std::uniform_int_distribution<std::size_t> pick(0, values.size() - 1);
  for (int i = 0; i < 20000; ++i) {
    const double a = values[pick(rng)];
    const double b = values[pick(rng)];
    const ProductFactor fa(a), fb(b);
    if (fa.in_range && fb.in_range) {
      const DoubleDouble split = exact_product(fa, fb);
      const DoubleDouble direct = exact_product(a, b);
      ASSERT_EQ(std::bit_cast<std::uint64_t>(split.hi), std::bit_cast<std::uint64_t>(direct.hi));
      ASSERT_EQ(std::bit_cast<std::uint64_t>(split.lo), std::bit_cast<std::uint64_t>(direct.lo));
    }
    by_value.add_product(a, b, by_value_large);
    by_factor.add_product(fa, fb, by_factor_large);
    ASSERT_EQ(by_value, by_factor) << a << " * " << b;
    ASSERT_EQ(by_value_large, by_factor_large) << a << " * " << b;
  }
}

TEST(SquaredValue, AddsTheSameSquareAsAProduct) {
  ExactSum by_product_large, by_square_large;
  BlockSum by_product, by_square;
  for (const double x : factor_values()) {
    by_product.add_product(x, x, by_product_large);
    by_square.add_square(SquaredValue(x), by_square_large);
    ASSERT_EQ(by_product, by_square) << x;
    ASSERT_EQ(by_product_large, by_square_large) << x;
  }
}

TEST(BlockSum, ZerosAddNothingThatIsCommitted) {
  // The sweep skips zero values and zero products; the committed sums must not notice.
  std::mt19937_64 rng(17);
  std::uniform_real_distribution<double> value(-3.0, 3.0);
  ExactSum with_zeros, without_zeros, squares_with, squares_without;
  BlockSum a, b, sa, sb;
  for (int block = 0; block < 3; ++block) {
    for (int i = 0; i < 4096; ++i) {
      const double x = i % 3 == 0 ? (i % 2 == 0 ? 0.0 : -0.0) : value(rng);
      a.add(x, with_zeros);
      sa.add_product(x, x, squares_with);
      if (x != 0.0) {
        b.add(x, without_zeros);
        sb.add_product(x, x, squares_without);
      }
    }
    a.commit(with_zeros);
    b.commit(without_zeros);
    sa.commit(squares_with);
    sb.commit(squares_without);
  }
  EXPECT_EQ(with_zeros.to_string(), without_zeros.to_string());
  EXPECT_EQ(squares_with.to_string(), squares_without.to_string());
}

}  // namespace
}  // namespace parley
