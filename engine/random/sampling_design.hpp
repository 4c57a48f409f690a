#pragma once
#include <cstdint>
#include <vector>

#include "engine/random/distribution.hpp"
#include "engine/random/distribution_sampler.hpp"
#include "engine/random/keyed_permutation.hpp"
#include "engine/scenario/uncertainty.hpp"

namespace parley {

// Chooses the parameter values of every run of a sweep (docs/sweep.md, "Designs"). Run i's
// values depend only on (seed, i), the number of runs and the parameters, never on threads
// or shards: each parameter draws from its own stream, keyed by its JSON pointer, so adding or
// reordering parameters leaves the others' draws unchanged.
//   - Monte Carlo: independent draws with Boost.Random.
//   - Latin hypercube: parameter j of run i falls in stratum perm_j(i) of n equal-probability
//     strata (perm_j a keyed bijection of [0, n)), at a uniform point inside it.
//   - Grid: every combination of the parameters' levels (first parameter slowest); runs
//     beyond one pass repeat the grid with fresh agent and nature streams.
class SamplingDesign {
 public:
  // Throws InputError for a design the parameters cannot follow (a grid of more than three
  // varying parameters, a run count that is not a whole number of grid passes).
  SamplingDesign(const UncertaintySpec& spec, std::uint64_t seed, std::uint64_t runs);

  DesignKind kind() const { return kind_; }
  int parameter_count() const { return static_cast<int>(parameters_.size()); }
  std::uint64_t runs() const { return runs_; }
  // Grid: the number of combinations; 1 for the other designs.
  std::uint64_t grid_cells() const { return cells_; }
  // Grid: the levels of parameter j.
  const std::vector<double>& grid_levels(int j) const { return parameters_[j].levels; }

  // Writes run i's value of every parameter to values[0..parameter_count()). Neither
  // allocates nor changes the design, so threads share one.
  void draw(std::uint64_t run, double* values) const;

  // The number of grid combinations a spec makes (1 unless it is a grid).
  static std::uint64_t grid_size(const UncertaintySpec& spec);

 private:
  struct Parameter {
    Distribution distribution;
    Sampler sampler;
    std::uint64_t stream_purpose = 0;
    KeyedPermutation strata;
    std::vector<double> levels;  // grid
    std::uint64_t stride = 1;    // grid: runs between changes of this parameter's level
  };

  DesignKind kind_;
  std::uint64_t seed_;
  std::uint64_t runs_;
  std::uint64_t cells_ = 1;
  std::vector<Parameter> parameters_;
};

// A stable 64-bit hash of a parameter's pointer (FNV-1a), used to key its stream.
std::uint64_t pointer_key(const std::string& pointer);

}  // namespace parley
