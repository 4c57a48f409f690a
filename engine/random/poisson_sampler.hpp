#pragma once
#include <cstdint>

#include "engine/random/random.hpp"

namespace parley {

// Poisson draws for per-round costs (casualties), the world's hottest draw. Set up once per
// distribution, then each draw costs two uniforms and a few flops in the common case.
//  - mean < 10: inversion by sequential search from 0 (exp(-mean) precomputed; on average
//    mean + 1 comparisons).
//  - mean >= 10: Hormann's transformed rejection with squeeze, PTRS (W. Hormann, "The
//    transformed rejection method for generating Poisson random variables", Insurance:
//    Mathematics and Economics 12, 1993), the method of Boost and NumPy; about 86% of draws
//    take the squeeze and need no logarithm.
// Both are exact (no normal approximation). Draws use only the stream's own uniforms and
// <cmath>, so they are the same on every platform with a correctly rounded log.
class PoissonSampler {
 public:
  PoissonSampler() = default;
  explicit PoissonSampler(double mean);

  double mean() const { return mean_; }
  std::int64_t operator()(RandomStream& rng) const;

 private:
  std::int64_t invert(RandomStream& rng) const;
  std::int64_t transformed_rejection(RandomStream& rng) const;

  double mean_ = 0.0;
  double exp_minus_mean_ = 1.0;  // inversion
  // PTRS constants (Hormann 1993, Table 1 and algorithm PTRS).
  double log_mean_ = 0.0;
  double a_ = 0.0;
  double b_ = 0.0;
  double v_r_ = 0.0;
  double inverse_alpha_ = 0.0;
};

}  // namespace parley
