#pragma once
#include "engine/random/poisson_sampler.hpp"
#include "engine/random/random.hpp"
#include "engine/world/world_spec.hpp"

namespace parley {

// A cost distribution ready to draw from: the parameters Boost's distributions take, derived
// once (per run) rather than on every draw.
struct CostSampler {
  CostDistributionKind kind = CostDistributionKind::Fixed;
  double a = 0.0;  // fixed: value; uniform: min; poisson: mean; lognormal: mu; gamma: shape
  double b = 0.0;  // uniform: max; lognormal: sigma; gamma: scale
  // Poisson's set-up (square roots and logarithms, or an exponential for small means) done
  // once rather than on every draw.
  PoissonSampler poisson;

  static CostSampler of(const CostDistribution& dist);
  double draw(RandomStream& rng);
};

// One draw of a per-round cost, the same on every platform (parley's Poisson
// (engine/random/poisson_sampler.hpp), Boost.Random's lognormal, Marsaglia-Tsang's gamma on Boost's
// normals, uniform from the stream's own doubles). Fixed returns the mean; uniform is on [min,
// max]; Poisson has the given mean; lognormal and gamma are parametrised by the cost's own mean and
// standard deviation (docs/world.md, "Costs").
double draw_cost(const CostDistribution& dist, RandomStream& rng);

// Checks a distribution's parameters; returns what is wrong, or an empty string.
std::string check_cost_distribution(const CostDistribution& dist);

}  // namespace parley
