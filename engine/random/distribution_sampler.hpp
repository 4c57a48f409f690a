#pragma once
#include <boost/random/discrete_distribution.hpp>

#include "engine/random/distribution.hpp"
#include "engine/random/random.hpp"

namespace parley {

// Uniform in the open interval (0, 1) from the top 53 bits: inverse CDFs are infinite at 0
// and 1.
inline double open_unit_interval(RandomStream& stream) {
  return (static_cast<double>(stream() >> 11) + 0.5) * 0x1.0p-53;
}

// Draws from a distribution for independent Monte Carlo with Boost.Random, whose algorithms
// are specified exactly and so give the same numbers on every platform (std:: distributions do
// not). Built once per parameter; draw() neither allocates nor changes the sampler.
class Sampler {
 public:
  explicit Sampler(const Distribution& d);
  double draw(RandomStream& stream) const;

 private:
  Distribution d_;
  boost::random::discrete_distribution<int, double> discrete_;  // discrete only
  TruncatedNormalFrame truncated_;                              // truncated normal only
};

}  // namespace parley
