#pragma once
#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "engine/scenario/outcome_space.hpp"

namespace parley {

// The utility set of a finite outcome space: one row per outcome, one column per party, and
// the disagreement point (each party's reservation value). The bargaining solutions in
// analysis/ are pure functions over this.
struct UtilitySet {
  Eigen::MatrixXd utilities;     // outcomes x parties
  Eigen::VectorXd disagreement;  // per party

  std::int64_t outcomes() const { return utilities.rows(); }
  int parties() const { return static_cast<int>(utilities.cols()); }
};

UtilitySet utility_set(const OutcomeSpace& space, const Scenario& scenario);

// An outcome is individually rational when it gives every party at least its disagreement
// utility (weakly: u_i >= d_i, so a party indifferent to no deal does not block it).
bool individually_rational(const UtilitySet& set, std::int64_t outcome);

// Every individually rational outcome, in ascending outcome index.
std::vector<std::int64_t> individually_rational_outcomes(const UtilitySet& set);

}  // namespace parley
