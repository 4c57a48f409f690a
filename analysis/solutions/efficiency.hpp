#pragma once
#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <vector>

#include "analysis/solutions/utility_set.hpp"

namespace parley {

// How good a deal is against the bargaining solutions of its track: the efficiency measures
// of a sweep's summary and `parley analyze`. The reference is computed once per
// track; measuring a deal then costs O(|frontier|·parties) and allocates nothing.
struct EfficiencyReference {
  UtilitySet frontier;  // the Pareto-optimal outcomes only (rows), and the disagreement point
  std::vector<std::int64_t> frontier_outcomes;  // their outcome indices, ascending
  std::optional<Eigen::VectorXd> nash;          // utilities at the Nash solution
  std::optional<Eigen::VectorXd> kalai_smorodinsky;
  double max_nash_product = 0.0;  // the Nash product at the Nash solution
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
