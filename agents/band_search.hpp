#pragma once
#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "agents/frequency_model.hpp"
#include "engine/scenario/outcome_space.hpp"

namespace parley {

// The band's best-rated outcome, the choice a time-dependent agent with a band makes each offer:
// among ranking positions first..cheapest (a run of the party's ranking, best to worst), the
// outcome the opponents' frequency models rate best, their predicted utilities summed in party
// order; ties go to the cheaper outcome (the later position).
//
// Two ways to the same answer, bit for bit:
// - `scan` rates every outcome of the band, from the cheapest up;
// - `branch_and_bound` walks the issues' levels, each issue's best-rated first, and rates only
//   the outcomes that may still win. Both the party's own utility and the rating are additive
//   over issues, so a partial outcome's rating plus the best level of every remaining issue
//   bounds every outcome below it; its own utility plus the lowest (highest) own utility of the
//   remaining issues says whether any of them can reach the band; and, since an outcome of the
//   band gives at least the band's lowest own utility, rating + price x (own - lowest) bounds its
//   rating at any price >= 0 (a Lagrangian bound, taken at a few prices), which is what cuts the
//   search where the opponent's favourites lie below the band. Bounds are sums in another order
//   than the exact ones, so they prune only with a margin far above their rounding; every
//   outcome that survives is rated exactly as `scan` rates it, and the band's edges and the tie
//   rule are read from the ranking's own order (utility down, then outcome index up), so the
//   answer is the scan's.
// `best` takes the scan for small bands, where setting up the bounds costs more than it saves.
// A BandSearch keeps its scratch from call to call: after `prepare`, no call allocates.
class BandSearch {
 public:
  // Bands of at least this many outcomes are searched by branch and bound: below it the bounds'
  // set-up costs more than the scan it saves (instructions per choice in the Istanbul scenario's
  // sweep; bench/README.md, Round loop).
  static constexpr std::size_t kBranchAndBoundFrom = 256;
  // Prices of own utility at which the rating bound is also taken (Lagrangian bounds).
  static constexpr std::size_t kPrices = 3;

  // Size the scratch for tracks of this shape (allocates; once per agent set-up).
  void prepare(const OutcomeSpace& space);

  // The answer, by whichever way is cheaper for the band's size. `raters`: the opponents' models
  // in party order (at least one); `utility` and `ranking`: the party's own (OutcomeSpace).
  std::size_t best(const OutcomeSpace& space, const Eigen::ArrayXd& utility,
                   const std::vector<std::int32_t>& ranking, std::size_t first,
                   std::size_t cheapest, const FrequencyOpponentModel* const* raters,
                   std::size_t rater_count);

  static std::size_t scan(const std::vector<std::int32_t>& ranking, std::size_t first,
                          std::size_t cheapest, const FrequencyOpponentModel* const* raters,
                          std::size_t rater_count);

  std::size_t branch_and_bound(const OutcomeSpace& space, const Eigen::ArrayXd& utility,
                               const std::vector<std::int32_t>& ranking, std::size_t first,
                               std::size_t cheapest, const FrequencyOpponentModel* const* raters,
                               std::size_t rater_count);

  // Outcomes rated by the last branch_and_bound call (for tests and benchmarks).
  std::size_t last_rated() const { return rated_; }
  // Search nodes (partial outcomes) the last branch_and_bound call visited.
  std::size_t last_visited() const { return visited_; }

 private:
  void descend(std::size_t depth, double rating, double own, std::int64_t outcome);
  void consider(std::int64_t outcome);

  // Per issue, in search order.
  std::vector<int> issue_;  // track issue index
  std::vector<std::int64_t> stride_;
  std::vector<int> first_slot_;  // where the issue's levels start in the slot arrays
  std::vector<int> level_count_;
  // Per slot (issue after issue, OutcomeLevels order).
  std::vector<double> own_;    // own utility of the level, relative to outcome 0's
  std::vector<double> bound_;  // the level's share of the summed rating
  std::vector<int> order_;     // the issue's levels, best-rated first
  // Suffixes over the search order: the most rating, least and most own utility still to come.
  std::vector<double> bound_rest_;
  std::vector<double> own_min_rest_;
  std::vector<double> own_max_rest_;
  // Per depth and price: the most the remaining issues add of rating + price x own utility.
  std::vector<double> traded_rest_;

  // The call in progress.
  const Eigen::ArrayXd* utility_ = nullptr;
  const FrequencyOpponentModel* const* raters_ = nullptr;
  std::size_t rater_count_ = 0;
  double own_low_ = 0.0, own_high_ = 0.0;  // the band's own utilities, relative to outcome 0's
  double edge_high_u_ = 0.0, edge_low_u_ = 0.0;
  std::int64_t edge_high_o_ = 0, edge_low_o_ = 0;
  double best_rating_ = 0.0;
  double best_u_ = 0.0;
  std::int64_t best_o_ = 0;
  std::int64_t seed_ = -1;  // the last call's winner
  std::size_t rated_ = 0;
  std::size_t visited_ = 0;
};

}  // namespace parley
