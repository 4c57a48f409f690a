#pragma once
// Exact rational arithmetic for theory tests: closed forms are evaluated in fractions, so the
// expected number carries no rounding of its own. Header-only; 64-bit numerators suffice for the
// small textbook parameters the tests use (overflow is checked).
#include <cstdint>
#include <numeric>
#include <stdexcept>

namespace parley::test {

class Fraction {
 public:
  Fraction(std::int64_t num = 0, std::int64_t den = 1) : num_(num), den_(den) {
    if (den_ == 0) throw std::domain_error("fraction with zero denominator");
    normalise();
  }

  std::int64_t num() const { return num_; }
  std::int64_t den() const { return den_; }
  double value() const { return static_cast<double>(num_) / static_cast<double>(den_); }

  friend Fraction operator+(Fraction a, Fraction b) {
    return {add(mul(a.num_, b.den_), mul(b.num_, a.den_)), mul(a.den_, b.den_)};
  }
  friend Fraction operator-(Fraction a, Fraction b) { return a + Fraction(-b.num_, b.den_); }
  friend Fraction operator*(Fraction a, Fraction b) {
    return {mul(a.num_, b.num_), mul(a.den_, b.den_)};
  }
  friend Fraction operator/(Fraction a, Fraction b) {
    return {mul(a.num_, b.den_), mul(a.den_, b.num_)};
  }
  friend bool operator==(Fraction a, Fraction b) { return a.num_ == b.num_ && a.den_ == b.den_; }
  friend bool operator<(Fraction a, Fraction b) {
    return mul(a.num_, b.den_) < mul(b.num_, a.den_);
  }
  friend bool operator<=(Fraction a, Fraction b) { return !(b < a); }

  Fraction pow(int n) const {
    Fraction r(1);
    for (int k = 0; k < n; ++k) r = r * *this;
    return r;
  }

 private:
  static std::int64_t mul(std::int64_t a, std::int64_t b) {
    std::int64_t r;
    if (__builtin_mul_overflow(a, b, &r)) throw std::overflow_error("fraction overflow");
    return r;
  }
  static std::int64_t add(std::int64_t a, std::int64_t b) {
    std::int64_t r;
    if (__builtin_add_overflow(a, b, &r)) throw std::overflow_error("fraction overflow");
    return r;
  }
  void normalise() {
    if (den_ < 0) {
      num_ = -num_;
      den_ = -den_;
    }
    const std::int64_t g = std::gcd(num_, den_);
    if (g > 1) {
      num_ /= g;
      den_ /= g;
    }
  }

  std::int64_t num_;
  std::int64_t den_;
};

}  // namespace parley::test
