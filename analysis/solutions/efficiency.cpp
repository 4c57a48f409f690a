#include "analysis/solutions/efficiency.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "analysis/solutions/bargaining_solutions.hpp"
#include "analysis/solutions/pareto.hpp"

namespace parley {

EfficiencyReference efficiency_reference(const UtilitySet& set) {
  EfficiencyReference reference;
  reference.frontier_outcomes = pareto_frontier(set);
  reference.frontier.disagreement = set.disagreement;
  reference.frontier.utilities.resize(static_cast<Eigen::Index>(reference.frontier_outcomes.size()),
                                      set.parties());
  for (std::size_t r = 0; r < reference.frontier_outcomes.size(); ++r) {
    reference.frontier.utilities.row(static_cast<Eigen::Index>(r)) =
        set.utilities.row(reference.frontier_outcomes[r]);
  }
  if (const auto nash = nash_solution(set)) {
    reference.nash = set.utilities.row(*nash).transpose();
    reference.max_nash_product = nash_product(set, *reference.nash);
  }
  if (const auto ks = kalai_smorodinsky_solution(set)) {
    reference.kalai_smorodinsky = set.utilities.row(*ks).transpose();
  }
  return reference;
}

DealEfficiency measure_deal(const EfficiencyReference& reference, const Eigen::VectorXd& u) {
  const UtilitySet& frontier = reference.frontier;
  DealEfficiency measures;
  // Scanning the frontier's rows is the whole-set test: dominated outcomes cannot matter.
  measures.pareto_optimal = is_pareto_optimal(frontier, u);
  double nearest = std::numeric_limits<double>::infinity();
  for (Eigen::Index r = 0; r < frontier.utilities.rows(); ++r) {
    nearest = std::min(nearest, (frontier.utilities.row(r).transpose() - u).squaredNorm());
  }
  measures.distance_to_frontier = std::sqrt(nearest);
  if (reference.max_nash_product > 0) {
    measures.nash_product_fraction = nash_product(frontier, u) / reference.max_nash_product;
  }
  if (reference.nash) measures.distance_to_nash = (u - *reference.nash).norm();
  if (reference.kalai_smorodinsky) {
    measures.distance_to_kalai_smorodinsky = (u - *reference.kalai_smorodinsky).norm();
  }
  return measures;
}

}  // namespace parley
