// SweepStatistics: the accumulators of a sweep, filled run by run in blocks and merged
// (summary_state.cpp writes and reads their exact state, summary_json.cpp and
// summary_drivers.cpp turn them into summary.json).
#include "sweep/summary.hpp"

#include <algorithm>
#include <stdexcept>

namespace parley {

namespace {

constexpr int kShareBins = 100;
constexpr int kPayoffBins = 400;

}  // namespace

SweepStatistics::SweepStatistics(std::shared_ptr<const SweepLayout> layout)
    : layout_(std::move(layout)), history_(layout_->history) {
  const SweepLayout& l = *layout_;
  parameters_.resize(l.parameters.size());
  varying_ = l.varying();
  x_.resize(varying_.size());
  u_.resize(varying_.size());
  sobol_cells_.resize(varying_.size());
  factors_.resize(varying_.size());
  predictor_products_ = RegressionSums::PredictorProducts(varying_.size());
  for (const auto& track : l.tracks) {
    TrackStats stats;
    stats.closing = Categorical(kTrackStatusCount);
    for (const auto& issue : track.issues) {
      IssueStats is;
      is.levels = Categorical(issue.level_values.size());
      if (issue.kind == IssueKind::Share)
        is.histogram = Histogram(issue.min, issue.max, kShareBins);
      stats.issues.push_back(std::move(is));
    }
    tracks_.push_back(std::move(stats));
  }
  for (const auto& party : l.parties) {
    PartyStats stats;
    stats.utility_histogram = Histogram(party.utility_lower, 1.0, kPayoffBins);
    stats.costs_histogram = Histogram(0.0, party.costs_upper, kPayoffBins);
    parties_.push_back(std::move(stats));
  }
  war_.costs.resize(l.war.costs.size());
  for (std::size_t c = 0; c < l.war.costs.size(); ++c)
    war_.costs[c].histogram = Histogram(0.0, l.war.costs[c].upper, kPayoffBins);
  implementation_.resize(l.implementation.size());
  for (ItemStats& item : implementation_) item.fraction.resize(l.parties.size());
  if (varying_.empty()) return;
  bin_.resize(varying_.size());
  for (int j : varying_) bin_x_.emplace_back(static_cast<std::size_t>(l.parameters[j].bins));
  if (l.grid) {
    cells_ = 1;
    for (int j : varying_) cells_ *= static_cast<std::size_t>(l.parameters[j].bins);
  }
  // The Sobol estimator bins the parameters' CDF values, so its bins are equally likely.
  const std::vector<SobolFirstOrder::Range> unit(varying_.size(), SobolFirstOrder::Range{0, 1});
  std::vector<std::pair<int, int>> run_sets;
  for (const OutcomeDef& outcome : sweep_outcomes(l)) {
    Driver d{outcome, RegressionSums(varying_.size()), SobolFirstOrder(unit), {}, {}};
    const auto key = outcome_runs(outcome);
    const auto known = std::find(run_sets.begin(), run_sets.end(), key);
    driver_runs_.push_back(static_cast<std::size_t>(known - run_sets.begin()));
    if (known == run_sets.end()) {
      run_sets.push_back(key);
      predictor_blocks_.emplace_back(varying_.size());
    }
    for (int j : varying_) d.bins.emplace_back(static_cast<std::size_t>(l.parameters[j].bins));
    d.cells.resize(cells_);
    drivers_.push_back(std::move(d));
  }
  defined_.assign(predictor_blocks_.size(), 0);
  drivers_in_set_.assign(predictor_blocks_.size(), 0);
  for (std::size_t g : driver_runs_) ++drivers_in_set_[g];
}

void SweepStatistics::add(std::uint64_t run, const double* drawn, const RunResult& result,
                          const RunContext& context) {
  const SweepLayout& l = *layout_;
  in_block_ = true;
  ++runs_;
  for (std::size_t j = 0; j < parameters_.size(); ++j) parameters_[j].add_in_block(drawn[j]);
  for (std::size_t k = 0; k < varying_.size(); ++k) {
    x_[k] = drawn[varying_[k]];
    u_[k] = cdf(l.parameters[varying_[k]].distribution, x_[k]);
    factors_[k] = ProductFactor(x_[k]);
  }
  for (std::size_t t = 0; t < tracks_.size(); ++t) {
    TrackStats& stats = tracks_[t];
    const TrackResult& track = result.tracks[t];
    const bool agreed = track.status == TrackStatus::Agreed;
    stats.agreement.add(agreed);
    stats.closing.add(static_cast<std::size_t>(track.status));
    if (!agreed) {
      // Breakdown and walk-away runs will never agree: they stay at risk to the horizon.
      stats.survival.add_censored(context.horizon[t]);
      continue;
    }
    stats.survival.add_event(track.round);
    stats.round_given_agreement.add_in_block(track.round);
    for (std::size_t k = 0; k < stats.issues.size(); ++k) {
      const auto& issue = l.tracks[t].issues[k];
      IssueStats& is = stats.issues[k];
      const double value = track.deal.values[k];
      is.levels.add(issue.nearest_level(value));
      if (issue.kind == IssueKind::Quantity || issue.kind == IssueKind::Share)
        is.values.add_in_block(value);
      if (issue.kind == IssueKind::Share) is.histogram.add(value);
    }
    if (const auto& e = context.efficiency[t]) {
      stats.pareto_optimal.add(e->pareto_optimal);
      stats.distance_to_frontier.add_in_block(e->distance_to_frontier);
      if (e->nash_product_fraction)
        stats.nash_product_fraction.add_in_block(*e->nash_product_fraction);
      if (e->distance_to_nash) stats.distance_to_nash.add_in_block(*e->distance_to_nash);
      if (e->distance_to_kalai_smorodinsky)
        stats.distance_to_kalai_smorodinsky.add_in_block(*e->distance_to_kalai_smorodinsky);
    }
  }
  for (std::size_t p = 0; p < parties_.size(); ++p) {
    PartyStats& stats = parties_[p];
    const PartyResult& party = result.parties[p];
    stats.utility.add_in_block(party.utility);
    stats.utility_histogram.add(party.utility);
    stats.costs.add_in_block(party.costs);
    stats.costs_histogram.add(party.costs);
  }
  if (l.war.battlefield) {
    const WorldResult& w = result.world;
    war_.ceasefire.add(w.ceasefire);
    war_.victory_up.add(w.victor >= 0 && w.victor == l.war.up);
    war_.victory_down.add(w.victor >= 0 && w.victor == l.war.down);
    war_.still_fighting.add(!w.ceasefire && w.victor < 0);
    if (w.end_round >= 0) {
      war_.end.add_event(w.end_round);
      war_.end_round.add_in_block(w.end_round);
    } else {
      war_.end.add_censored(std::max(result.rounds - 1, 0));
    }
  }
  for (std::size_t c = 0; c < war_.costs.size(); ++c) {
    const auto& info = l.war.costs[c];
    const auto& costs = result.parties[info.party].war_costs;
    const double total =
        static_cast<std::size_t>(info.kind) < costs.size() ? costs[info.kind] : 0.0;
    war_.costs[c].total.add_in_block(total);
    war_.costs[c].histogram.add(total);
    if (result.world.ceasefire) war_.costs[c].until_ceasefire.add_in_block(total);
  }
  for (std::size_t i = 0; i < implementation_.size(); ++i) {
    const ImplementationResult& r = result.implementation[i];
    implementation_[i].signed_.add(r.signed_);
    implementation_[i].carried_out.add(r.carried_out);
    if (r.signed_)
      for (std::size_t p = 0; p < implementation_[i].fraction.size(); ++p)
        implementation_[i].fraction[p].add_in_block(r.fraction[p]);
  }
  std::size_t cell = 0;
  for (std::size_t k = 0; k < varying_.size(); ++k) {
    bin_[k] = l.bin(static_cast<std::size_t>(varying_[k]), x_[k], u_[k]);
    bin_x_[k][static_cast<std::size_t>(bin_[k])].add_in_block(x_[k]);
    cell = cell * static_cast<std::size_t>(l.parameters[varying_[k]].bins) +
           static_cast<std::size_t>(bin_[k]);
  }
  // Every driver's Sobol estimator bins the same CDF values alike.
  if (!drivers_.empty()) drivers_.front().sobol.cells_of(u_, sobol_cells_);
  std::fill(defined_.begin(), defined_.end(), 0);
  bool products_set = false;  // predictor_products_ holds this run's
  for (std::size_t i = 0; i < drivers_.size(); ++i) {
    Driver& d = drivers_[i];
    double y = 0.0;
    if (!outcome_value(d.outcome, l, result, y)) continue;
    if (defined_[driver_runs_[i]]++ == 0) {
      if (!products_set) predictor_products_.set(factors_);
      products_set = true;
      predictor_blocks_[driver_runs_[i]].add(predictor_products_);
    }
    d.regression.add_outcome_in_block(factors_, ProductFactor(y));
    d.sobol.add_cells_in_block(run, sobol_cells_, y);
    const SquaredValue squared(y);
    for (std::size_t k = 0; k < varying_.size(); ++k)
      d.bins[k][static_cast<std::size_t>(bin_[k])].add_in_block(squared);
    if (cells_ > 0) d.cells[cell].add_in_block(squared);
  }
  // Drivers sharing predictor sums must agree on which runs they are defined (outcome_runs).
  for (std::size_t g = 0; g < defined_.size(); ++g)
    if (defined_[g] != 0 && defined_[g] != drivers_in_set_[g])
      throw std::logic_error("sweep outcomes sharing runs were defined on different runs");
  if (context.history) history_.add(*context.history);
}

void SweepStatistics::end_block() {
  if (!in_block_) return;
  for (Moments& m : parameters_) m.end_block();
  for (TrackStats& t : tracks_) {
    t.round_given_agreement.end_block();
    for (IssueStats& is : t.issues) is.values.end_block();
    t.nash_product_fraction.end_block();
    t.distance_to_nash.end_block();
    t.distance_to_kalai_smorodinsky.end_block();
    t.distance_to_frontier.end_block();
  }
  for (PartyStats& p : parties_) {
    p.utility.end_block();
    p.costs.end_block();
  }
  war_.end_round.end_block();
  for (WarCostStats& c : war_.costs) {
    c.total.end_block();
    c.until_ceasefire.end_block();
  }
  for (ItemStats& item : implementation_)
    for (Moments& m : item.fraction) m.end_block();
  for (auto& bins : bin_x_)
    for (Moments& m : bins) m.end_block();
  for (std::size_t i = 0; i < drivers_.size(); ++i) {
    Driver& d = drivers_[i];
    d.regression.end_block(predictor_blocks_[driver_runs_[i]]);
    d.sobol.end_block();
    for (auto& bins : d.bins)
      for (Moments& m : bins) m.end_block();
    for (Moments& m : d.cells) m.end_block();
  }
  for (auto& shared : predictor_blocks_) shared.clear();
  in_block_ = false;
}

SweepStatistics SweepStatistics::settled() const {
  SweepStatistics copy = *this;
  copy.end_block();
  return copy;
}

void SweepStatistics::merge(const SweepStatistics& other) {
  if (!(*layout_ == *other.layout_))
    throw std::invalid_argument("sweep statistics of different sweeps cannot merge");
  end_block();
  if (other.in_block_) {
    merge(other.settled());
    return;
  }
  runs_ += other.runs_;
  for (std::size_t j = 0; j < parameters_.size(); ++j) parameters_[j].merge(other.parameters_[j]);
  for (std::size_t t = 0; t < tracks_.size(); ++t) {
    TrackStats& a = tracks_[t];
    const TrackStats& b = other.tracks_[t];
    a.agreement.merge(b.agreement);
    a.closing.merge(b.closing);
    a.survival.merge(b.survival);
    a.round_given_agreement.merge(b.round_given_agreement);
    for (std::size_t k = 0; k < a.issues.size(); ++k) {
      a.issues[k].levels.merge(b.issues[k].levels);
      a.issues[k].values.merge(b.issues[k].values);
      a.issues[k].histogram.merge(b.issues[k].histogram);
    }
    a.pareto_optimal.merge(b.pareto_optimal);
    a.nash_product_fraction.merge(b.nash_product_fraction);
    a.distance_to_nash.merge(b.distance_to_nash);
    a.distance_to_kalai_smorodinsky.merge(b.distance_to_kalai_smorodinsky);
    a.distance_to_frontier.merge(b.distance_to_frontier);
  }
  for (std::size_t p = 0; p < parties_.size(); ++p) {
    parties_[p].utility.merge(other.parties_[p].utility);
    parties_[p].utility_histogram.merge(other.parties_[p].utility_histogram);
    parties_[p].costs.merge(other.parties_[p].costs);
    parties_[p].costs_histogram.merge(other.parties_[p].costs_histogram);
  }
  for (std::size_t d = 0; d < drivers_.size(); ++d) {
    Driver& a = drivers_[d];
    const Driver& b = other.drivers_[d];
    a.regression.merge(b.regression);
    a.sobol.merge(b.sobol);
    for (std::size_t k = 0; k < a.bins.size(); ++k)
      for (std::size_t v = 0; v < a.bins[k].size(); ++v) a.bins[k][v].merge(b.bins[k][v]);
    for (std::size_t c = 0; c < a.cells.size(); ++c) a.cells[c].merge(b.cells[c]);
  }
  for (std::size_t k = 0; k < bin_x_.size(); ++k)
    for (std::size_t v = 0; v < bin_x_[k].size(); ++v) bin_x_[k][v].merge(other.bin_x_[k][v]);
  war_.ceasefire.merge(other.war_.ceasefire);
  war_.victory_up.merge(other.war_.victory_up);
  war_.victory_down.merge(other.war_.victory_down);
  war_.still_fighting.merge(other.war_.still_fighting);
  war_.end.merge(other.war_.end);
  war_.end_round.merge(other.war_.end_round);
  for (std::size_t c = 0; c < war_.costs.size(); ++c) {
    war_.costs[c].total.merge(other.war_.costs[c].total);
    war_.costs[c].histogram.merge(other.war_.costs[c].histogram);
    war_.costs[c].until_ceasefire.merge(other.war_.costs[c].until_ceasefire);
  }
  for (std::size_t i = 0; i < implementation_.size(); ++i) {
    implementation_[i].signed_.merge(other.implementation_[i].signed_);
    implementation_[i].carried_out.merge(other.implementation_[i].carried_out);
    for (std::size_t p = 0; p < implementation_[i].fraction.size(); ++p)
      implementation_[i].fraction[p].merge(other.implementation_[i].fraction[p]);
  }
  history_.merge(other.history_);
}

std::string SweepStatistics::count_mismatch() const {
  auto differs = [&](std::uint64_t n, const std::string& what) {
    return n == runs_ ? std::string()
                      : what + " counts " + std::to_string(n) + " runs, the statistics " +
                            std::to_string(runs_);
  };
  for (std::size_t t = 0; t < tracks_.size(); ++t) {
    const std::string track = "track " + layout_->tracks[t].id;
    for (const std::string& e :
         {differs(tracks_[t].agreement.trials(), track + " (agreement)"),
          differs(tracks_[t].closing.total(), track + " (closing)"),
          differs(tracks_[t].survival.count(), track + " (round of agreement)")})
      if (!e.empty()) return e;
  }
  for (std::size_t p = 0; p < parties_.size(); ++p)
    if (const std::string e =
            differs(parties_[p].utility.count(), "party " + layout_->parties[p].id + " (utility)");
        !e.empty())
      return e;
  for (std::size_t j = 0; j < parameters_.size(); ++j)
    if (const std::string e =
            differs(parameters_[j].count(), "parameter " + layout_->parameters[j].pointer);
        !e.empty())
      return e;
  return "";
}

bool operator==(const SweepStatistics& a, const SweepStatistics& b) {
  return *a.layout_ == *b.layout_ && a.state() == b.state();
}

}  // namespace parley
