#include "sweep/recorder.hpp"

#include "analysis/solutions/disagreement_point.hpp"
#include "analysis/solutions/utility_set.hpp"
#include "sweep/runs_csv.hpp"

namespace parley {

std::shared_ptr<const std::vector<EfficiencyReference>> efficiency_references(
    const Simulator& simulator) {
  auto references = std::make_shared<std::vector<EfficiencyReference>>();
  const Scenario& s = simulator.scenario();
  for (std::size_t t = 0; t < s.tracks.size(); ++t) {
    UtilitySet set = utility_set(simulator.space(static_cast<int>(t)), s);
    // What a run starts from: on a war track the value of fighting on at round 0.
    set.disagreement = run_disagreement_point(simulator, static_cast<int>(t)).values;
    references->emplace_back(std::move(set));  // lazy: computed at the first agreement
  }
  return references;
}

SweepRecorder::SweepRecorder(const Simulator& simulator, std::shared_ptr<const SweepLayout> layout,
                             const std::vector<ParameterSlot>& slots,
                             std::shared_ptr<const std::vector<EfficiencyReference>> references,
                             bool write_rows)
    : simulator_(&simulator),
      layout_(layout),
      references_(std::move(references)),
      statistics_(std::move(layout)),
      write_rows_(write_rows) {
  for (std::size_t j = 0; j < slots.size(); ++j)
    if (slots[j].kind == SlotKind::DeadlineRounds) deadline_slot_ = static_cast<int>(j);
  const std::size_t tracks = simulator.scenario().tracks.size();
  horizon_.assign(tracks, 0);
  efficiency_.assign(tracks, std::nullopt);
  measured_.resize(tracks);
  utilities_.resize(static_cast<Eigen::Index>(simulator.scenario().parties.size()));
}

void SweepRecorder::add(std::uint64_t run, const double* drawn, const RunResult& result) {
  const ProtocolSpec& protocol = simulator_->scenario().protocol;
  const int deadline =
      deadline_slot_ >= 0 ? static_cast<int>(drawn[deadline_slot_]) : protocol.deadline_rounds;
  const int last_round = (deadline > 0 ? deadline : protocol.max_rounds) - 1;
  for (std::size_t t = 0; t < horizon_.size(); ++t) {
    horizon_[t] = last_round;
    efficiency_[t].reset();
    const TrackResult& track = result.tracks[t];
    if (track.status != TrackStatus::Agreed) continue;
    // An on-grid deal's measures depend on the deal alone (the reference and the utilities
    // are the scenario's as written): each is measured once per thread.
    auto& known = measured_[t];
    if (track.deal.on_grid()) {
      if (const auto it = known.find(track.deal.outcome); it != known.end()) {
        efficiency_[t] = it->second;
        continue;
      }
    }
    const OutcomeSpace& space = simulator_->space(static_cast<int>(t));
    for (Eigen::Index p = 0; p < utilities_.size(); ++p)
      utilities_[p] = space.utility(static_cast<int>(p), track.deal);
    efficiency_[t] = measure_deal((*references_)[t], utilities_);
    if (track.deal.on_grid() && known.size() < kMeasuredDeals)
      known.emplace(track.deal.outcome, *efficiency_[t]);
  }
  const Scenario& scenario = simulator_->scenario();
  if (scenario.history.present) compare_with_history(scenario, result, history_);
  statistics_.add(run, drawn, result,
                  RunContext{horizon_.data(), efficiency_.data(),
                             scenario.history.present ? &history_ : nullptr});
  if (write_rows_) append_runs_csv_row(rows_, *layout_, run, drawn, result);
}

void SweepRecorder::end_block(std::uint64_t /*block*/, std::string& ordered_output) {
  statistics_.end_block();
  ordered_output.swap(rows_);
  rows_.clear();
}

}  // namespace parley
