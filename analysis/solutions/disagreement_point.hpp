#pragma once
#include <Eigen/Core>

#include "engine/simulator.hpp"

namespace parley {

// Where a track's disagreement point comes from.
enum class DisagreementSource {
  Reservation,        // the parties' reservation values, as the file writes them
  ValueOfFightingOn,  // a war track: each party's value of fighting on (docs/world.md)
};

// "reservation values" or "value of fighting on at the start", for output.
const char* describe(DisagreementSource source);
// "reservation" or "value_of_fighting_on", for JSON.
const char* json_name(DisagreementSource source);

struct DisagreementPoint {
  Eigen::VectorXd values;  // per party
  DisagreementSource source = DisagreementSource::Reservation;
};

// The disagreement point a run of `simulator` starts from on `track`: the reservation values, or
// on a war track the value of fighting on at round 0 with the world's parameters as the
// scenario writes them (the battlefield's start, costs, pressure) — what the agents are given
// as their reservation when the run begins. Private types are not drawn: parties with types
// have their declared preferences here.
DisagreementPoint run_disagreement_point(const Simulator& simulator, int track);

}  // namespace parley
