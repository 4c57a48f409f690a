#pragma once
#include <bit>
#include <cmath>
#include <cstdint>

#include "analysis/statistics/double_double.hpp"
#include "analysis/statistics/exact_sum.hpp"

namespace parley {

// A value and its exact square, computed once for the many sums that take both (a sweep adds
// each outcome to its moments in the bin of every parameter).
struct SquaredValue {
  double value = 0.0;
  DoubleDouble square;           // exact_product(value, value), when square_in_range
  bool square_in_range = false;  // 2^-450 <= |value| <= 2^450

  explicit SquaredValue(double x) : value(x) {
    const double a = std::fabs(x);
    square_in_range = a >= 0x1p-450 && a <= 0x1p450;
    if (square_in_range) square = exact_product(x, x);
  }
};

// One block's share of an ExactSum, kept as a double-double (hi + lo, about 106 bits) and
// added to the exact sum when the block ends (commit). The sweep's statistics take ~200 sums
// per run; an exact addition costs a few nanoseconds and 552 bytes of cache per sum, a
// double-double addition a handful of flops in 16 bytes.
//
// What stays exact: the ExactSum receives each block's hi and lo exactly, so totals do not
// depend on how blocks are grouped or in which order they merge. Within a block the values are
// added in the order given (the sweep's run order) and the double-double rounds (relative error
// about n · 2^-106 of the sum of magnitudes for n additions); a block's sum is therefore a
// function of the block alone. The sweep's blocks are fixed by the run index (4096 runs,
// sweep/runner.hpp) for any thread count, shard or resume, so summaries stay bit-identical.
//
// Adding a zero (value or product) changes nothing that end_block passes on: callers on the hot
// path may skip it.
//
// Values a double-double could not hold (beyond 2^450 in magnitude for products' factors,
// 2^960 for sums, infinities, NaN) and factors below 2^-450 go straight to the ExactSum, which
// handles them exactly as before; a zero product adds nothing (as in the ExactSum).
class BlockSum {
 public:
  void add(double x, ExactSum& exact) {
    if (std::fabs(x) <= kLargest) {
      accumulate(x, 0.0);
    } else {
      exact.add(x);
    }
  }
  void add_product(double x, double y, ExactSum& exact) {
    const double ax = std::fabs(x);
    const double ay = std::fabs(y);
    if (ax >= kFactorLow && ax <= kFactorHigh && ay >= kFactorLow && ay <= kFactorHigh) {
      const DoubleDouble p = exact_product(x, y);
      accumulate(p.hi, p.lo);
    } else if ((x == 0.0 && ay <= kInfinity) || (y == 0.0 && ax <= kInfinity)) {
      // +-0: nothing to add (0 * inf or 0 * NaN is NaN and goes to the exact sum).
    } else {
      exact.add_product(x, y);
    }
  }
  // The same bits as add_product(x.value, y.value, exact), the factors split once.
  void add_product(const ProductFactor& x, const ProductFactor& y, ExactSum& exact) {
    if (x.in_range && y.in_range) {
      const DoubleDouble p = exact_product(x, y);
      accumulate(p.hi, p.lo);
    } else {
      add_product(x.value, y.value, exact);
    }
  }
  // Adds a product exact_product computed: what add_product(x, y) adds when both factors are
  // in range, for a product computed once and added to several sums.
  void add_exact(const DoubleDouble& product) { accumulate(product.hi, product.lo); }
  // The same bits as add_product(x.value, x.value, exact).
  void add_square(const SquaredValue& x, ExactSum& exact) {
    if (x.square_in_range) {
      accumulate(x.square.hi, x.square.lo);
    } else {
      add_product(x.value, x.value, exact);
    }
  }
  // Adds the block's sum to `exact` and starts from zero.
  void commit(ExactSum& exact) {
    add_to(exact);
    hi_ = 0.0;
    lo_ = 0.0;
  }
  // Adds the block's sum to `exact` (a block shared by several exact sums).
  void add_to(ExactSum& exact) const {
    if (hi_ != 0.0) exact.add(hi_);
    if (lo_ != 0.0) exact.add(lo_);
  }
  bool empty() const { return hi_ == 0.0 && lo_ == 0.0; }

  friend bool operator==(const BlockSum&, const BlockSum&) = default;

 private:
  static constexpr double kLargest = 0x1p960;
  static constexpr double kFactorLow = 0x1p-450;
  static constexpr double kFactorHigh = 0x1p450;
  static constexpr double kInfinity = 1.7976931348623157e308;  // the largest finite double

  // hi + x by two_sum (exact); its error and `error` (below hi's ulp) collect in lo.
  void accumulate(double x, double error) {
    const double s = hi_ + x;
    const double bb = s - hi_;
    const double e = (hi_ - (s - bb)) + (x - bb);
    hi_ = s;
    lo_ += e + error;
  }

  double hi_ = 0.0;
  double lo_ = 0.0;
};

}  // namespace parley
