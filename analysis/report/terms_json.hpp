#pragma once
#include <nlohmann/json.hpp>

#include "engine/scenario/deal.hpp"
#include "engine/scenario/outcome_space.hpp"
#include "engine/scenario/scenario.hpp"

namespace parley {

// A deal as JSON: issue id -> {"value": number, "text": "the value in the words"}.
nlohmann::ordered_json terms_json(const Scenario& scenario, const OutcomeSpace& space,
                                  const Deal& deal);
// Each party's track utility of the deal: party id -> utility.
nlohmann::ordered_json utilities_json(const Scenario& scenario, const OutcomeSpace& space,
                                      const Deal& deal);
// Numbers rounded to 12 significant digits, so JSON output reads well and stays stable.
double tidy(double value);

}  // namespace parley
