#pragma once
#include <string>
#include <vector>

#include "engine/forecast/actor_table.hpp"
#include "engine/random/distribution.hpp"
#include "engine/scenario/uncertainty.hpp"

namespace parley {

// The numbers of a forecast scenario's actor table a sweep can vary (docs/sweep.md, "Forecast
// scenarios"), named by their JSON pointer in the file:
//   /actors/members/P/capability        (0, inf)
//   /actors/members/P/positions/DIM     the dimension's scale [low, high]
//   /actors/members/P/saliences/DIM     [0, 1]
// with P the actor's index in the file and DIM a dimension id.
enum class ActorSlotKind { Capability, Position, Salience };

struct ActorSlot {
  ActorSlotKind kind = ActorSlotKind::Capability;
  std::string pointer;  // as the file names it
  std::string column;   // the pointer with the actor's index replaced by its id
  int actor = 0;
  int dimension = 0;  // Position, Salience
  ValueRange legal;
};

// Resolves every parameter of `spec` against the table. Throws InputError at the parameter's
// declaration for a pointer that names nothing a forecast sweep can vary, a pointer given
// twice, a distribution that makes no sense, or one whose values can leave the number's legal
// range (parley neither truncates nor redraws; docs/sweep.md).
std::vector<ActorSlot> bind_actor_parameters(const UncertaintySpec& spec,
                                             const forecast::ActorTable& table);

// Writes a run's drawn values (in slot order) into its copy of the table.
void apply_actor_parameters(const std::vector<ActorSlot>& slots, const double* values,
                            forecast::ActorTable& table);

}  // namespace parley
