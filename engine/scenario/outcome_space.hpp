#pragma once
#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "engine/scenario/deal.hpp"
#include "engine/scenario/scenario.hpp"

namespace parley {

// Every deal of one track, enumerated once (mixed radix over the issues' levels, first issue
// slowest), with each party's track utility precomputed. Agents search these arrays; they do
// not recompute utilities (docs/architecture.md, The path of data).
class OutcomeSpace {
 public:
  OutcomeSpace(const Scenario& scenario, int track);

  int track() const { return track_; }
  const Scenario& scenario() const { return *scenario_; }
  std::int64_t size() const { return size_; }
  int issue_count() const { return static_cast<int>(issues_.size()); }
  // Scenario index of the k-th issue of this track.
  int issue(int k) const { return issues_[k]; }
  int levels(int k) const { return levels_[k]; }
  // The level of the k-th issue in an outcome, and how far apart in outcome index two outcomes
  // are that differ by one level of the k-th issue only.
  int level(std::int64_t outcome, int k) const {
    return static_cast<int>((outcome / stride_[k]) % levels_[k]);
  }
  std::int64_t stride(int k) const { return stride_[k]; }

  Deal deal(std::int64_t outcome) const;
  std::int64_t outcome_of_levels(const int* levels) const;
  // The grid outcome whose values are nearest to the deal's, issue by issue.
  std::int64_t nearest_outcome(const Deal& deal) const;

  // Track utility of each outcome for `party`, in [0, 1].
  const Eigen::ArrayXd& utilities(int party) const { return utilities_[party]; }
  // Track utility of any deal, on or off the grid.
  double utility(int party, const Deal& deal) const;
  // Sum of the party's weights over this track's issues: the track's share of its stakes.
  double track_weight(int party) const { return track_weight_[party]; }

  // Outcomes ordered from best to worst for `party` (ties by outcome index).
  const std::vector<std::int32_t>& ranking(int party) const { return ranking_[party]; }

  // Recompute `party`'s utilities, track weight and ranking in place for new weights (scenario
  // issue order), as a change_weights event needs; arrays keep their addresses. Only on a
  // run's own copy of the space (RunState::spaces), never on the simulator's shared one.
  void set_weights(int party, const std::vector<double>& weights);

 private:
  void compute_party(int party, const std::vector<double>& weights);

  const Scenario* scenario_;
  int track_;
  std::int64_t size_ = 1;
  std::vector<int> issues_;
  std::vector<int> levels_;
  std::vector<std::int64_t> stride_;
  std::vector<Eigen::ArrayXd> utilities_;
  std::vector<double> track_weight_;
  std::vector<std::vector<double>> weights_;  // per party, per track issue (off-grid utilities)
  std::vector<std::vector<std::int32_t>> ranking_;
};

// The largest outcome space parley enumerates; the loader rejects larger tracks.
inline constexpr std::int64_t kMaxOutcomes = 20'000'000;

}  // namespace parley
