#pragma once
#include <array>
#include <cstdint>

#include "engine/scenario/deal.hpp"
#include "engine/scenario/outcome_space.hpp"

namespace parley {

// A party's criticism of a mediator's text (docs/mediation.md, "The single negotiating text"):
// what it says in caucus when it vetoes the text. Per issue of the track, the direction it wants
// the issue moved (+1 towards the issue's later levels, -1 towards its earlier ones, 0: leave it
// as it stands), and the issues in order of how much they matter to it there (rank 0: its main
// concern; -1: an issue it does not care about, either way). Nothing else: no utilities, no
// reservation value, nothing about another party (docs/architecture.md, rule 2).
struct Criticism {
  int size = 0;  // the track's issue count
  std::array<std::int8_t, kMaxTrackIssues> direction{};
  std::array<std::int8_t, kMaxTrackIssues> rank{};

  int objections() const;
};

// The criticism a party's own preferences give of an on-grid text. For each issue, the party
// looks at the neighbouring levels (one up, one down, the other issues kept): it objects in the
// direction of the better one if that beats the text, and otherwise asks that the issue stay.
// Its stake in an issue is the largest change in its utility a one-level move would make (gain
// or loss); issues are ranked by stake, ties in issue order, and an issue where no move changes
// anything gets rank -1. Reads only `party`'s own utilities.
Criticism criticism_from_preferences(const OutcomeSpace& space, int party, const Deal& text);

}  // namespace parley
