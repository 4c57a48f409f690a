#include "analysis/solutions/utility_set.hpp"

namespace parley {

UtilitySet utility_set(const OutcomeSpace& space, const Scenario& scenario) {
  const auto parties = static_cast<Eigen::Index>(scenario.parties.size());
  UtilitySet set;
  set.utilities.resize(space.size(), parties);
  set.disagreement.resize(parties);
  for (Eigen::Index p = 0; p < parties; ++p) {
    set.utilities.col(p) = space.utilities(static_cast<int>(p)).matrix();
    set.disagreement[p] = scenario.parties[p].preferences.reservation[space.track()];
  }
  return set;
}

bool individually_rational(const UtilitySet& set, std::int64_t outcome) {
  for (int p = 0; p < set.parties(); ++p) {
    if (!(set.utilities(outcome, p) >= set.disagreement[p])) return false;
  }
  return true;
}

std::vector<std::int64_t> individually_rational_outcomes(const UtilitySet& set) {
  std::vector<std::int64_t> result;
  for (std::int64_t k = 0; k < set.outcomes(); ++k) {
    if (individually_rational(set, k)) result.push_back(k);
  }
  return result;
}

}  // namespace parley
