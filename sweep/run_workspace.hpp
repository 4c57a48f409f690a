#pragma once
#include <vector>

#include "engine/run_state.hpp"
#include "engine/scenario/parameter_slot.hpp"
#include "engine/simulator.hpp"

namespace parley {

// One sweep thread's reusable run state: each run restores the scenario's values and writes
// its drawn values into their typed slots (a switch on the slot kind, no JSON, no strings, no
// allocation), then the simulator runs on it.
//
// Weights are the exception: they feed the precomputed utilities, so a run that varies one
// gets its own copy of the outcome spaces and recomputes the affected tracks' utilities and
// rankings for the affected parties (O(outcomes · log outcomes) per track and party, with
// allocation; docs/sweep.md gives the cost).
class RunWorkspace {
 public:
  RunWorkspace(const Simulator& simulator, const std::vector<ParameterSlot>& slots);

  // values[j] is the run's value of slots[j].
  void apply(const double* values);
  RunState& state() { return state_; }

 private:
  const Simulator* simulator_;
  const std::vector<ParameterSlot>* slots_;
  RunState state_;
  // (track, party) pairs whose utilities a weight slot changes.
  std::vector<std::pair<int, int>> recompute_;
};

}  // namespace parley
