#pragma once
#include <cstdint>
#include <ostream>

#include "engine/scenario/scenario.hpp"

namespace parley {

// The extensive-form game of a small bilateral scenario, written in Gambit's .efg format
// (version 2, "EFG 2 R"), so that Gambit's solvers (gambit-enumpure, gambit-lcp, gambit-logit
// ...) can compute its equilibria exactly. docs/interop.md describes the tree:
//   round t = 0 .. R-1: the proposer (the opener in even rounds, the other party in odd ones)
//   chooses one of the track's N grid outcomes; the responder accepts, rejects or, where the
//   protocol allows it, walks away. After a rejection in any round but the last, a chance node
//   ends the talks with the breakdown probability p (only when p > 0); a rejection in round
//   R-1 ends them at the deadline.
//   Payoffs follow docs/model.md: agreement on x in round t pays party i
//   discount_i^t * u_i(x) - cost_i * t; breakdown, walk-away and deadline in round t pay
//   discount_i^t * reservation_i - cost_i * t.
// Perfect information: every decision node is its own information set. Players are the
// scenario's parties in order (Gambit player 1 = party 0).

// The game tree grows as N^R; larger trees are refused (Gambit's exact solvers could not
// handle them anyway).
inline constexpr std::int64_t kMaxGambitNodes = 1'000'000;

// Nodes of the tree for `rounds` rounds (every node: decision, chance and terminal); saturates
// at kMaxGambitNodes + 1.
std::int64_t gambit_tree_nodes(const Scenario& scenario, int rounds);

// Writes the game. `rounds` <= 0 means the scenario's deadline_rounds. Throws InputError (naming
// the scenario file) when the scenario is not bilateral, has more than one track, has no
// deadline and no rounds were given, asks for more rounds than its deadline, or is too large.
void write_gambit_efg(const Scenario& scenario, int rounds, std::ostream& out);

}  // namespace parley
