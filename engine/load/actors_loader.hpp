#pragma once
#include <string>

#include "engine/forecast/actor_table.hpp"
#include "engine/forecast/model_parameters.hpp"
#include "engine/load/actor_parameters.hpp"
#include "engine/load/json_document.hpp"
#include "engine/scenario/uncertainty.hpp"

namespace parley {

// A stakeholder forecast as read from a scenario file's `actors` block.
struct ForecastScenario {
  std::string name;  // meta.name
  forecast::ActorTable table;
  forecast::ModelParameters model;
  // The file's `uncertainty` block for `parley sweep` (docs/sweep.md, "Forecast scenarios"),
  // its pointers checked against the table.
  UncertaintySpec uncertainty;
};

// Reads the `actors` block of a document that passed the schema, checking what the schema
// cannot: unique ids, a scale whose low end is below its high end, one position and one
// salience per dimension keyed by a declared dimension id, positions on the scale. Throws
// InputError at the offending value.
ForecastScenario read_actors(const JsonDocument& document);

}  // namespace parley
