#pragma once
#include <optional>

#include "analysis/solutions/utility_set.hpp"

namespace parley {

// How opposed the parties are over an outcome space (`parley analyze`). Two
// measures, because they answer different questions:

// Pearson correlation of parties i and j's utilities over all outcomes, each outcome
// weighted equally: -1 for a pure split-the-pie conflict, +1 when they want the same deals.
// std::nullopt when either party's utility is constant (or there are fewer than 2 outcomes).
std::optional<double> utility_correlation(const UtilitySet& set, int i, int j);

// GENIUS-style opposition (after Baarslag et al. 2013, the ANAC 2011 analysis): the smallest
// Euclidean distance from any outcome to the point of complete satisfaction (1, ..., 1).
// 0 when one deal gives everybody everything; sqrt(2) at most for two parties with utilities
// in [0, 1]. Reservation values play no part. The nearest outcome is always on the Pareto
// frontier when utilities are at most 1. std::nullopt for an empty set.
std::optional<double> opposition(const UtilitySet& set);

}  // namespace parley
