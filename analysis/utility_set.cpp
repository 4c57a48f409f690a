#include "analysis/utility_set.hpp"

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

}  // namespace parley
