#include "engine/cost_distribution.hpp"

#include <boost/random/gamma_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <cmath>

namespace parley {

const char* to_string(CostDistributionKind kind) {
  switch (kind) {
    case CostDistributionKind::Fixed:
      return "fixed";
    case CostDistributionKind::Uniform:
      return "uniform";
    case CostDistributionKind::Poisson:
      return "poisson";
    case CostDistributionKind::Lognormal:
      return "lognormal";
    case CostDistributionKind::Gamma:
      return "gamma";
  }
  return "?";
}

double draw_cost(const CostDistribution& dist, RandomStream& rng) {
  switch (dist.kind) {
    case CostDistributionKind::Fixed:
      return dist.mean;
    case CostDistributionKind::Uniform:
      if (dist.min == dist.max) return dist.min;
      return boost::random::uniform_real_distribution<double>(dist.min, dist.max)(rng);
    case CostDistributionKind::Poisson:
      if (dist.mean <= 0.0) return 0.0;
      return static_cast<double>(boost::random::poisson_distribution<long, double>(dist.mean)(rng));
    case CostDistributionKind::Lognormal: {
      // The log's parameters from the cost's own mean and standard deviation.
      const double s2 = std::log1p((dist.sd * dist.sd) / (dist.mean * dist.mean));
      const double m = std::log(dist.mean) - 0.5 * s2;
      return boost::random::lognormal_distribution<double>(m, std::sqrt(s2))(rng);
    }
    case CostDistributionKind::Gamma: {
      const double shape = (dist.mean * dist.mean) / (dist.sd * dist.sd);
      const double scale = (dist.sd * dist.sd) / dist.mean;
      return boost::random::gamma_distribution<double>(shape, scale)(rng);
    }
  }
  return 0.0;
}

std::string check_cost_distribution(const CostDistribution& dist) {
  switch (dist.kind) {
    case CostDistributionKind::Fixed:
    case CostDistributionKind::Poisson:
      if (!(dist.mean >= 0.0)) return "a mean >= 0";
      return {};
    case CostDistributionKind::Uniform:
      if (!(dist.min >= 0.0 && dist.max >= dist.min)) return "0 <= min <= max";
      return {};
    case CostDistributionKind::Lognormal:
    case CostDistributionKind::Gamma:
      if (!(dist.mean > 0.0 && dist.sd > 0.0)) return "a mean > 0 and an sd > 0";
      return {};
  }
  return {};
}

}  // namespace parley
