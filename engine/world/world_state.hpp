#pragma once
#include <array>
#include <vector>

#include "engine/world/cost_distribution.hpp"
#include "engine/world/world_spec.hpp"

namespace parley {

// The public state of the war (docs/architecture.md, rule 2: every agent may read it).
struct BattlefieldState {
  bool present = false;
  // Parameters in force: a sweep may set them before a run, events change them during it.
  int states = 0;
  double win_probability = 0.5;
  double decisive_probability = 1.0;
  int battles_per_round = 1;
  int up_party = 0;
  int down_party = 1;
  // Dynamics.
  int position = 0;       // the current control state, 0..states
  bool fighting = false;  // false once won, or after a ceasefire
  int victor = -1;        // the party that won militarily, or -1
  int end_round = -1;     // the round the fighting stopped (victory or ceasefire)
  int rounds_fought = 0;
  int last_round = -1;  // the round of the last battles, -1 before any
  int last_up = 0;      // decisive battles the up party won in the last round
  int last_down = 0;    // ... and the down party
};

// One party's side of the world during a run. Other parties read another party's entry only
// under complete information (docs/architecture.md, rule 2).
struct PartyWorldState {
  // Parameters in force (copied from the scenario; sweeps and events change them).
  std::vector<CostDistribution> cost;    // per cost kind
  std::vector<double> utility_per_unit;  // per cost kind
  std::vector<double> cost_scale;        // per cost kind: product of change_costs multipliers
  std::vector<double> cost_shift;        // per cost kind: sum of change_costs additions (units)
  double victory_value = 1.0;
  double defeat_value = 0.0;
  double base_discount = 1.0;              // the discount before pressure (set at run start)
  std::vector<double> reservation_offset;  // per track: change_reservation shifts of war tracks
  // Derived at the start of a run and whenever an event fires (apply_pressure): the samplers of
  // `cost`, and per kind the multiplier and the addition in force (change_costs and levers).
  std::vector<CostSampler> samplers;
  std::vector<double> cost_multiplier;
  std::vector<double> cost_add;

  // Accrued over the run.
  std::vector<double> last_costs;  // per cost kind, units, the last round fought
  std::vector<double> accrued;     // per cost kind, units
  double accrued_utility = 0.0;    // sum over rounds t of w_t * cost_t in utility units, where
  double discount_weight = 1.0;    // w_t, the product of the discounts in force before round t

  // The value of fighting on from the current state (docs/world.md): the reservation value of
  // every war track, before reservation_offset.
  double war_value = 0.0;
  double expected_cost = 0.0;  // expected utility cost of one round, pressure included
  // The absorbing-chain solution for this party's discount, per control state 0..N:
  // E[discount^(tau-1); own victory], E[discount^(tau-1); own defeat], E[sum of discount^s].
  std::vector<double> win_weight;
  std::vector<double> loss_weight;
  std::vector<double> duration;
  // (N, m, q, d, discount) the arrays were solved for; a change re-solves them.
  std::array<double, 5> solved_for{-1.0, -1.0, -1.0, -1.0, -1.0};
};

// Everything about the world that changes during a run; lives in RunState, so a sweep resets it
// with the rest (RunState::reset) and agents point into it (AgentSetup::world).
struct WorldState {
  BattlefieldState battlefield;
  std::vector<PartyWorldState> parties;  // per party (empty when the scenario has no world)
  std::vector<char> lever_active;        // per pressure lever
  std::vector<int> event_fires;          // per event: times fired this run
  std::vector<double> scratch;           // the banded solver's workspace, reused from run to run
};

}  // namespace parley
