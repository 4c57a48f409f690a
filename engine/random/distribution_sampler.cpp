#include "engine/random/distribution_sampler.hpp"

#include <boost/random/beta_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/triangle_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>

namespace parley {

Sampler::Sampler(const Distribution& d) : d_(d) {
  if (d_.kind == DistributionKind::Discrete) discrete_ = decltype(discrete_)(d_.weights);
  if (d_.kind == DistributionKind::TruncatedNormal) {
    truncated_ = truncated_normal_frame(d_);
  }
}

double Sampler::draw(RandomStream& stream) const {
  switch (d_.kind) {
    case DistributionKind::Fixed:
      return d_.value;
    case DistributionKind::Uniform:
      return boost::random::uniform_real_distribution<double>(d_.min, d_.max)(stream);
    case DistributionKind::Normal:
      return boost::random::normal_distribution<double>(d_.mean, d_.sd)(stream);
    case DistributionKind::TruncatedNormal:
      // Boost.Random has no truncated normal: invert the CDF on the kept interval.
      return truncated_normal_quantile(d_, truncated_, open_unit_interval(stream));
    case DistributionKind::Lognormal:
      return boost::random::lognormal_distribution<double>(d_.mu, d_.sigma)(stream);
    case DistributionKind::Beta:
      return d_.min + (d_.max - d_.min) *
                          boost::random::beta_distribution<double>(d_.alpha, d_.beta)(stream);
    case DistributionKind::Triangular:
      return boost::random::triangle_distribution<double>(d_.min, d_.mode, d_.max)(stream);
    case DistributionKind::Discrete:
      return d_.values[static_cast<std::size_t>(discrete_(stream))];
  }
  return 0.0;
}

}  // namespace parley
