#include "analysis/statistics/survival.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#include <numeric>
#include <stdexcept>
#include <string>

#include "analysis/statistics/json_number.hpp"

namespace parley {

void SurvivalCurve::grow(std::int64_t round) {
  if (round < 0) throw std::invalid_argument("negative round " + std::to_string(round));
  const auto size = static_cast<std::size_t>(round) + 1;
  if (events_.size() < size) {
    events_.resize(size, 0);
    censored_.resize(size, 0);
  }
}

void SurvivalCurve::add_event(std::int64_t round) {
  grow(round);
  ++events_[static_cast<std::size_t>(round)];
}

void SurvivalCurve::add_censored(std::int64_t round) {
  grow(round);
  ++censored_[static_cast<std::size_t>(round)];
}

void SurvivalCurve::merge(const SurvivalCurve& other) {
  if (other.events_.empty()) return;
  grow(other.last_round());
  for (std::size_t r = 0; r < other.events_.size(); ++r) {
    events_[r] += other.events_[r];
    censored_[r] += other.censored_[r];
  }
}

std::uint64_t SurvivalCurve::events() const {
  return std::accumulate(events_.begin(), events_.end(), std::uint64_t{0});
}

std::uint64_t SurvivalCurve::censored() const {
  return std::accumulate(censored_.begin(), censored_.end(), std::uint64_t{0});
}

std::vector<SurvivalCurve::Step> SurvivalCurve::table() const {
  std::vector<Step> steps;
  std::uint64_t at_risk = count();
  double survival = 1.0;
  double greenwood = 0.0;
  for (std::size_t r = 0; r < events_.size(); ++r) {
    const std::uint64_t d = events_[r];
    const std::uint64_t c = censored_[r];
    if (d == 0 && c == 0) continue;
    if (d > 0) {
      const double n = static_cast<double>(at_risk);
      const double dd = static_cast<double>(d);
      survival *= 1.0 - dd / n;
      // d == n makes S = 0; its Greenwood term is infinite but S·sqrt(...) is then 0.
      if (d < at_risk) greenwood += dd / (n * (n - dd));
    }
    const double se = survival > 0 ? survival * std::sqrt(greenwood) : 0.0;
    steps.push_back({static_cast<std::int64_t>(r), at_risk, d, c, survival, se});
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
  json = {{"kind", "survival"}, {"events", curve.events_}, {"censored", curve.censored_}};
}

void from_json(const nlohmann::json& json, SurvivalCurve& curve) {
  expect_kind(json, "survival");
  SurvivalCurve read;
  read.events_ = json.at("events").get<std::vector<std::uint64_t>>();
  read.censored_ = json.at("censored").get<std::vector<std::uint64_t>>();
  if (read.events_.size() != read.censored_.size()) {
    throw std::invalid_argument("survival state: events and censored differ in length");
  }
  // Canonical form: no empty rounds after the last observation.
  while (!read.events_.empty() && read.events_.back() == 0 && read.censored_.back() == 0) {
    read.events_.pop_back();
    read.censored_.pop_back();
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
