#pragma once
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "analysis/report/history_comparison.hpp"
#include "analysis/solutions/efficiency.hpp"
#include "analysis/statistics/categorical.hpp"
#include "analysis/statistics/histogram.hpp"
#include "analysis/statistics/moments.hpp"
#include "analysis/statistics/proportion.hpp"
#include "analysis/statistics/regression.hpp"
#include "analysis/statistics/sobol.hpp"
#include "analysis/statistics/survival.hpp"
#include "engine/run_result.hpp"
#include "sweep/layout.hpp"
#include "sweep/outcomes.hpp"

namespace parley {

// TrackStatus values, Open to Suspended: the categories of a track's closing.
inline constexpr int kTrackStatusCount = static_cast<int>(TrackStatus::Suspended) + 1;

// Everything a run tells the summary besides its RunResult, computed by the caller (who has the
// simulator): per track, the last round it could have played (the censoring round of the
// survival curve), for an agreement its efficiency against the track's bargaining solutions,
// and, when the scenario records history, the run set beside it.
struct RunContext {
  const int* horizon = nullptr;                               // per track
  const std::optional<DealEfficiency>* efficiency = nullptr;  // per track
  const HistoryComparison* history = nullptr;                 // with a history block
};

// The streaming statistics of a sweep (docs/sweep.md, "summary.json"): one per thread, merged
// at the end. Every accumulator is exact or integer (analysis/statistics/exact_sum.hpp), so merging
// in any order, of any split of the runs, gives bit-identical statistics — and so a bit-identical
// summary for any thread count, shard split or resumed run. Memory does not depend on the
// number of runs.
class SweepStatistics {
 public:
  explicit SweepStatistics(std::shared_ptr<const SweepLayout> layout);

  // `drawn`: the run's value of every parameter, in layout order.
  // Runs are taken in blocks (sweep/runner.hpp): within a block the sums are kept in
  // double-double and end_block() adds them to the exact sums, so a block's share depends only
  // on its runs in run order (analysis/statistics/block_sum.hpp). Reading (state, summary) or
  // merging inside a block reads a copy with the block ended.
  void add(std::uint64_t run, const double* drawn, const RunResult& result,
           const RunContext& context);
  void end_block();
  // Same layout (std::invalid_argument otherwise).
  void merge(const SweepStatistics& other);

  std::uint64_t runs() const { return runs_; }
  const SweepLayout& layout() const { return *layout_; }
  // What is wrong with the counts (every track and party must have counted every run), or "".
  std::string count_mismatch() const;

  // The exact state, for checkpoints and shards; state_from_json reads it back bit for bit.
  nlohmann::json state() const;
  static SweepStatistics from_state(std::shared_ptr<const SweepLayout> layout,
                                    const nlohmann::json& state);

  // The statistics part of summary.json: parameters, tracks, parties, drivers, and history
  // when the scenario records it.
  nlohmann::json summary() const;

  friend bool operator==(const SweepStatistics& a, const SweepStatistics& b);

 private:
  SweepStatistics settled() const;  // a copy with the block ended
  nlohmann::json drivers_summary() const;
  nlohmann::json war_summary() const;
  nlohmann::json implementation_summary() const;
  nlohmann::json grid_summary() const;

  struct IssueStats {
    Categorical levels;   // options, flags, quantities: counts per level
    Moments values;       // quantities, shares
    Histogram histogram;  // shares (off-grid values possible)
  };
  struct TrackStats {
    Proportion agreement;
    Categorical closing;  // per TrackStatus
    SurvivalCurve survival;
    Moments round_given_agreement;
    std::vector<IssueStats> issues;
    Proportion pareto_optimal;
    Moments nash_product_fraction;
    Moments distance_to_nash;
    Moments distance_to_kalai_smorodinsky;
    Moments distance_to_frontier;
  };
  struct PartyStats {
    Moments utility;
    Histogram utility_histogram;
    Moments costs;
    Histogram costs_histogram;
  };
  // One outcome (sweep/outcomes.hpp) and what drives it: the regression and Sobol sums, its
  // moments in each bin of each varying parameter (partial dependence), and in a grid design in
  // each cell of the grid.
  struct Driver {
    OutcomeDef outcome;
    RegressionSums regression;
    SobolFirstOrder sobol;
    std::vector<std::vector<Moments>> bins;  // per varying parameter, per bin
    std::vector<Moments> cells;              // grid design: per cell, first parameter slowest
  };
  struct WarCostStats {
    Moments total;
    Histogram histogram;
    Moments until_ceasefire;  // runs whose war ended in a ceasefire
  };
  struct WarStats {
    Proportion ceasefire, victory_up, victory_down, still_fighting;
    SurvivalCurve end;  // the round the fighting stopped; censored at the run's last round
    Moments end_round;  // runs where it stopped
    std::vector<WarCostStats> costs;  // per SweepLayout::war.costs
  };
  struct ItemStats {
    Proportion signed_, carried_out;  // over every run
    std::vector<Moments> fraction;    // per party, over runs that signed
  };

  std::shared_ptr<const SweepLayout> layout_;
  std::uint64_t runs_ = 0;
  bool in_block_ = false;  // runs added since end_block()
  std::vector<Moments> parameters_;
  std::vector<TrackStats> tracks_;
  std::vector<PartyStats> parties_;
  std::vector<Driver> drivers_;
  WarStats war_;
  std::vector<ItemStats> implementation_;
  std::vector<std::vector<Moments>> bin_x_;  // per varying parameter, per bin: its values
  std::size_t cells_ = 0;                    // grid design: the grid's cells, else 0
  HistoryTally history_;                     // sized by the layout's history; empty without one
  std::vector<int> varying_;
  // Scratch for add(): the varying parameters' values and CDF values.
  std::vector<double> x_, u_;
  std::vector<ProductFactor> factors_;  // x_, split once for the regression sums
  std::vector<int> bin_;
  std::vector<std::size_t> sobol_cells_;
  // Drivers defined on the same runs share their predictors' regression sums per block
  // (RegressionSums::PredictorBlock): one per set of runs, and each driver's set.
  std::vector<RegressionSums::PredictorBlock> predictor_blocks_;
  RegressionSums::PredictorProducts predictor_products_;  // scratch: this run's products
  std::vector<std::size_t> driver_runs_;
  std::vector<int> drivers_in_set_;
  std::vector<int> defined_;  // scratch for add(): drivers defined in the run, per set
};

}  // namespace parley
