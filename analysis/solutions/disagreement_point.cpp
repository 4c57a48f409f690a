#include "analysis/solutions/disagreement_point.hpp"

#include <algorithm>

namespace parley {

const char* describe(DisagreementSource source) {
  return source == DisagreementSource::ValueOfFightingOn ? "value of fighting on at the start"
                                                         : "reservation values";
}

const char* json_name(DisagreementSource source) {
  return source == DisagreementSource::ValueOfFightingOn ? "value_of_fighting_on" : "reservation";
}

DisagreementPoint run_disagreement_point(const Simulator& simulator, int track) {
  const Scenario& s = simulator.scenario();
  const auto& war = s.world.war_tracks;
  const bool war_track = std::find(war.begin(), war.end(), track) != war.end();
  RunState state = simulator.baseline();
  // The world writes the war tracks' reservations at the start of a run (World::begin).
  if (war_track && simulator.world().steps()) simulator.world().begin(state);
  DisagreementPoint point;
  point.values.resize(static_cast<Eigen::Index>(s.parties.size()));
  for (std::size_t p = 0; p < s.parties.size(); ++p)
    point.values[static_cast<Eigen::Index>(p)] =
        state.preferences[p].reservation[static_cast<std::size_t>(track)];
  point.source = war_track && simulator.world().steps() ? DisagreementSource::ValueOfFightingOn
                                                        : DisagreementSource::Reservation;
  return point;
}

}  // namespace parley
