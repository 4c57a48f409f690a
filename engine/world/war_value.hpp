#pragma once

namespace parley {

struct Scenario;
struct RunState;
struct PartyWorldState;
struct BattlefieldState;

// Fearon (1995): with war worth p - c_A to A and 1 - p - c_B to B, every split x (A's share) in
// [p - c_A, p + c_B] is preferred to war by both.
struct BargainingRange {
  double low = 0.0;
  double high = 0.0;
  bool empty() const { return low > high; }
  bool contains(double x) const { return x >= low && x <= high; }
};
BargainingRange fearon_range(double p, double cost_a, double cost_b);
// The same range from the two sides' war values on a pie: A needs x >= V_A, B needs
// 1 - x >= V_B. With no discounting, victory 1 and defeat 0 this is fearon_range(h, c_A T, c_B T)
// (h the win probability, T the expected duration, c the expected cost per round).
BargainingRange war_bargaining_range(double value_a, double value_b);

// The expected utility cost of one round of fighting for `party`: the sum over cost kinds of
// utility_per_unit * (scale * M * mean + shift + A) (engine/world/pressure.hpp), from the
// multipliers and additions apply_pressure last derived.
double expected_cost_per_round(const Scenario& scenario, const RunState& state, int party);

// The value of fighting on from control state k for a party of the war (docs/world.md):
//   V(k) = W * E[d^(tau-1); own victory] + L * E[d^(tau-1); own defeat] - c * E[sum_{s<tau} d^s]
// with W, L its victory and defeat values, c its expected cost per round (party.expected_cost)
// and d its discount: the party's solved arrays (update_war_values solves them).
double war_value(const PartyWorldState& party, int k);

// Re-solves the battlefield chain for every war party whose discount or chain parameters
// changed, recomputes each party's expected cost and war value at the current state, and writes
// the reservation value of every war track: war value + RunState's reservation offset. Parties
// not at war and tracks not at war are left alone. Allocation-free once the arrays are sized.
void update_war_values(const Scenario& scenario, RunState& state);
// The cheap part, after battles when only the position changed: each war party's value of
// fighting on at the current state and the war tracks' reservations, from the solved arrays
// and expected costs as they stand.
void update_reservations(const Scenario& scenario, RunState& state);

}  // namespace parley
