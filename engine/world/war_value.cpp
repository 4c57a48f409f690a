#include "engine/world/war_value.hpp"

#include "engine/run_state.hpp"
#include "engine/world/battlefield.hpp"

namespace parley {

BargainingRange fearon_range(double p, double cost_a, double cost_b) {
  return {p - cost_a, p + cost_b};
}

BargainingRange war_bargaining_range(double value_a, double value_b) {
  return {value_a, 1.0 - value_b};
}

double expected_cost_per_round(const Scenario& scenario, const RunState& state, int party) {
  (void)scenario;
  const PartyWorldState& w = state.world.parties[party];
  double c = 0.0;
  for (std::size_t k = 0; k < w.cost.size(); ++k)
    c += w.utility_per_unit[k] * (w.cost_multiplier[k] * w.cost[k].mean + w.cost_add[k]);
  return c;
}

double war_value(const PartyWorldState& party, int k) {
  return party.victory_value * party.win_weight[k] + party.defeat_value * party.loss_weight[k] -
         party.expected_cost * party.duration[k];
}

void update_war_values(const Scenario& scenario, RunState& state) {
  WorldState& world = state.world;
  for (std::size_t p = 0; p < world.parties.size(); ++p)
    world.parties[p].expected_cost = expected_cost_per_round(scenario, state, static_cast<int>(p));
  BattlefieldState& field = world.battlefield;
  if (!field.present) return;
  for (const int p : {field.up_party, field.down_party}) {
    PartyWorldState& w = world.parties[p];
    const double delta = state.preferences[p].discount;
    const std::array<double, 5> key{static_cast<double>(field.states),
                                    static_cast<double>(field.battles_per_round),
                                    field.win_probability, field.decisive_probability, delta};
    if (key != w.solved_for) {
      // The up party wins on absorption at N, the down party at 0. Runs of one scenario (and
      // its private types) meet the same few keys again and again: read them from the cache.
      const BattlefieldSolution& solution =
          state.battlefield_cache.solve(field, delta, world.scratch);
      w.win_weight = p == field.up_party ? solution.up : solution.down;
      w.loss_weight = p == field.up_party ? solution.down : solution.up;
      w.duration = solution.duration;
      w.solved_for = key;
    }
  }
  update_reservations(scenario, state);
}

void update_reservations(const Scenario& scenario, RunState& state) {
  WorldState& world = state.world;
  const BattlefieldState& field = world.battlefield;
  if (!field.present) return;
  for (const int p : {field.up_party, field.down_party}) {
    PartyWorldState& w = world.parties[p];
    // After a ceasefire the value of fighting on stays where the fighting stopped.
    if (field.fighting || field.victor >= 0) w.war_value = war_value(w, field.position);
    for (const int t : scenario.world.war_tracks)
      state.preferences[p].reservation[t] = w.war_value + w.reservation_offset[t];
  }
}

}  // namespace parley
