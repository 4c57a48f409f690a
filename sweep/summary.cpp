#include "sweep/summary.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "analysis/statistics/json_number.hpp"
#include "sweep/sensitivity.hpp"

namespace parley {

namespace {

constexpr int kStatusCount = static_cast<int>(TrackStatus::Suspended) + 1;
constexpr int kShareBins = 100;
constexpr int kPayoffBins = 400;
const std::pair<const char*, double> kQuantiles[] = {
    {"p05", 0.05}, {"p25", 0.25}, {"p50", 0.5}, {"p75", 0.75}, {"p95", 0.95}};

// The q-quantile of a discrete distribution given by counts per level: the smallest level whose
// cumulative count reaches q of the total. Exact, unlike a histogram's interpolation.
nlohmann::json level_quantile(const Categorical& levels, const std::vector<double>& values,
                              double q) {
  if (levels.total() == 0) return nullptr;
  const double target = q * static_cast<double>(levels.total());
  std::uint64_t cumulative = 0;
  for (std::size_t k = 0; k < values.size(); ++k) {
    cumulative += levels.count(k);
    if (static_cast<double>(cumulative) >= target && cumulative > 0) return values[k];
  }
  return values.back();
}

nlohmann::json quantiles_of(const Histogram& h) {
  nlohmann::json out;
  for (const auto& [name, q] : kQuantiles) out[name] = number_or_null(h.quantile(q));
  return out;
}

// Moments plus quantiles and the histogram itself: the distribution of a continuous number.
nlohmann::json distribution_json(const Moments& m, const Histogram& h) {
  nlohmann::json out = summarize(m);
  out["quantiles"] = quantiles_of(h);
  std::vector<std::uint64_t> counts;
  for (int k = 0; k < h.bins(); ++k) counts.push_back(h.bin_count(k));
  out["histogram"] = {{"lower", h.lower()},
                      {"upper", h.upper()},
                      {"counts", counts},
                      {"underflow", h.underflow()},
                      {"overflow", h.overflow()}};
  return out;
}

nlohmann::json share_json(const Proportion& p) {
  const Interval w = p.wilson();
  return {{"count", p.successes()},
          {"share", number_or_null(p.estimate())},
          {"wilson95", {w.lower, w.upper}}};
}

}  // namespace

SweepStatistics::SweepStatistics(std::shared_ptr<const SweepLayout> layout)
    : layout_(std::move(layout)), history_(layout_->history) {
  const SweepLayout& l = *layout_;
  parameters_.resize(l.parameters.size());
  varying_ = l.varying();
  x_.resize(varying_.size());
  u_.resize(varying_.size());
  for (const auto& track : l.tracks) {
    TrackStats stats;
    stats.closing = Categorical(kStatusCount);
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
  for (const OutcomeDef& outcome : sweep_outcomes(l)) {
    Driver d{outcome, RegressionSums(varying_.size()), SobolFirstOrder(unit), {}, {}};
    for (int j : varying_) d.bins.emplace_back(static_cast<std::size_t>(l.parameters[j].bins));
    d.cells.resize(cells_);
    drivers_.push_back(std::move(d));
  }
}

void SweepStatistics::add(std::uint64_t run, const double* drawn, const RunResult& result,
                          const RunContext& context) {
  const SweepLayout& l = *layout_;
  ++runs_;
  for (std::size_t j = 0; j < parameters_.size(); ++j) parameters_[j].add(drawn[j]);
  for (std::size_t k = 0; k < varying_.size(); ++k) {
    x_[k] = drawn[varying_[k]];
    u_[k] = cdf(l.parameters[varying_[k]].distribution, x_[k]);
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
    stats.round_given_agreement.add(track.round);
    for (std::size_t k = 0; k < stats.issues.size(); ++k) {
      const auto& issue = l.tracks[t].issues[k];
      IssueStats& is = stats.issues[k];
      const double value = track.deal.values[k];
      is.levels.add(issue.nearest_level(value));
      if (issue.kind == IssueKind::Quantity || issue.kind == IssueKind::Share) is.values.add(value);
      if (issue.kind == IssueKind::Share) is.histogram.add(value);
    }
    if (const auto& e = context.efficiency[t]) {
      stats.pareto_optimal.add(e->pareto_optimal);
      stats.distance_to_frontier.add(e->distance_to_frontier);
      if (e->nash_product_fraction) stats.nash_product_fraction.add(*e->nash_product_fraction);
      if (e->distance_to_nash) stats.distance_to_nash.add(*e->distance_to_nash);
      if (e->distance_to_kalai_smorodinsky)
        stats.distance_to_kalai_smorodinsky.add(*e->distance_to_kalai_smorodinsky);
    }
  }
  for (std::size_t p = 0; p < parties_.size(); ++p) {
    PartyStats& stats = parties_[p];
    const PartyResult& party = result.parties[p];
    stats.utility.add(party.utility);
    stats.utility_histogram.add(party.utility);
    stats.costs.add(party.costs);
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
      war_.end_round.add(w.end_round);
    } else {
      war_.end.add_censored(std::max(result.rounds - 1, 0));
    }
  }
  for (std::size_t c = 0; c < war_.costs.size(); ++c) {
    const auto& info = l.war.costs[c];
    const auto& costs = result.parties[info.party].war_costs;
    const double total =
        static_cast<std::size_t>(info.kind) < costs.size() ? costs[info.kind] : 0.0;
    war_.costs[c].total.add(total);
    war_.costs[c].histogram.add(total);
    if (result.world.ceasefire) war_.costs[c].until_ceasefire.add(total);
  }
  for (std::size_t i = 0; i < implementation_.size(); ++i) {
    const ImplementationResult& r = result.implementation[i];
    implementation_[i].signed_.add(r.signed_);
    implementation_[i].carried_out.add(r.carried_out);
    if (r.signed_)
      for (std::size_t p = 0; p < implementation_[i].fraction.size(); ++p)
        implementation_[i].fraction[p].add(r.fraction[p]);
  }
  std::size_t cell = 0;
  for (std::size_t k = 0; k < varying_.size(); ++k) {
    bin_[k] = l.bin(static_cast<std::size_t>(varying_[k]), x_[k]);
    bin_x_[k][static_cast<std::size_t>(bin_[k])].add(x_[k]);
    cell = cell * static_cast<std::size_t>(l.parameters[varying_[k]].bins) +
           static_cast<std::size_t>(bin_[k]);
  }
  for (Driver& d : drivers_) {
    double y = 0.0;
    if (!outcome_value(d.outcome, l, result, y)) continue;
    d.regression.add(x_, y);
    d.sobol.add(run, u_, y);
    for (std::size_t k = 0; k < varying_.size(); ++k)
      d.bins[k][static_cast<std::size_t>(bin_[k])].add(y);
    if (cells_ > 0) d.cells[cell].add(y);
  }
  if (context.history) history_.add(*context.history);
}

void SweepStatistics::merge(const SweepStatistics& other) {
  if (!(*layout_ == *other.layout_))
    throw std::invalid_argument("sweep statistics of different sweeps cannot merge");
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

nlohmann::json SweepStatistics::state() const {
  nlohmann::json tracks = nlohmann::json::array();
  for (const TrackStats& t : tracks_) {
    nlohmann::json issues = nlohmann::json::array();
    for (const IssueStats& i : t.issues)
      issues.push_back({{"levels", i.levels}, {"values", i.values}, {"histogram", i.histogram}});
    tracks.push_back({{"agreement", t.agreement},
                      {"closing", t.closing},
                      {"survival", t.survival},
                      {"round_given_agreement", t.round_given_agreement},
                      {"issues", issues},
                      {"pareto_optimal", t.pareto_optimal},
                      {"nash_product_fraction", t.nash_product_fraction},
                      {"distance_to_nash", t.distance_to_nash},
                      {"distance_to_kalai_smorodinsky", t.distance_to_kalai_smorodinsky},
                      {"distance_to_frontier", t.distance_to_frontier}});
  }
  nlohmann::json parties = nlohmann::json::array();
  for (const PartyStats& p : parties_)
    parties.push_back({{"utility", p.utility},
                       {"utility_histogram", p.utility_histogram},
                       {"costs", p.costs},
                       {"costs_histogram", p.costs_histogram}});
  nlohmann::json drivers = nlohmann::json::array();
  for (const Driver& d : drivers_)
    drivers.push_back(
        {{"regression", d.regression}, {"sobol", d.sobol}, {"bins", d.bins}, {"cells", d.cells}});
  nlohmann::json out = {{"runs", runs_},      {"parameters", parameters_}, {"tracks", tracks},
                        {"parties", parties}, {"drivers", drivers},        {"bin_values", bin_x_}};
  if (layout_->war.battlefield || !war_.costs.empty()) {
    nlohmann::json costs = nlohmann::json::array();
    for (const WarCostStats& c : war_.costs)
      costs.push_back(
          {{"total", c.total}, {"histogram", c.histogram}, {"until_ceasefire", c.until_ceasefire}});
    out["war"] = {{"ceasefire", war_.ceasefire},
                  {"victory_up", war_.victory_up},
                  {"victory_down", war_.victory_down},
                  {"still_fighting", war_.still_fighting},
                  {"end", war_.end},
                  {"end_round", war_.end_round},
                  {"costs", costs}};
  }
  if (!implementation_.empty()) {
    nlohmann::json items = nlohmann::json::array();
    for (const ItemStats& i : implementation_)
      items.push_back(
          {{"signed", i.signed_}, {"carried_out", i.carried_out}, {"fraction", i.fraction}});
    out["implementation"] = items;
  }
  if (layout_->history.present) out["history"] = history_.state();
  return out;
}

SweepStatistics SweepStatistics::from_state(std::shared_ptr<const SweepLayout> layout,
                                            const nlohmann::json& state) {
  SweepStatistics s(std::move(layout));
  s.runs_ = state.at("runs").get<std::uint64_t>();
  const auto& parameters = state.at("parameters");
  if (parameters.size() != s.parameters_.size() || state.at("tracks").size() != s.tracks_.size() ||
      state.at("parties").size() != s.parties_.size() ||
      state.at("drivers").size() != s.drivers_.size())
    throw std::invalid_argument("sweep state does not match its layout");
  for (std::size_t j = 0; j < s.parameters_.size(); ++j) parameters[j].get_to(s.parameters_[j]);
  for (std::size_t t = 0; t < s.tracks_.size(); ++t) {
    const auto& j = state.at("tracks")[t];
    TrackStats& track = s.tracks_[t];
    j.at("agreement").get_to(track.agreement);
    j.at("closing").get_to(track.closing);
    j.at("survival").get_to(track.survival);
    j.at("round_given_agreement").get_to(track.round_given_agreement);
    if (j.at("issues").size() != track.issues.size())
      throw std::invalid_argument("sweep state does not match its layout");
    for (std::size_t k = 0; k < track.issues.size(); ++k) {
      const auto& i = j.at("issues")[k];
      i.at("levels").get_to(track.issues[k].levels);
      i.at("values").get_to(track.issues[k].values);
      i.at("histogram").get_to(track.issues[k].histogram);
    }
    j.at("pareto_optimal").get_to(track.pareto_optimal);
    j.at("nash_product_fraction").get_to(track.nash_product_fraction);
    j.at("distance_to_nash").get_to(track.distance_to_nash);
    j.at("distance_to_kalai_smorodinsky").get_to(track.distance_to_kalai_smorodinsky);
    j.at("distance_to_frontier").get_to(track.distance_to_frontier);
  }
  for (std::size_t p = 0; p < s.parties_.size(); ++p) {
    const auto& j = state.at("parties")[p];
    j.at("utility").get_to(s.parties_[p].utility);
    j.at("utility_histogram").get_to(s.parties_[p].utility_histogram);
    j.at("costs").get_to(s.parties_[p].costs);
    j.at("costs_histogram").get_to(s.parties_[p].costs_histogram);
  }
  // Sizes checked against the layout: a state of another sweep must not load silently.
  auto read_all = [](const nlohmann::json& j, std::vector<Moments>& into) {
    if (j.size() != into.size())
      throw std::invalid_argument("sweep state does not match its layout");
    for (std::size_t k = 0; k < into.size(); ++k) j[k].get_to(into[k]);
  };
  for (std::size_t d = 0; d < s.drivers_.size(); ++d) {
    const auto& j = state.at("drivers")[d];
    Driver& driver = s.drivers_[d];
    j.at("regression").get_to(driver.regression);
    j.at("sobol").get_to(driver.sobol);
    if (j.at("bins").size() != driver.bins.size())
      throw std::invalid_argument("sweep state does not match its layout");
    for (std::size_t k = 0; k < driver.bins.size(); ++k) read_all(j.at("bins")[k], driver.bins[k]);
    read_all(j.at("cells"), driver.cells);
  }
  if (state.at("bin_values").size() != s.bin_x_.size())
    throw std::invalid_argument("sweep state does not match its layout");
  for (std::size_t k = 0; k < s.bin_x_.size(); ++k)
    read_all(state.at("bin_values")[k], s.bin_x_[k]);
  if (s.layout_->war.battlefield || !s.war_.costs.empty()) {
    const auto& w = state.at("war");
    w.at("ceasefire").get_to(s.war_.ceasefire);
    w.at("victory_up").get_to(s.war_.victory_up);
    w.at("victory_down").get_to(s.war_.victory_down);
    w.at("still_fighting").get_to(s.war_.still_fighting);
    w.at("end").get_to(s.war_.end);
    w.at("end_round").get_to(s.war_.end_round);
    if (w.at("costs").size() != s.war_.costs.size())
      throw std::invalid_argument("sweep state does not match its layout");
    for (std::size_t c = 0; c < s.war_.costs.size(); ++c) {
      w.at("costs")[c].at("total").get_to(s.war_.costs[c].total);
      w.at("costs")[c].at("histogram").get_to(s.war_.costs[c].histogram);
      w.at("costs")[c].at("until_ceasefire").get_to(s.war_.costs[c].until_ceasefire);
    }
  }
  if (!s.implementation_.empty()) {
    const auto& items = state.at("implementation");
    if (items.size() != s.implementation_.size())
      throw std::invalid_argument("sweep state does not match its layout");
    for (std::size_t i = 0; i < items.size(); ++i) {
      items[i].at("signed").get_to(s.implementation_[i].signed_);
      items[i].at("carried_out").get_to(s.implementation_[i].carried_out);
      read_all(items[i].at("fraction"), s.implementation_[i].fraction);
    }
  }
  if (s.layout_->history.present) {
    if (state.at("history").at("status_match").size() != s.layout_->history.tracks.size())
      throw std::invalid_argument("sweep state does not match its layout");
    s.history_ = HistoryTally::from_state(state.at("history"));
  }
  return s;
}

bool operator==(const SweepStatistics& a, const SweepStatistics& b) {
  return *a.layout_ == *b.layout_ && a.state() == b.state();
}

nlohmann::json SweepStatistics::summary() const {
  const SweepLayout& l = *layout_;
  nlohmann::json parameters = nlohmann::json::array();
  for (std::size_t j = 0; j < l.parameters.size(); ++j)
    parameters.push_back({{"pointer", l.parameters[j].pointer},
                          {"distribution", describe(l.parameters[j].distribution)},
                          {"drawn", summarize(parameters_[j])}});

  nlohmann::json tracks = nlohmann::json::array();
  for (std::size_t t = 0; t < tracks_.size(); ++t) {
    const TrackStats& s = tracks_[t];
    const auto& info = l.tracks[t];
    nlohmann::json closing;
    for (int k = 1; k < kStatusCount; ++k)
      closing[to_string(static_cast<TrackStatus>(k))] = share_json(s.closing.share(k));
    nlohmann::json terms = nlohmann::json::array();
    for (std::size_t k = 0; k < info.issues.size(); ++k) {
      const auto& issue = info.issues[k];
      const IssueStats& is = s.issues[k];
      nlohmann::json term = {{"issue", issue.id},
                             {"label", issue.label},
                             {"kind", to_string(issue.kind)},
                             {"agreements", is.levels.total()}};
      if (!issue.unit.empty()) term["unit"] = issue.unit;
      // Each level's share of the agreements, labelled by its name or its value.
      auto frequencies = [&](const auto& labels, const char* key) {
        nlohmann::json levels = nlohmann::json::array();
        for (std::size_t v = 0; v < labels.size(); ++v) {
          nlohmann::json level = share_json(is.levels.share(v));
          level[key] = labels[v];
          levels.push_back(std::move(level));
        }
        return levels;
      };
      if (issue.kind == IssueKind::Options || issue.kind == IssueKind::Flag) {
        term["frequencies"] = frequencies(issue.level_names, "level");
      } else {
        term["moments"] = summarize(is.values);
        nlohmann::json q;
        if (issue.kind == IssueKind::Quantity) {
          for (const auto& [name, p] : kQuantiles)
            q[name] = level_quantile(is.levels, issue.level_values, p);
          term["frequencies"] = frequencies(issue.level_values, "value");
        } else {
          q = quantiles_of(is.histogram);
        }
        term["quantiles"] = q;
      }
      terms.push_back(std::move(term));
    }
    tracks.push_back(
        {{"id", info.id},
         {"label", info.label},
         {"runs", s.agreement.trials()},
         {"agreement", summarize(s.agreement)},
         {"closing", closing},
         {"round_of_agreement",
          {{"survival", summarize(s.survival)},
           {"given_agreement", summarize(s.round_given_agreement)}}},
         {"terms", terms},
         {"efficiency",
          {{"disagreement", info.disagreement},
           {"agreements", s.pareto_optimal.trials()},
           {"pareto_optimal", summarize(s.pareto_optimal)},
           {"nash_product_fraction", summarize(s.nash_product_fraction)},
           {"distance_to_nash", summarize(s.distance_to_nash)},
           {"distance_to_kalai_smorodinsky", summarize(s.distance_to_kalai_smorodinsky)},
           {"distance_to_frontier", summarize(s.distance_to_frontier)}}}});
  }

  nlohmann::json parties = nlohmann::json::array();
  for (std::size_t p = 0; p < parties_.size(); ++p)
    parties.push_back(
        {{"id", l.parties[p].id},
         {"name", l.parties[p].name},
         {"utility", distribution_json(parties_[p].utility, parties_[p].utility_histogram)},
         {"costs", distribution_json(parties_[p].costs, parties_[p].costs_histogram)}});

  nlohmann::json drivers = nlohmann::json::array();
  for (const Driver& d : drivers_) {
    nlohmann::json driver = outcome_json(d.outcome, l);
    driver["runs"] = d.regression.count();
    const auto fit = standardized_regression(d.regression);
    const auto sobol = d.sobol.indices();
    driver["r_squared"] = fit ? number_or_null(fit->r_squared) : nlohmann::json(nullptr);
    nlohmann::json rows = nlohmann::json::array();
    nlohmann::json dependence = nlohmann::json::array();
    nlohmann::json tornado = nlohmann::json::array();
    double sobol_sum = 0.0;
    bool any_sobol = false;
    for (std::size_t k = 0; k < varying_.size(); ++k) {
      const std::string& pointer = l.parameters[varying_[k]].pointer;
      rows.push_back(
          {{"pointer", pointer},
           {"src", fit ? number_or_null(fit->coefficients[k]) : nlohmann::json(nullptr)},
           {"src_se", fit ? number_or_null(fit->standard_errors[k]) : nlohmann::json(nullptr)},
           {"sobol", number_or_null(sobol[k].estimate)},
           {"sobol_se", number_or_null(sobol[k].standard_error)}});
      if (std::isfinite(sobol[k].estimate)) {
        sobol_sum += sobol[k].estimate;
        any_sobol = true;
      }
      dependence.push_back(
          partial_dependence_json(pointer, bin_x_[k], d.bins[k], d.outcome.binary()));
      tornado.push_back(tornado_json(dependence.back()));
    }
    // The tornado lists the widest effect first (ties keep parameter order).
    auto width = [](const nlohmann::json& t) {
      return t.at("range").is_number() ? t.at("range").get<double>() : -1.0;
    };
    std::stable_sort(tornado.begin(), tornado.end(),
                     [&](const auto& a, const auto& b) { return width(a) > width(b); });
    driver["parameters"] = rows;
    driver["sobol_sum"] = any_sobol ? number_or_null(sobol_sum) : nlohmann::json(nullptr);
    driver["partial_dependence"] = dependence;
    driver["tornado"] = tornado;
    driver["notes"] = sensitivity_notes(outcome_label(d.outcome, l), dependence, rows);
    drivers.push_back(std::move(driver));
  }
  nlohmann::json out = {
      {"parameters", parameters}, {"tracks", tracks}, {"parties", parties}, {"drivers", drivers}};
  if (l.war.battlefield || !l.war.costs.empty()) out["war"] = war_summary();
  if (!l.implementation.empty()) out["implementation"] = implementation_summary();
  if (cells_ > 0) out["grid"] = grid_summary();
  if (l.history.present) out["history"] = history_.summary(l.history);
  return out;
}

nlohmann::json SweepStatistics::war_summary() const {
  const SweepLayout& l = *layout_;
  nlohmann::json out = {{"runs", runs_}, {"battlefield", l.war.battlefield}};
  if (l.war.battlefield) {
    out["end"] = {{"ceasefire", summarize(war_.ceasefire)},
                  {"victory",
                   {{l.parties[l.war.up].id, summarize(war_.victory_up)},
                    {l.parties[l.war.down].id, summarize(war_.victory_down)}}},
                  {"still_fighting", summarize(war_.still_fighting)}};
    out["end_round"] = {{"survival", summarize(war_.end)},
                        {"given_end", summarize(war_.end_round)}};
  }
  nlohmann::json costs = nlohmann::json::array();
  for (std::size_t c = 0; c < war_.costs.size(); ++c) {
    const auto& info = l.war.costs[c];
    const auto& kind = l.war.kinds[info.kind];
    costs.push_back({{"party", l.parties[info.party].id},
                     {"kind", kind.id},
                     {"label", kind.label},
                     {"unit", kind.unit},
                     {"total", distribution_json(war_.costs[c].total, war_.costs[c].histogram)},
                     {"until_ceasefire", summarize(war_.costs[c].until_ceasefire)}});
  }
  out["costs"] = costs;
  return out;
}

nlohmann::json SweepStatistics::implementation_summary() const {
  const SweepLayout& l = *layout_;
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < implementation_.size(); ++i) {
    const auto& info = l.implementation[i];
    const ItemStats& stats = implementation_[i];
    nlohmann::json parties = nlohmann::json::array();
    for (std::size_t p = 0; p < l.parties.size(); ++p)
      parties.push_back(
          {{"party", l.parties[p].id}, {"share_carried_out", summarize(stats.fraction[p])}});
    items.push_back(
        {{"id", info.id},
         {"label", info.label},
         {"track", info.track},
         {"issue", info.issue.empty() ? nlohmann::json(nullptr) : nlohmann::json(info.issue)},
         {"runs", stats.signed_.trials()},
         {"signed", summarize(stats.signed_)},
         {"carried_out", summarize(stats.carried_out)},
         {"parties", parties}});
  }
  return items;
}

nlohmann::json SweepStatistics::grid_summary() const {
  const SweepLayout& l = *layout_;
  nlohmann::json pointers = nlohmann::json::array();
  for (int j : varying_) pointers.push_back(l.parameters[j].pointer);
  nlohmann::json outcomes = nlohmann::json::array();
  for (const Driver& d : drivers_) outcomes.push_back(outcome_json(d.outcome, l));
  nlohmann::json cells = nlohmann::json::array();
  std::vector<std::size_t> level(varying_.size(), 0);
  for (std::size_t c = 0; c < cells_; ++c) {
    // The cell's level of each parameter, first parameter slowest.
    std::size_t rest = c;
    for (std::size_t k = varying_.size(); k-- > 0;) {
      const auto n = static_cast<std::size_t>(l.parameters[varying_[k]].bins);
      level[k] = rest % n;
      rest /= n;
    }
    nlohmann::json x = nlohmann::json::array();
    for (std::size_t k = 0; k < varying_.size(); ++k)
      x.push_back(number_or_null(bin_x_[k][level[k]].mean()));
    nlohmann::json values = nlohmann::json::object();
    std::uint64_t runs = 0;
    for (const Driver& d : drivers_) {
      const BinEstimate e = bin_estimate(d.cells[c], d.outcome.binary());
      if (d.outcome.kind == OutcomeKind::Agreement) runs = std::max(runs, e.runs);
      values[outcome_key(d.outcome, l)] = {
          {"runs", e.runs},
          {"mean", number_or_null(e.mean)},
          {"ci95", {number_or_null(e.lower), number_or_null(e.upper)}}};
    }
    cells.push_back({{"levels", x}, {"runs", runs}, {"outcomes", values}});
  }
  return {{"parameters", pointers}, {"outcomes", outcomes}, {"cells", cells}};
}

}  // namespace parley
