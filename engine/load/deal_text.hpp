#pragma once
#include <map>
#include <string>
#include <vector>

#include "engine/scenario/deal.hpp"
#include "engine/scenario/outcome_space.hpp"
#include "engine/scenario/scenario.hpp"

namespace parley {

// A deal as a person writes it (docs/cli.md, "Writing a deal"): `issue=value` assignments, or
// one JSON object {"issue": value, ...}. A value is
//   - for options: the option's text (any case), a prefix or a part that names only one option, or
//   its
//     index as the engine writes it (0 for the first option);
//   - for a flag: yes/no, true/false or 1/0;
//   - for a quantity or a share: a number in its range ("6,670" and "6670" both read).
// `parley evaluate` and `parley play` read deals here, so they accept the same words.
//
// Mistakes throw InputError naming `where` (the argument or "your proposal"), the issue as a
// JSON pointer, what was expected (the issue ids of the scenario, the options of the issue,
// the range) and what was found.

// The assignments of a line typed at a terminal: words split at spaces, with "double" or
// 'single' quotes around a value that holds spaces (repatriation="neutral commission").
std::vector<std::string> split_assignments(const std::string& line, const std::string& where);

// The values given, per track touched: each track's deal has every issue of the track (a track
// with an issue missing is an error naming it). Values off a quantity's grid are kept as given:
// the deal is then off the grid (Deal::outcome -1). `text` is a JSON object or assignments.
std::map<int, Deal> parse_deal(const Scenario& scenario, const std::vector<std::string>& text,
                               const std::string& where);

// The same for one track only (a proposal in play): an issue of another track is an error.
Deal parse_track_deal(const Scenario& scenario, int track, const std::vector<std::string>& text,
                      const std::string& where);

// The deal on `space`'s grid nearest to `deal` (outcome index set): what a proposal between two
// steps of a quantity becomes.
Deal snap_to_grid(const OutcomeSpace& space, const Deal& deal);

}  // namespace parley
