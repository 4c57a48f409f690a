#include "analysis/solutions/pareto.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace parley {
namespace {

bool dominates(const UtilitySet& set, std::int64_t a, std::int64_t b) {
  bool strictly = false;
  for (int p = 0; p < set.parties(); ++p) {
    const double ua = set.utilities(a, p);
    const double ub = set.utilities(b, p);
    if (ua < ub) return false;
    if (ua > ub) strictly = true;
  }
  return strictly;
}

std::vector<std::int64_t> all_outcomes(const UtilitySet& set) {
  std::vector<std::int64_t> order(static_cast<std::size_t>(set.outcomes()));
  std::iota(order.begin(), order.end(), std::int64_t{0});
  return order;
}

// Sorted by u1 descending; an outcome is non-dominated iff its u2 is the largest among
// outcomes with the same u1 and larger than every u2 among outcomes with a larger u1.
std::vector<std::int64_t> frontier_of_two(const UtilitySet& set) {
  const double* u1 = set.utilities.col(0).data();
  const double* u2 = set.utilities.col(1).data();
  std::vector<std::int64_t> order = all_outcomes(set);
  std::sort(order.begin(), order.end(), [&](std::int64_t a, std::int64_t b) {
    if (u1[a] != u1[b]) return u1[a] > u1[b];
    if (u2[a] != u2[b]) return u2[a] > u2[b];
    return a < b;
  });
  std::vector<std::int64_t> frontier;
  double best_u2_at_larger_u1 = -std::numeric_limits<double>::infinity();
  std::size_t group = 0;
  while (group < order.size()) {
    const double group_u1 = u1[order[group]];
    const double group_best_u2 = u2[order[group]];  // sorted: first is the group's best
    std::size_t next = group;
    while (next < order.size() && u1[order[next]] == group_u1) {
      const std::int64_t k = order[next];
      if (u2[k] == group_best_u2 && u2[k] > best_u2_at_larger_u1) frontier.push_back(k);
      ++next;
    }
    best_u2_at_larger_u1 = std::max(best_u2_at_larger_u1, group_best_u2);
    group = next;
  }
  std::sort(frontier.begin(), frontier.end());
  return frontier;
}

// A dominator is lexicographically larger, so in descending lexicographic order it comes
// first; checking against the frontier so far suffices because dominance is transitive.
std::vector<std::int64_t> frontier_of_many(const UtilitySet& set) {
  std::vector<std::int64_t> order = all_outcomes(set);
  std::sort(order.begin(), order.end(), [&](std::int64_t a, std::int64_t b) {
    for (int p = 0; p < set.parties(); ++p) {
      const double ua = set.utilities(a, p);
      const double ub = set.utilities(b, p);
      if (ua != ub) return ua > ub;
    }
    return a < b;
  });
  std::vector<std::int64_t> frontier;
  for (std::int64_t k : order) {
    const bool dominated = std::any_of(frontier.begin(), frontier.end(),
                                       [&](std::int64_t f) { return dominates(set, f, k); });
    if (!dominated) frontier.push_back(k);
  }
  std::sort(frontier.begin(), frontier.end());
  return frontier;
}

bool dominated_by(const UtilitySet& set, std::int64_t q, const Eigen::VectorXd& u,
                  double tolerance) {
  bool strictly = false;
  for (int p = 0; p < set.parties(); ++p) {
    const double uq = set.utilities(q, p);
    if (uq < u[p] - tolerance) return false;
    if (uq > u[p] + tolerance) strictly = true;
  }
  return strictly;
}

void check_size(const UtilitySet& set, const Eigen::VectorXd& u) {
  if (u.size() != set.parties()) {
    throw std::invalid_argument("utility vector has " + std::to_string(u.size()) + " entries for " +
                                std::to_string(set.parties()) + " parties");
  }
}

}  // namespace

std::vector<std::int64_t> pareto_frontier(const UtilitySet& set) {
  if (set.outcomes() == 0) return {};
  // NaN compares false both ways: the sorts below would get an inconsistent order (undefined
  // behaviour, reads past the buffer) and the grouping loop would never advance. The loader
  // keeps NaN out of utilities; this guards every other caller.
  if (set.utilities.hasNaN())
    throw std::invalid_argument("Pareto frontier of utilities that are not all numbers (NaN)");
  if (set.parties() == 2) return frontier_of_two(set);
  return frontier_of_many(set);
}

bool is_pareto_optimal(const UtilitySet& set, const Eigen::VectorXd& u, double tolerance) {
  check_size(set, u);
  for (std::int64_t q = 0; q < set.outcomes(); ++q) {
    if (dominated_by(set, q, u, tolerance)) return false;
  }
  return true;
}

bool is_pareto_optimal(const UtilitySet& set, const std::vector<std::int64_t>& frontier,
                       const Eigen::VectorXd& u, double tolerance) {
  check_size(set, u);
  return std::none_of(frontier.begin(), frontier.end(),
                      [&](std::int64_t f) { return dominated_by(set, f, u, tolerance); });
}

double distance_to_frontier(const UtilitySet& set, const std::vector<std::int64_t>& frontier,
                            const Eigen::VectorXd& u) {
  check_size(set, u);
  if (frontier.empty()) throw std::invalid_argument("distance to an empty Pareto frontier");
  double best = std::numeric_limits<double>::infinity();
  for (std::int64_t f : frontier) {
    best = std::min(best, (set.utilities.row(f).transpose() - u).squaredNorm());
  }
  return std::sqrt(best);
}

}  // namespace parley
