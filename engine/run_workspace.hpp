#pragma once
#include <vector>

#include "engine/parameter_slot.hpp"
#include "engine/run_state.hpp"
#include "engine/simulator.hpp"

namespace parley {

// One sweep thread's reusable run state: each run restores the scenario's values and writes
// its drawn values into their typed slots (a switch on the slot kind, no JSON, no strings, no
// allocation), then the simulator runs on it.
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
};

}  // namespace parley
