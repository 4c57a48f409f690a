#pragma once
#include <string>
#include <vector>

#include "engine/scenario/value_function.hpp"

namespace parley {

// What one party wants (docs/architecture.md, Vocabulary). Indexed by the scenario's issue and
// track order. A track's utility is the weighted mean of the party's value functions over the
// track's issues, so it lies in [0, 1]; see docs/model.md for how rounds, discounting and costs
// apply.
struct Preferences {
  std::vector<double> weights;        // salience per issue (> 0), scenario issue order
  std::vector<ValueFunction> values;  // value function per issue
  std::vector<double> reservation;    // per track: what no deal on it is worth, [0, 1]
  double discount = 1.0;              // per round, (0, 1]
  double cost_per_round = 0.0;        // per open track per round, track-utility units
  std::string salience_source;        // where the weights came from
};

}  // namespace parley
