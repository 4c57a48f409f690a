#include "engine/world/pressure.hpp"

#include "engine/run_state.hpp"

namespace parley {

double pressure_cost_multiplier(const Scenario& scenario, const RunState& state, int party,
                                int kind) {
  double m = 1.0;
  const auto& levers = scenario.world.pressure;
  for (std::size_t l = 0; l < levers.size(); ++l)
    if (state.world.lever_active[l] && levers[l].party == party && levers[l].cost_kind == kind)
      m *= levers[l].cost_multiplier;
  return m;
}

double pressure_cost_add(const Scenario& scenario, const RunState& state, int party, int kind) {
  double a = 0.0;
  const auto& levers = scenario.world.pressure;
  for (std::size_t l = 0; l < levers.size(); ++l)
    if (state.world.lever_active[l] && levers[l].party == party && levers[l].cost_kind == kind)
      a += levers[l].cost_add;
  return a;
}

void apply_pressure(const Scenario& scenario, RunState& state) {
  const auto& levers = scenario.world.pressure;
  for (std::size_t p = 0; p < state.world.parties.size(); ++p) {
    double factor = 1.0;
    for (std::size_t l = 0; l < levers.size(); ++l)
      if (state.world.lever_active[l] && levers[l].party == static_cast<int>(p))
        factor *= levers[l].discount_factor;
    PartyWorldState& w = state.world.parties[p];
    state.preferences[p].discount = w.base_discount * factor;
    const int party = static_cast<int>(p);
    for (std::size_t k = 0; k < w.cost.size(); ++k) {
      const int kind = static_cast<int>(k);
      w.cost_multiplier[k] =
          w.cost_scale[k] * pressure_cost_multiplier(scenario, state, party, kind);
      w.cost_add[k] = w.cost_shift[k] + pressure_cost_add(scenario, state, party, kind);
    }
  }
}

}  // namespace parley
