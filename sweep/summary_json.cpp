// summary.json's statistics from a sweep's accumulators: parameters, tracks, parties, the war
// and implementation (the drivers and the grid: summary_drivers.cpp).
#include <cmath>

#include "analysis/statistics/json_number.hpp"
#include "sweep/summary.hpp"

namespace parley {

namespace {

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

nlohmann::json SweepStatistics::summary() const {
  if (in_block_) return settled().summary();
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
    for (int k = 1; k < kTrackStatusCount; ++k)
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

  nlohmann::json out = {{"parameters", parameters},
                        {"tracks", tracks},
                        {"parties", parties},
                        {"drivers", drivers_summary()}};
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

}  // namespace parley
