#pragma once
#include <Eigen/Core>
#include <vector>

#include "engine/outcome_space.hpp"

namespace parley {

// The utility set of a finite outcome space: one row per outcome, one column per party, and
// the disagreement point (each party's reservation value). The bargaining solutions in
// analysis/ are pure functions over this.
struct UtilitySet {
  Eigen::MatrixXd utilities;     // outcomes x parties
  Eigen::VectorXd disagreement;  // per party
};

UtilitySet utility_set(const OutcomeSpace& space, const Scenario& scenario);

}  // namespace parley
