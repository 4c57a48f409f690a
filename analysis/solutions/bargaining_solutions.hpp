#pragma once
#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <vector>

#include "analysis/solutions/utility_set.hpp"

namespace parley {

// The axiomatic bargaining solutions on a finite utility set with disagreement point d
// (Nash 1950; Kalai & Smorodinsky 1975; Kalai 1977). Each returns an outcome index, or
// std::nullopt when no outcome is individually rational (u_i >= d_i for every party).
//
// Candidates are the individually rational outcomes on the Pareto frontier. Every criterion
// below is monotone, so its maximum over all individually rational outcomes is reached on
// the frontier too; restricting to it keeps a dominated outcome that ties on the criterion
// (same minimum gain, say) from being chosen. Ties: scores within kTieTolerance (relative,
// analysis/solutions/tie_break.hpp) are equal and the lowest outcome index wins.

// Nash: maximises the product of gains prod_i (u_i - d_i). When no candidate gives every
// party a positive gain the product is 0 everywhere and the lowest-index candidate is chosen.
std::optional<std::int64_t> nash_solution(const UtilitySet& set);

// Kalai–Smorodinsky: maximises min_i (u_i - d_i) / (a_i - d_i), where a is the ideal point.
// A party with a_i = d_i can gain nothing from any deal and is left out of the minimum.
std::optional<std::int64_t> kalai_smorodinsky_solution(const UtilitySet& set);

// Egalitarian: maximises the smallest gain min_i (u_i - d_i); ties are broken leximin, by the
// second-smallest gain, then the third, ... (for two parties: by the larger gain, i.e. the
// sum), then by the lowest index.
std::optional<std::int64_t> egalitarian_solution(const UtilitySet& set);

// Utilitarian: maximises the sum of utilities sum_i u_i over individually rational outcomes.
std::optional<std::int64_t> utilitarian_solution(const UtilitySet& set);

// The ideal (utopia) point a: each party's best utility over individually rational outcomes.
// std::nullopt when there is none.
std::optional<Eigen::VectorXd> ideal_point(const UtilitySet& set);

// prod_i (u_i - d_i) for a utility vector u; 0 when some party gains less than nothing
// (a product of two losses must not look like a gain).
double nash_product(const UtilitySet& set, const Eigen::VectorXd& u);

// The individually rational outcomes on the Pareto frontier, ascending: the candidates above.
std::vector<std::int64_t> bargaining_candidates(const UtilitySet& set);

// The same, given the set's frontier (pareto_frontier(set)) computed once: on a large set the
// frontier is the costly part, and a caller that needs several solutions computes it once.
std::vector<std::int64_t> bargaining_candidates(const UtilitySet& set,
                                                const std::vector<std::int64_t>& frontier);
std::optional<std::int64_t> nash_solution(const UtilitySet& set,
                                          const std::vector<std::int64_t>& frontier);
std::optional<std::int64_t> kalai_smorodinsky_solution(const UtilitySet& set,
                                                       const std::vector<std::int64_t>& frontier);
std::optional<std::int64_t> egalitarian_solution(const UtilitySet& set,
                                                 const std::vector<std::int64_t>& frontier);
std::optional<std::int64_t> utilitarian_solution(const UtilitySet& set,
                                                 const std::vector<std::int64_t>& frontier);
std::optional<Eigen::VectorXd> ideal_point(const UtilitySet& set,
                                           const std::vector<std::int64_t>& frontier);

}  // namespace parley
