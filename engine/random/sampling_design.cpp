#include "engine/random/sampling_design.hpp"

#include <algorithm>

#include "engine/input_error.hpp"

namespace parley {

namespace {

constexpr int kMaxGridParameters = 3;

std::vector<double> levels_of(const UncertainParameter& p, int default_levels) {
  const Distribution& d = p.distribution;
  if (d.kind == DistributionKind::Fixed) return {d.value};
  if (d.kind == DistributionKind::Discrete) {
    // Every grid point counts once, so a discrete parameter's values must be equally likely.
    if (std::any_of(d.weights.begin(), d.weights.end(),
                    [&](double w) { return w != d.weights.front(); }))
      throw InputError(p.declared.file, p.declared.line, p.declared.column, p.declared.pointer,
                       "equal weights for a discrete parameter of a grid design (each grid "
                       "point counts once)",
                       describe(d));
    return d.values;
  }
  const int k = p.levels > 0 ? p.levels : default_levels;
  // Midpoints of k equal-probability strata: a grid mean is then a quadrature of the
  // expectation under the distribution.
  std::vector<double> levels;
  for (int l = 0; l < k; ++l) levels.push_back(quantile(d, (l + 0.5) / k));
  return levels;
}

}  // namespace

std::uint64_t pointer_key(const std::string& pointer) {
  std::uint64_t h = 0xCBF29CE484222325ull;
  for (unsigned char c : pointer) {
    h ^= c;
    h *= 0x100000001B3ull;
  }
  return h;
}

std::uint64_t SamplingDesign::grid_size(const UncertaintySpec& spec) {
  if (spec.design != DesignKind::Grid) return 1;
  std::uint64_t cells = 1;
  for (const UncertainParameter& p : spec.parameters)
    cells *= levels_of(p, spec.grid_levels).size();
  return cells;
}

SamplingDesign::SamplingDesign(const UncertaintySpec& spec, std::uint64_t seed, std::uint64_t runs)
    : kind_(spec.design), seed_(seed), runs_(runs) {
  int varying = 0;
  for (const UncertainParameter& p : spec.parameters) {
    const std::uint64_t key = pointer_key(p.pointer);
    std::uint64_t mix = seed ^ key;
    Parameter parameter{p.distribution,
                        Sampler(p.distribution),
                        // Purposes above 2^32 cannot meet the simulator's agent streams.
                        (key | (std::uint64_t{1} << 40)) ^ kStreamParameters,
                        KeyedPermutation(std::max<std::uint64_t>(runs, 1), splitmix64(mix)),
                        {},
                        1};
    if (kind_ == DesignKind::Grid) {
      parameter.levels = levels_of(p, spec.grid_levels);
      if (parameter.levels.size() > 1) ++varying;
    }
    parameters_.push_back(std::move(parameter));
  }
  if (kind_ != DesignKind::Grid) return;
  if (varying > kMaxGridParameters)
    throw InputError(spec.declared.file, spec.declared.line, spec.declared.column,
                     spec.declared.pointer,
                     "at most 3 varying parameters for a grid design (use latin-hypercube for "
                     "more)",
                     std::to_string(varying));
  for (auto it = parameters_.rbegin(); it != parameters_.rend(); ++it) {
    it->stride = cells_;
    cells_ *= it->levels.size();
  }
  if (runs_ % cells_ != 0)
    throw InputError(spec.declared.file, spec.declared.line, spec.declared.column,
                     spec.declared.pointer,
                     "a run count that is a whole number of passes over the grid's " +
                         std::to_string(cells_) + " combinations",
                     std::to_string(runs_) + " runs");
}

void SamplingDesign::draw(std::uint64_t run, double* values) const {
  const std::uint64_t cell = run % cells_;
  for (std::size_t j = 0; j < parameters_.size(); ++j) {
    const Parameter& p = parameters_[j];
    switch (kind_) {
      case DesignKind::MonteCarlo: {
        RandomStream stream(seed_, run, p.stream_purpose);
        values[j] = p.sampler.draw(stream);
        break;
      }
      case DesignKind::LatinHypercube: {
        RandomStream stream(seed_, run, p.stream_purpose);
        const double u = (static_cast<double>(p.strata(run)) + open_unit_interval(stream)) /
                         static_cast<double>(runs_);
        values[j] = quantile(p.distribution, std::min(u, 1.0 - 0x1.0p-53));
        break;
      }
      case DesignKind::Grid:
        values[j] = p.levels[(cell / p.stride) % p.levels.size()];
        break;
    }
  }
}

}  // namespace parley
