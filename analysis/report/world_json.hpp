#pragma once
#include <nlohmann/json.hpp>

#include "engine/run_result.hpp"
#include "engine/scenario/scenario.hpp"

namespace parley {

// How the war ended and what became of what was signed, as both the JSON report of `parley run`
// and the trace's run-end line write them (docs/output.md), so the two never disagree.

// {"position", "victor", "ceasefire", "end_round", "rounds_fought"}.
nlohmann::ordered_json war_json(const Scenario& scenario, const WorldResult& war);

// Per implementation item: id, track, issue, signed and its round, the agreed terms of its
// issue, carried out and its round, and each party's fraction carried out.
nlohmann::ordered_json implementation_json(const Scenario& scenario, const RunResult& result);

}  // namespace parley
