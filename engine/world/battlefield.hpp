#pragma once
#include <vector>

#include "engine/random/random.hpp"
#include "engine/world/world_state.hpp"

namespace parley {

// Gambler's ruin closed forms (Feller 1968): a walk on 0..n absorbing at both ends, each battle
// +1 with probability q, else -1. Win probability (absorption at n) from k, and the expected
// number of battles until absorption.
double gamblers_ruin_win_probability(int k, int n, double q);
double gamblers_ruin_expected_battles(int k, int n, double q);

// The battlefield as an absorbing Markov chain over rounds (docs/world.md, "The battlefield").
// `solve` computes, for a per-round discount factor delta and every state k in 0..N,
//   up[k]       = E[delta^(tau-1) ; absorbed at N]
//   down[k]     = E[delta^(tau-1) ; absorbed at 0]
//   duration[k] = E[sum_{s=0}^{tau-1} delta^s]
// where tau is the number of rounds fought until absorption (tau = 0 in an absorbing state).
// With delta = 1 these are the win probability h(k), 1 - h(k) and the expected duration in
// rounds. The system (I - delta Q) x = b is banded (half-width battles_per_round) and is solved
// by elimination without pivoting, which is stable because the matrix is diagonally dominant.
struct BattlefieldSolution {
  std::vector<double> up;
  std::vector<double> down;
  std::vector<double> duration;
};

// Per-round transition probabilities: row k (0..N) holds P(k -> k + j) at index
// k * (2m + 1) + (j + m), j in [-m, m], with m = battles_per_round.
void battlefield_kernel(const BattlefieldState& field, std::vector<double>& kernel);

// Solves into `out` (resized to N + 1). `scratch` is reused workspace.
void solve_battlefield(const BattlefieldState& field, double delta, BattlefieldSolution& out,
                       std::vector<double>& scratch);
// The same, writing into three caller-owned arrays (PartyWorldState keeps them).
void solve_battlefield(const BattlefieldState& field, double delta, std::vector<double>& up,
                       std::vector<double>& down, std::vector<double>& duration,
                       std::vector<double>& scratch);

// One round of battles from field.position: updates position, last_up, last_down, last_round
// and rounds_fought, and (on absorption) fighting, victor and end_round. Draws one uniform per
// battle from `rng`; stops drawing once absorbed.
void fight_round(BattlefieldState& field, int round, RandomStream& rng);

}  // namespace parley
