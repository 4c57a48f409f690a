#pragma once
// What a party played from Python sees at a decision, as a dict: the same for a stepped
// negotiation (parley.NegotiationEnv) and a Python agent class (parley.register_agent).
#include <cstdint>

#include "engine/external_agent.hpp"
#include "engine/scenario/scenario.hpp"
#include "python/bindings.hpp"

namespace parley::python {

// Only what the party may know (docs/architecture.md, rule 2): party, track, phase ("propose"
// or "respond"), round, deadline_rounds, its reservation in force, walk_away_allowed,
// complete_information, the standing offer and its utility to the party, and the public history
// as (round, party id or None, action, outcome) tuples. Outcomes are numbered from `offset`:
// 0 for an agent (outcome k of the track), the track's first move for a stepped negotiation.
py::dict observation_of(const Scenario& scenario, const PartyView& view, bool respond,
                        std::int64_t offset);

}  // namespace parley::python
