#pragma once
#include <cmath>

namespace parley {

// A value hi + lo carried to about 106 bits. The statistics read their exact sums
// (analysis/statistics/exact_sum.hpp) into this to compute variances and covariances, where
// S2 - S1^2/n would cancel catastrophically in plain doubles. Classic error-free
// transformations (Dekker 1971, Knuth TAOCP 2; Hida, Li & Bailey's QD library).
struct DoubleDouble {
  double hi = 0.0;
  double lo = 0.0;

  double value() const { return hi + lo; }
};

// a + b exactly, as the rounded sum and its error.
inline DoubleDouble two_sum(double a, double b) {
  const double s = a + b;
  const double bb = s - a;
  return {s, (a - (s - bb)) + (b - bb)};
}

// a * b exactly (barring underflow), as the rounded product and its error.
inline DoubleDouble two_product(double a, double b) {
  const double p = a * b;
  return {p, std::fma(a, b, -p)};
}

// a * b exactly, as the rounded product and its error, for |a|, |b| in [2^-450, 2^450] (no
// overflow or underflow on the way). With a hardware fma that is one instruction; without
// one (the generic x86-64 build, where std::fma is a library call costing as much as the rest
// of an addition) Dekker's product on Veltkamp's split (Dekker 1971), which is exact too and
// safe from contraction: with no fma instruction the compiler cannot fuse its steps. Either way
// the same bits on every machine.
inline DoubleDouble exact_product(double a, double b) {
#ifdef FP_FAST_FMA
  return two_product(a, b);
#else
  constexpr double kSplit = 134217729.0;  // 2^27 + 1
  const double p = a * b;
  const double ca = kSplit * a;
  const double ah = ca - (ca - a);
  const double al = a - ah;
  const double cb = kSplit * b;
  const double bh = cb - (cb - b);
  const double bl = b - bh;
  return {p, ((ah * bh - p) + ah * bl + al * bh) + al * bl};
#endif
}

// A factor of several exact products, checked and split (Veltkamp) once: a sweep multiplies
// each run's predictors by one another and by every outcome. exact_product of two factors is
// the same bits as exact_product of their values.
struct ProductFactor {
  double value = 0.0;
  double high = 0.0;  // Veltkamp's split of value (unused with a hardware fma)
  double low = 0.0;
  bool in_range = false;  // 2^-450 <= |value| <= 2^450: exact_product may take it

  ProductFactor() = default;
  explicit ProductFactor(double x) : value(x) {
    const double a = std::fabs(x);
    in_range = a >= 0x1p-450 && a <= 0x1p450;
#ifndef FP_FAST_FMA
    constexpr double kSplit = 134217729.0;  // 2^27 + 1, as in exact_product
    const double c = kSplit * x;
    high = c - (c - x);
    low = x - high;
#endif
  }
};

// exact_product(a.value, b.value) from the factors' splits; both must be in range.
inline DoubleDouble exact_product(const ProductFactor& a, const ProductFactor& b) {
#ifdef FP_FAST_FMA
  return two_product(a.value, b.value);
#else
  const double p = a.value * b.value;
  return {p, ((a.high * b.high - p) + a.high * b.low + a.low * b.high) + a.low * b.low};
#endif
}

inline DoubleDouble renormalize(double hi, double lo) {
  const double s = hi + lo;
  return {s, lo - (s - hi)};
}

inline DoubleDouble operator+(DoubleDouble a, DoubleDouble b) {
  DoubleDouble s = two_sum(a.hi, b.hi);
  const DoubleDouble t = two_sum(a.lo, b.lo);
  s = renormalize(s.hi, s.lo + t.hi);
  return renormalize(s.hi, s.lo + t.lo);
}

inline DoubleDouble operator-(DoubleDouble a) {
  return {-a.hi, -a.lo};
}
inline DoubleDouble operator-(DoubleDouble a, DoubleDouble b) {
  return a + (-b);
}

inline DoubleDouble operator*(DoubleDouble a, DoubleDouble b) {
  DoubleDouble p = two_product(a.hi, b.hi);
  return renormalize(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

inline DoubleDouble operator/(DoubleDouble a, double b) {
  const double q1 = a.hi / b;
  const DoubleDouble p = two_product(q1, b);
  const DoubleDouble s = two_sum(a.hi, -p.hi);
  const double q2 = (s.hi + (s.lo - p.lo + a.lo)) / b;
  return renormalize(q1, q2);
}

}  // namespace parley
