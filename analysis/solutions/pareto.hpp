#pragma once
#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "analysis/solutions/utility_set.hpp"

namespace parley {

// The Pareto frontier of a finite utility set: the outcomes no other outcome dominates.
// a dominates b when a is at least as good for every party and strictly better for one.
// Outcomes with identical utility vectors do not dominate each other, so all of them are on
// the frontier. Utilities must be finite.

// Indices of the non-dominated outcomes, ascending. A first pass drops the outcomes a few
// strong ones dominate; the rest go to Kung, Luccio & Preparata's divide and conquer,
// O(n log^(m-2) n) for m >= 3 parties and a sort and sweep, O(n log n), for two (pareto.cpp
// says why). 10^6 outcomes of five parties take about half a second (bench/README.md).
std::vector<std::int64_t> pareto_frontier(const UtilitySet& set);

// True when no outcome of the set dominates u by more than `tolerance` (an outcome q
// dominates u when q_i >= u_i - tolerance for all i and q_j > u_j + tolerance for some j).
// The tolerance lets a deal's utility computed off the grid match its grid point.
inline constexpr double kParetoTolerance = 1e-12;
bool is_pareto_optimal(const UtilitySet& set, const Eigen::VectorXd& u,
                       double tolerance = kParetoTolerance);
// The same test against a frontier computed once (dominated outcomes cannot matter: whatever
// dominates u, some frontier outcome dominates it too). O(|F|·m).
bool is_pareto_optimal(const UtilitySet& set, const std::vector<std::int64_t>& frontier,
                       const Eigen::VectorXd& u, double tolerance = kParetoTolerance);

// Euclidean distance from u to the nearest frontier outcome (the finite set of points, not
// a line through them). 0 for a frontier outcome. Needs a non-empty set.
double distance_to_frontier(const UtilitySet& set, const std::vector<std::int64_t>& frontier,
                            const Eigen::VectorXd& u);

}  // namespace parley
