#include "analysis/solutions/bargaining_solutions.hpp"

#include <algorithm>
#include <limits>

#include "analysis/solutions/pareto.hpp"
#include "analysis/solutions/tie_break.hpp"

namespace parley {
namespace {

double gain(const UtilitySet& set, std::int64_t k, int p) {
  return set.utilities(k, p) - set.disagreement[p];
}

double outcome_nash_product(const UtilitySet& set, std::int64_t k) {
  double product = 1.0;
  for (int p = 0; p < set.parties(); ++p) product *= gain(set, k, p);
  return product;
}

// Each party's best utility over the candidates.
Eigen::VectorXd best_of(const UtilitySet& set, const std::vector<std::int64_t>& candidates) {
  Eigen::VectorXd best(set.parties());
  for (int p = 0; p < set.parties(); ++p) {
    double most = -std::numeric_limits<double>::infinity();
    for (std::int64_t k : candidates) most = std::max(most, set.utilities(k, p));
    best[p] = most;
  }
  return best;
}

std::optional<std::int64_t> first(const std::vector<std::int64_t>& candidates) {
  if (candidates.empty()) return std::nullopt;
  return candidates.front();
}

}  // namespace

std::vector<std::int64_t> bargaining_candidates(const UtilitySet& set,
                                                const std::vector<std::int64_t>& frontier) {
  std::vector<std::int64_t> candidates = frontier;
  std::erase_if(candidates, [&](std::int64_t k) { return !individually_rational(set, k); });
  return candidates;
}

std::vector<std::int64_t> bargaining_candidates(const UtilitySet& set) {
  return bargaining_candidates(set, pareto_frontier(set));
}

std::optional<Eigen::VectorXd> ideal_point(const UtilitySet& set,
                                           const std::vector<std::int64_t>& frontier) {
  // The best individually rational utility of a party is reached on the frontier too.
  const std::vector<std::int64_t> rational = bargaining_candidates(set, frontier);
  if (rational.empty()) return std::nullopt;
  return best_of(set, rational);
}

double nash_product(const UtilitySet& set, const Eigen::VectorXd& u) {
  double product = 1.0;
  for (int p = 0; p < set.parties(); ++p) {
    const double g = u[p] - set.disagreement[p];
    if (g < 0) return 0.0;
    product *= g;
  }
  return product;
}

std::optional<std::int64_t> nash_solution(const UtilitySet& set,
                                          const std::vector<std::int64_t>& frontier) {
  return first(keep_maximisers(bargaining_candidates(set, frontier),
                               [&](std::int64_t k) { return outcome_nash_product(set, k); }));
}

std::optional<std::int64_t> kalai_smorodinsky_solution(const UtilitySet& set,
                                                       const std::vector<std::int64_t>& frontier) {
  const std::vector<std::int64_t> candidates = bargaining_candidates(set, frontier);
  if (candidates.empty()) return std::nullopt;
  const Eigen::VectorXd ideal = best_of(set, candidates);
  auto least_relative_gain = [&](std::int64_t k) {
    double least = std::numeric_limits<double>::infinity();
    for (int p = 0; p < set.parties(); ++p) {
      const double range = ideal[p] - set.disagreement[p];
      if (range > 0) least = std::min(least, gain(set, k, p) / range);
    }
    return least == std::numeric_limits<double>::infinity() ? 0.0 : least;
  };
  return first(keep_maximisers(candidates, least_relative_gain));
}

std::optional<std::int64_t> egalitarian_solution(const UtilitySet& set,
                                                 const std::vector<std::int64_t>& frontier) {
  std::vector<std::int64_t> candidates = bargaining_candidates(set, frontier);
  // Leximin: keep the maximisers of the smallest gain, then of the second smallest, ...
  std::vector<double> gains(static_cast<std::size_t>(set.parties()));
  for (int rank = 0; rank < set.parties() && candidates.size() > 1; ++rank) {
    candidates = keep_maximisers(candidates, [&](std::int64_t k) {
      for (int p = 0; p < set.parties(); ++p) gains[p] = gain(set, k, p);
      std::nth_element(gains.begin(), gains.begin() + rank, gains.end());
      return gains[rank];
    });
  }
  return first(candidates);
}

std::optional<std::int64_t> utilitarian_solution(const UtilitySet& set,
                                                 const std::vector<std::int64_t>& frontier) {
  return first(keep_maximisers(bargaining_candidates(set, frontier), [&](std::int64_t k) {
    double sum = 0.0;
    for (int p = 0; p < set.parties(); ++p) sum += set.utilities(k, p);
    return sum;
  }));
}

std::optional<Eigen::VectorXd> ideal_point(const UtilitySet& set) {
  return ideal_point(set, pareto_frontier(set));
}
std::optional<std::int64_t> nash_solution(const UtilitySet& set) {
  return nash_solution(set, pareto_frontier(set));
}
std::optional<std::int64_t> kalai_smorodinsky_solution(const UtilitySet& set) {
  return kalai_smorodinsky_solution(set, pareto_frontier(set));
}
std::optional<std::int64_t> egalitarian_solution(const UtilitySet& set) {
  return egalitarian_solution(set, pareto_frontier(set));
}
std::optional<std::int64_t> utilitarian_solution(const UtilitySet& set) {
  return utilitarian_solution(set, pareto_frontier(set));
}

}  // namespace parley
