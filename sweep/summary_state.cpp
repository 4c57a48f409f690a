// The exact state of a sweep's statistics (state.json, shards, checkpoints) and reading it
// back bit for bit.
#include <stdexcept>

#include "sweep/summary.hpp"

namespace parley {

nlohmann::json SweepStatistics::state() const {
  if (in_block_) return settled().state();
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

}  // namespace parley
