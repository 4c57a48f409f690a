#pragma once
#include <Eigen/Core>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "analysis/solutions/frontier_index.hpp"
#include "analysis/solutions/utility_set.hpp"

namespace parley {

// How good a deal is against the bargaining solutions of its track: the efficiency measures
// of a sweep's summary and `parley analyze`. The reference is made once per track and is
// lazy: the Pareto frontier and the solutions are computed on the first question asked of
// them (once, whichever thread asks first; the others wait), so a sweep starts running at
// once and a sweep without agreements never computes them. Copies share one computation.
// Measuring a deal then visits a few leaves of a tree over the frontier and allocates nothing.
class EfficiencyReference {
 public:
  EfficiencyReference() = default;  // of an empty set
  explicit EfficiencyReference(UtilitySet set);

  const UtilitySet& set() const;  // every outcome, and the disagreement point
  // The Pareto-optimal outcomes only (rows), and the disagreement point.
  const UtilitySet& frontier() const;
  const std::vector<std::int64_t>& frontier_outcomes() const;  // their indices, ascending
  const FrontierIndex& frontier_index() const;
  std::optional<std::int64_t> nash_outcome() const;
  std::optional<std::int64_t> kalai_smorodinsky_outcome() const;
  const std::optional<Eigen::VectorXd>& nash() const;  // utilities at the Nash solution
  const std::optional<Eigen::VectorXd>& kalai_smorodinsky() const;
  double max_nash_product() const;  // the Nash product at the Nash solution
  bool computed() const;            // whether the frontier has been computed yet

 private:
  struct State;
  const State& ready() const;
  std::shared_ptr<State> state_;
};

EfficiencyReference efficiency_reference(const UtilitySet& set);

// The measures of one deal, from its (undiscounted) track utilities u. Fields that are
// undefined for the track are std::nullopt: no individually rational outcome (no Nash or KS
// point), or a maximal Nash product of 0 (nothing to be a fraction of).
struct DealEfficiency {
  bool pareto_optimal =
      false;  // no outcome dominates u (analysis/solutions/pareto.hpp, with tolerance)
  double distance_to_frontier = 0.0;  // Euclidean, to the nearest frontier outcome (+inf if none)
  // nash_product(u) / max: in [0, 1] for grid deals; an off-grid deal (a share between grid
  // points) can beat every grid outcome and exceed 1.
  std::optional<double> nash_product_fraction;
  std::optional<double> distance_to_nash;               // Euclidean ||u - u_nash||
  std::optional<double> distance_to_kalai_smorodinsky;  // Euclidean ||u - u_ks||
};

DealEfficiency measure_deal(const EfficiencyReference& reference, const Eigen::VectorXd& u);

}  // namespace parley
