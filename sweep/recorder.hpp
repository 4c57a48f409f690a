#pragma once
#include <Eigen/Core>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/solutions/efficiency.hpp"
#include "engine/scenario/parameter_slot.hpp"
#include "engine/simulator.hpp"
#include "sweep/runner.hpp"
#include "sweep/summary.hpp"

namespace parley {

// The efficiency reference of every track (Pareto frontier, Nash and Kalai–Smorodinsky
// points), computed once per sweep from the scenario as written: the nominal utilities and
// reservation values. Every agreement of the sweep is measured against it, so the measures
// compare across runs even when reservations or weights are uncertain (docs/sweep.md).
std::shared_ptr<const std::vector<EfficiencyReference>> efficiency_references(
    const Simulator& simulator);

// One sweep thread's consumer of runs: it measures each agreement against the track's
// reference, sets the run beside history (when the scenario records it), adds the run to its
// SweepStatistics and, when asked, formats the run's CSV row into the block's ordered output.
class SweepRecorder final : public SweepWorker {
 public:
  SweepRecorder(const Simulator& simulator, std::shared_ptr<const SweepLayout> layout,
                const std::vector<ParameterSlot>& slots,
                std::shared_ptr<const std::vector<EfficiencyReference>> references,
                bool write_rows);

  void add(std::uint64_t run, const double* drawn, const RunResult& result) override;
  void end_block(std::uint64_t block, std::string& ordered_output) override;

  SweepStatistics& statistics() { return statistics_; }

 private:
  const Simulator* simulator_;
  std::shared_ptr<const SweepLayout> layout_;
  std::shared_ptr<const std::vector<EfficiencyReference>> references_;
  SweepStatistics statistics_;
  int deadline_slot_ = -1;  // the slot of /protocol/deadline_rounds, if it varies
  bool write_rows_;
  std::string rows_;
  // Per-run scratch, sized once.
  std::vector<int> horizon_;
  std::vector<std::optional<DealEfficiency>> efficiency_;
  Eigen::VectorXd utilities_;
  // Per track, the measures of the on-grid deals agreed so far (at most kMeasuredDeals).
  static constexpr std::size_t kMeasuredDeals = std::size_t{1} << 16;
  std::vector<std::unordered_map<std::int64_t, DealEfficiency>> measured_;
  HistoryComparison history_;
};

}  // namespace parley
