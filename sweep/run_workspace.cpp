#include "sweep/run_workspace.hpp"

#include <algorithm>
#include <iterator>
#include <stdexcept>
#include <string>

namespace parley {

RunWorkspace::RunWorkspace(const Simulator& simulator, const std::vector<ParameterSlot>& slots)
    : simulator_(&simulator), slots_(&slots), state_(simulator.baseline()) {
  const Scenario& s = simulator.scenario();
  for (const ParameterSlot& slot : slots) {
    if (!slot.changes_utilities()) continue;
    for (std::size_t t = 0; t < s.tracks.size(); ++t) {
      const auto& issues = s.tracks[t].issues;
      if (std::find(issues.begin(), issues.end(), slot.issue) == issues.end()) continue;
      const std::pair<int, int> pair{static_cast<int>(t), slot.party};
      if (std::find(recompute_.begin(), recompute_.end(), pair) == recompute_.end())
        recompute_.push_back(pair);
    }
  }
}

void RunWorkspace::apply(const double* values) {
  state_.reset(simulator_->baseline());
  const std::vector<ParameterSlot>& slots = *slots_;
  for (std::size_t j = 0; j < slots.size(); ++j) {
    const ParameterSlot& slot = slots[j];
    const double v = values[j];
    // Binding proved every value the distribution can give legal; this guards that proof.
    if (!slot.legal.contains(v))
      throw std::logic_error("drawn value " + std::to_string(v) + " of " + slot.pointer +
                             " is outside its legal range " + slot.legal.describe());
    switch (slot.kind) {
      case SlotKind::Discount:
        state_.preferences[slot.party].discount = v;
        break;
      case SlotKind::CostPerRound:
        state_.preferences[slot.party].cost_per_round = v;
        break;
      case SlotKind::Reservation: {
        std::vector<double>& reservation = state_.preferences[slot.party].reservation;
        if (slot.track >= 0)
          reservation[slot.track] = v;
        else
          for (double& r : reservation) r = v;
        break;
      }
      case SlotKind::Weight:
        state_.preferences[slot.party].weights[slot.issue] = v;
        break;
      case SlotKind::BreakdownProbability:
        state_.protocol.breakdown_probability = v;
        break;
      case SlotKind::DeadlineRounds:
        state_.protocol.deadline_rounds = static_cast<int>(v);
        break;
      case SlotKind::AgentParameter:
        // The table is a std::map in name order; the slot knows the position.
        std::next(state_.agent_params[slot.party].begin(), slot.agent_parameter)->second = v;
        break;
      // The world's parameters in force: World::begin derives the samplers and re-solves the
      // battlefield from them when the run starts (engine/world/war_value.cpp).
      case SlotKind::WinProbability:
        state_.world.battlefield.win_probability = v;
        break;
      case SlotKind::DecisiveProbability:
        state_.world.battlefield.decisive_probability = v;
        break;
      case SlotKind::BattlefieldStart:
        state_.world.battlefield.position = static_cast<int>(v);
        break;
      case SlotKind::VictoryValue:
        state_.world.parties[slot.party].victory_value = v;
        break;
      case SlotKind::DefeatValue:
        state_.world.parties[slot.party].defeat_value = v;
        break;
      case SlotKind::CostMean:
        state_.world.parties[slot.party].cost[slot.cost_kind].mean = v;
        break;
      case SlotKind::CostSd:
        state_.world.parties[slot.party].cost[slot.cost_kind].sd = v;
        break;
      case SlotKind::CostMin:
      case SlotKind::CostMax: {
        CostDistribution& d = state_.world.parties[slot.party].cost[slot.cost_kind];
        (slot.kind == SlotKind::CostMin ? d.min : d.max) = v;
        d.mean = (d.min + d.max) / 2;  // a uniform's mean follows its bounds, as in the loader
        break;
      }
      case SlotKind::CostUtilityPerUnit:
        state_.world.parties[slot.party].utility_per_unit[slot.cost_kind] = v;
        break;
    }
  }
  if (recompute_.empty()) return;
  // The run's own spaces (reset() leaves them empty unless the world keeps its own).
  if (state_.spaces.empty())
    for (std::size_t t = 0; t < simulator_->scenario().tracks.size(); ++t)
      state_.spaces.push_back(simulator_->space(static_cast<int>(t)));
  for (const auto& [track, party] : recompute_)
    state_.spaces[track].set_weights(party, state_.preferences[party].weights);
}

}  // namespace parley
