#include "engine/random/poisson_sampler.hpp"

#include <array>
#include <cmath>

namespace parley {

namespace {

// log(k!) exactly tabled for small k, by Stirling's series beyond (error < 1e-15 for k >= 10).
double log_factorial(std::int64_t k) {
  static constexpr std::array<double, 10> kTable = {0.0,
                                                    0.0,
                                                    0.69314718055994530942,
                                                    1.79175946922805500081,
                                                    3.17805383034794561964,
                                                    4.78749174278204599425,
                                                    6.57925121201010099506,
                                                    8.52516136106541430017,
                                                    10.60460290274525022842,
                                                    12.80182748008146961121};
  if (k < 10) return kTable[static_cast<std::size_t>(k)];
  const double x = static_cast<double>(k) + 1.0;
  const double inverse = 1.0 / x;
  const double inverse_squared = inverse * inverse;
  // Stirling for log Gamma(x), x = k + 1.
  return (x - 0.5) * std::log(x) - x + 0.91893853320467274178 +
         inverse * (1.0 / 12 - inverse_squared * (1.0 / 360 - inverse_squared / 1260));
}

}  // namespace

PoissonSampler::PoissonSampler(double mean) : mean_(mean) {
  if (mean_ <= 0.0) return;
  exp_minus_mean_ = std::exp(-mean_);
  const double root = std::sqrt(mean_);
  log_mean_ = std::log(mean_);
  b_ = 0.931 + 2.53 * root;
  a_ = -0.059 + 0.02483 * b_;
  inverse_alpha_ = 1.1239 + 1.1328 / (b_ - 3.4);
  v_r_ = 0.9277 - 3.6224 / (b_ - 2.0);
}

std::int64_t PoissonSampler::operator()(RandomStream& rng) const {
  if (mean_ <= 0.0) return 0;
  return mean_ < 10.0 ? invert(rng) : transformed_rejection(rng);
}

std::int64_t PoissonSampler::invert(RandomStream& rng) const {
  double u = rng.uniform();
  double p = exp_minus_mean_;
  std::int64_t k = 0;
  // P(X = k + 1) = P(X = k) * mean / (k + 1); stop where the cumulative passes u. The cap
  // only guards against rounding leaving u above the computed total (a 1e-16 event).
  while (u > p && k < 1000) {
    u -= p;
    ++k;
    p *= mean_ / static_cast<double>(k);
  }
  return k;
}

std::int64_t PoissonSampler::transformed_rejection(RandomStream& rng) const {
  for (;;) {
    const double u = rng.uniform() - 0.5;
    const double v = rng.uniform();
    const double us = 0.5 - std::abs(u);
    // k = floor(x). A negative x (k < 0) is rejected, as in PTRS; for x >= 0 truncation is
    // floor, without a call to floor().
    const double x = (2.0 * a_ / us + b_) * u + mean_ + 0.43;
    if (x < 0.0) continue;
    const auto k = static_cast<std::int64_t>(x);
    if (us >= 0.07 && v <= v_r_) return k;  // the squeeze: accepted without a logarithm
    if (us < 0.013 && v > us) continue;
    // The exact test: log(v * alpha / (a / us^2 + b)) <= -mean + k log(mean) - log(k!).
    if (std::log(v * inverse_alpha_ / (a_ / (us * us) + b_)) <=
        -mean_ + static_cast<double>(k) * log_mean_ - log_factorial(k))
      return k;
  }
}

}  // namespace parley
