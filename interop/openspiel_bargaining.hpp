#pragma once
#include <array>
#include <nlohmann/json.hpp>
#include <string>

#include "interop/import_support.hpp"

namespace parley {

// OpenSpiel's "bargaining" game (open_spiel/games/bargaining, after Lewis et al. 2017, "Deal or
// no deal?"): a pool of items of three types, each player's private value per item, and
// alternating offers of how many items of each type the proposer keeps. An instances file
// holds one instance per line, "pool values0 values1", each three comma-separated integers:
//     1,2,3 8,1,0 4,0,2
// This reads one line and builds the parley scenario with OpenSpiel's rules (docs/interop.md):
//   issues: three quantities "books", "hats", "balls" (Lewis et al.'s item names) = how many
//     items of that type player 0 receives, 0 ... pool_k; player 1 receives the rest.
//   utilities: party i's weight on type k is the pool's worth to it, v_ik * pool_k, and its
//     value function is the share of the pool it receives, so its track utility is exactly
//     OpenSpiel's return / S_i with S_i = sum_k w_ik its total weight (10 for OpenSpiel's
//     instances). Weights must be positive: an item type worthless to a player gets the weight
//     kWorthlessItemWeight and a flat value 0, which keeps return = S_i * u_i exact.
//   rules: player 0 opens; OpenSpiel's max_turns counts offers including one that can no longer
//     be answered, so deadline_rounds = max_turns - 1; its discount, applied once per turn from
//     the third, is parley's per-round discount; prob_end is the breakdown probability; no deal
//     is worth 0 (reservation 0); information is private.

struct BargainingInstance {
  std::array<int, 3> pool{};
  std::array<std::array<int, 3>, 2> values{};  // values[player][item type]
};

struct OpenSpielBargainingOptions {
  ImportAgents agents;
  int max_turns = 10;     // OpenSpiel's default
  double discount = 1.0;  // OpenSpiel's default
  double prob_end = 0.0;  // OpenSpiel's default
  std::string date = kDefaultImportDate;
};

inline constexpr double kWorthlessItemWeight = 0.001;
inline constexpr const char* kBargainingItemNames[3] = {"books", "hats", "balls"};

// Line `line` (1-based, as an editor counts) of an instances file. Throws InputError naming the
// file, line and column of what is wrong.
BargainingInstance read_bargaining_instance(const std::string& path, int line);

// The scenario for one instance (`source` names the file and line in the scenario's sources).
nlohmann::ordered_json bargaining_scenario(const BargainingInstance& instance,
                                           const std::string& source,
                                           const OpenSpielBargainingOptions& options = {});

// Both together: `parley import openspiel-bargaining FILE --line K`.
nlohmann::ordered_json import_openspiel_bargaining(const std::string& path, int line,
                                                   const OpenSpielBargainingOptions& options = {});

}  // namespace parley
