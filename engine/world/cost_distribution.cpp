#include "engine/world/cost_distribution.hpp"

#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
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

namespace {
// Marsaglia & Tsang (2000), "A simple method for generating gamma variables", ACM TOMS 26(3):
// a standard gamma variate of shape `shape` from normal and uniform draws (several times faster
// than Boost's gamma; the normals are Boost's ziggurat, the same on every platform).
double marsaglia_tsang_gamma(double shape, RandomStream& rng) {
  if (shape < 1.0) {
    // Gamma(shape) = Gamma(shape + 1) * U^(1/shape).
    const double g = marsaglia_tsang_gamma(shape + 1.0, rng);
    return g * std::pow(rng.uniform(), 1.0 / shape);
  }
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  boost::random::normal_distribution<double> normal(0.0, 1.0);
  for (;;) {
    const double x = normal(rng);
    double v = 1.0 + c * x;
    if (v <= 0.0) continue;
    v = v * v * v;
    const double u = rng.uniform();
    if (u < 1.0 - 0.0331 * (x * x) * (x * x)) return d * v;
    if (u > 0.0 && std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v;
  }
}
}  // namespace

CostSampler CostSampler::of(const CostDistribution& dist) {
  CostSampler s;
  s.kind = dist.kind;
  switch (dist.kind) {
    case CostDistributionKind::Fixed:
      s.a = dist.mean;
      break;
    case CostDistributionKind::Poisson:
      s.a = dist.mean;
      s.poisson = PoissonSampler(dist.mean);
      break;
    case CostDistributionKind::Uniform:
      s.a = dist.min;
      s.b = dist.max;
      break;
    case CostDistributionKind::Lognormal: {
      // The log's parameters from the cost's own mean and standard deviation.
      const double s2 = std::log1p((dist.sd * dist.sd) / (dist.mean * dist.mean));
      s.a = std::log(dist.mean) - 0.5 * s2;
      s.b = std::sqrt(s2);
      break;
    }
    case CostDistributionKind::Gamma:
      s.a = (dist.mean * dist.mean) / (dist.sd * dist.sd);
      s.b = (dist.sd * dist.sd) / dist.mean;
      break;
  }
  return s;
}

double CostSampler::draw(RandomStream& rng) {
  switch (kind) {
    case CostDistributionKind::Fixed:
      return a;
    case CostDistributionKind::Uniform:
      return a + (b - a) * rng.uniform();
    case CostDistributionKind::Poisson:
      return static_cast<double>(poisson(rng));
    case CostDistributionKind::Lognormal:
      return boost::random::lognormal_distribution<double>(a, b)(rng);
    case CostDistributionKind::Gamma:
      return marsaglia_tsang_gamma(a, rng) * b;
  }
  return 0.0;
}

double draw_cost(const CostDistribution& dist, RandomStream& rng) {
  return CostSampler::of(dist).draw(rng);
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
