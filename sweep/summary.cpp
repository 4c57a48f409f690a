#include "sweep/summary.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "analysis/statistics/json_number.hpp"

namespace parley {

namespace {

constexpr int kStatusCount = static_cast<int>(TrackStatus::Suspended) + 1;
constexpr int kShareBins = 100;
constexpr int kPayoffBins = 400;
const std::pair<const char*, double> kQuantiles[] = {
    {"p05", 0.05}, {"p25", 0.25}, {"p50", 0.5}, {"p75", 0.75}, {"p95", 0.95}};

// The level whose value is nearest to x (values ascending); deals on the grid hit it exactly.
std::size_t nearest_level(const std::vector<double>& values, double x) {
  const auto it = std::lower_bound(values.begin(), values.end(), x);
  if (it == values.begin()) return 0;
  if (it == values.end()) return values.size() - 1;
  const auto below = it - 1;
  return static_cast<std::size_t>((x - *below <= *it - x) ? below - values.begin()
                                                          : it - values.begin());
}

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
  if (varying_.empty()) return;
  // The Sobol estimator bins the parameters' CDF values, so its bins are equally likely.
  const std::vector<SobolFirstOrder::Range> unit(varying_.size(), SobolFirstOrder::Range{0, 1});
  auto driver = [&](Outcome outcome, int track, int party) {
    drivers_.push_back(
        {outcome, track, party, RegressionSums(varying_.size()), SobolFirstOrder(unit)});
  };
  for (std::size_t t = 0; t < l.tracks.size(); ++t) {
    driver(Outcome::Agreement, static_cast<int>(t), -1);
    driver(Outcome::RoundOfAgreement, static_cast<int>(t), -1);
  }
  for (std::size_t p = 0; p < l.parties.size(); ++p)
    driver(Outcome::Utility, -1, static_cast<int>(p));
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
      is.levels.add(nearest_level(issue.level_values, value));
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
  for (Driver& d : drivers_) {
    double y = 0.0;
    if (d.party >= 0) {
      y = result.parties[d.party].utility;
    } else {
      const TrackResult& track = result.tracks[d.track];
      const bool agreed = track.status == TrackStatus::Agreed;
      if (d.outcome == Outcome::Agreement) {
        y = agreed ? 1.0 : 0.0;
      } else {
        if (!agreed) continue;  // the round of agreement exists only for agreements
        y = track.round;
      }
    }
    d.regression.add(x_, y);
    d.sobol.add(run, u_, y);
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
    drivers_[d].regression.merge(other.drivers_[d].regression);
    drivers_[d].sobol.merge(other.drivers_[d].sobol);
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
    drivers.push_back({{"regression", d.regression}, {"sobol", d.sobol}});
  nlohmann::json out = {{"runs", runs_},
                        {"parameters", parameters_},
                        {"tracks", tracks},
                        {"parties", parties},
                        {"drivers", drivers}};
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
  for (std::size_t d = 0; d < s.drivers_.size(); ++d) {
    state.at("drivers")[d].at("regression").get_to(s.drivers_[d].regression);
    state.at("drivers")[d].at("sobol").get_to(s.drivers_[d].sobol);
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
          {{"agreements", s.pareto_optimal.trials()},
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
    const char* outcome = d.outcome == Outcome::Agreement          ? "agreement"
                          : d.outcome == Outcome::RoundOfAgreement ? "round_of_agreement"
                                                                   : "utility";
    nlohmann::json driver = {{"outcome", outcome}};
    if (d.track >= 0) driver["track"] = l.tracks[d.track].id;
    if (d.party >= 0) driver["party"] = l.parties[d.party].id;
    driver["runs"] = d.regression.count();
    const auto fit = standardized_regression(d.regression);
    const auto sobol = d.sobol.indices();
    driver["r_squared"] = fit ? number_or_null(fit->r_squared) : nlohmann::json(nullptr);
    nlohmann::json rows = nlohmann::json::array();
    for (std::size_t k = 0; k < varying_.size(); ++k) {
      rows.push_back(
          {{"pointer", l.parameters[varying_[k]].pointer},
           {"src", fit ? number_or_null(fit->coefficients[k]) : nlohmann::json(nullptr)},
           {"src_se", fit ? number_or_null(fit->standard_errors[k]) : nlohmann::json(nullptr)},
           {"sobol", number_or_null(sobol[k].estimate)},
           {"sobol_se", number_or_null(sobol[k].standard_error)}});
    }
    driver["parameters"] = rows;
    drivers.push_back(std::move(driver));
  }
  nlohmann::json out = {
      {"parameters", parameters}, {"tracks", tracks}, {"parties", parties}, {"drivers", drivers}};
  if (l.history.present) out["history"] = history_.summary(l.history);
  return out;
}

}  // namespace parley
