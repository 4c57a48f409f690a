#pragma once

namespace parley {

struct Scenario;
struct RunState;

// Third parties' levers (WorldSpec::pressure). A party's effective per-round cost of kind k is
//   scale_k * M_k * X_k + shift_k + A_k
// where X_k is the drawn cost, scale_k and shift_k come from change_costs events, and M_k and
// A_k are the product of the multipliers and the sum of the additions of the active levers on
// (party, k). Its discount is base_discount times the factors of its active levers.
double pressure_cost_multiplier(const Scenario& scenario, const RunState& state, int party,
                                int kind);
double pressure_cost_add(const Scenario& scenario, const RunState& state, int party, int kind);

// Writes every world party's discount (RunState::preferences[p].discount) from its base discount
// and the active levers, and its cost multipliers and additions in force
// (PartyWorldState::cost_multiplier = scale * M, cost_add = shift + A). Called at the start of
// a run and after events fire, so the round loop reads them without walking the levers.
void apply_pressure(const Scenario& scenario, RunState& state);

}  // namespace parley
