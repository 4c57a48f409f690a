#include "analysis/statistics/survival.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#include <numeric>
#include <stdexcept>
#include <string>

#include "analysis/statistics/json_number.hpp"

namespace parley {

void SurvivalCurve::check_round(std::int64_t round) {
  if (round < 0) throw std::invalid_argument("negative round " + std::to_string(round));
}

void SurvivalCurve::add_event(std::int64_t round) {
  check_round(round);
  ++counts_[round].events;
}

void SurvivalCurve::add_censored(std::int64_t round) {
  check_round(round);
  ++counts_[round].censored;
}

void SurvivalCurve::merge(const SurvivalCurve& other) {
  for (const auto& [round, c] : other.counts_) {
    Counts& mine = counts_[round];
    mine.events += c.events;
    mine.censored += c.censored;
  }
}

std::uint64_t SurvivalCurve::events() const {
  std::uint64_t n = 0;
  for (const auto& [round, c] : counts_) n += c.events;
  return n;
}

std::uint64_t SurvivalCurve::censored() const {
  std::uint64_t n = 0;
  for (const auto& [round, c] : counts_) n += c.censored;
  return n;
}

std::vector<SurvivalCurve::Step> SurvivalCurve::table() const {
  std::vector<Step> steps;
  std::uint64_t at_risk = count();
  double survival = 1.0;
  double greenwood = 0.0;
  for (const auto& [r, counts] : counts_) {
    const std::uint64_t d = counts.events;
    const std::uint64_t c = counts.censored;
    if (d == 0 && c == 0) continue;
    if (d > 0) {
      const double n = static_cast<double>(at_risk);
      const double dd = static_cast<double>(d);
      survival *= 1.0 - dd / n;
      // d == n makes S = 0; its Greenwood term is infinite but S·sqrt(...) is then 0.
      if (d < at_risk) greenwood += dd / (n * (n - dd));
    }
    const double se = survival > 0 ? survival * std::sqrt(greenwood) : 0.0;
    steps.push_back({r, at_risk, d, c, survival, se});
    at_risk -= d + c;
  }
  return steps;
}

double SurvivalCurve::survival(std::int64_t round) const {
  double s = 1.0;
  for (const Step& step : table()) {
    if (step.round > round) break;
    s = step.survival;
  }
  return s;
}

std::optional<std::int64_t> SurvivalCurve::quantile(double q) const {
  for (const Step& step : table()) {
    if (step.survival <= 1.0 - q) return step.round;
  }
  return std::nullopt;
}

void to_json(nlohmann::json& json, const SurvivalCurve& curve) {
  std::vector<std::int64_t> rounds;
  std::vector<std::uint64_t> events;
  std::vector<std::uint64_t> censored;
  for (const auto& [round, c] : curve.counts_) {
    rounds.push_back(round);
    events.push_back(c.events);
    censored.push_back(c.censored);
  }
  json = {{"kind", "survival"}, {"rounds", rounds}, {"events", events}, {"censored", censored}};
}

void from_json(const nlohmann::json& json, SurvivalCurve& curve) {
  expect_kind(json, "survival");
  const auto events = json.at("events").get<std::vector<std::uint64_t>>();
  const auto censored = json.at("censored").get<std::vector<std::uint64_t>>();
  if (events.size() != censored.size())
    throw std::invalid_argument("survival state: events and censored differ in length");
  std::vector<std::int64_t> rounds;
  if (json.contains("rounds")) {
    rounds = json.at("rounds").get<std::vector<std::int64_t>>();
    if (rounds.size() != events.size())
      throw std::invalid_argument("survival state: rounds and counts differ in length");
  } else {
    for (std::size_t r = 0; r < events.size(); ++r) rounds.push_back(static_cast<std::int64_t>(r));
  }
  SurvivalCurve read;
  for (std::size_t k = 0; k < rounds.size(); ++k) {
    SurvivalCurve::check_round(rounds[k]);
    if (k > 0 && rounds[k] <= rounds[k - 1])
      throw std::invalid_argument("survival state: rounds not in increasing order");
    // Canonical form: rounds without observations are not kept.
    if (events[k] == 0 && censored[k] == 0) continue;
    read.counts_[rounds[k]] = {events[k], censored[k]};
  }
  curve = std::move(read);
}

nlohmann::json summarize(const SurvivalCurve& curve) {
  auto round_or_null = [](std::optional<std::int64_t> r) {
    return r ? nlohmann::json(*r) : nlohmann::json(nullptr);
  };
  nlohmann::json quantiles;
  for (const auto& [name, q] :
       {std::pair{"p05", 0.05}, std::pair{"p25", 0.25}, std::pair{"p50", 0.5},
        std::pair{"p75", 0.75}, std::pair{"p95", 0.95}}) {
    quantiles[name] = round_or_null(curve.quantile(q));
  }
  nlohmann::json steps = nlohmann::json::array();
  for (const SurvivalCurve::Step& step : curve.table()) {
    steps.push_back({{"round", step.round},
                     {"at_risk", step.at_risk},
                     {"events", step.events},
                     {"censored", step.censored},
                     {"survival", step.survival},
                     {"se", step.standard_error}});
  }
  return {{"runs", curve.count()},        {"events", curve.events()},
          {"censored", curve.censored()}, {"median", round_or_null(curve.median())},
          {"quantiles", quantiles},       {"steps", steps}};
}

}  // namespace parley
