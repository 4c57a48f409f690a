#pragma once
#include "engine/random.hpp"
#include "engine/world_spec.hpp"

namespace parley {

// One draw of a per-round cost (Boost.Random distributions, so draws are the same on every
// platform). Fixed returns the mean; uniform is on [min, max]; Poisson has the given mean;
// lognormal and gamma are parametrised by the cost's own mean and standard deviation
// (docs/world.md, "Costs").
double draw_cost(const CostDistribution& dist, RandomStream& rng);

// Checks a distribution's parameters; returns what is wrong, or an empty string.
std::string check_cost_distribution(const CostDistribution& dist);

}  // namespace parley
