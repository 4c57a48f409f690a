#pragma once
#include <string>
#include <vector>

#include "engine/scenario/deal.hpp"
#include "engine/scenario/outcome_space.hpp"
#include "engine/scenario/scenario.hpp"

namespace parley {

// Utility as classroom points: a track's utility times 100, so a party's best deal on a track
// is worth 100 points and its point schedule adds up issue by issue (docs/classroom.md). The
// share of the 100 points an issue can give is its weight over the track's total weight
// (docs/model.md, "Utility").

// 100 · u: a utility in [0, 1] as points out of 100.
double to_points(double utility);

// The points `party` gets from `value` of the k-th issue of `space`'s track, from the scenario's
// weights and value functions: the issue's term of the track utility, times 100.
double issue_points(const OutcomeSpace& space, int party, int k, double value);

// The most points the k-th issue can give `party` (its weight share of 100).
double issue_weight_points(const OutcomeSpace& space, int party, int k);

// The same with the weights of `prefs`: a run's preferences after a change_weights event
// (engine/run_state.hpp), so a schedule shows the points in force now.
double issue_points(const OutcomeSpace& space, const Preferences& prefs, int k, double value);
double issue_weight_points(const OutcomeSpace& space, const Preferences& prefs, int k);

// Points as people read them: one decimal, "72.5", "100", "0".
std::string format_points(double points);

// The levels of an issue a point schedule lists: every level when there are at most `most`,
// otherwise `most` evenly spaced levels plus the levels nearest the value function's corners,
// so the points between two listed values lie between theirs.
std::vector<int> schedule_levels(const Issue& issue, const ValueFunction& value, int most = 11);

}  // namespace parley
