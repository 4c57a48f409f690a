#include "analysis/statistics/proportion.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "analysis/statistics/json_number.hpp"

namespace parley {

Interval wilson_interval(std::uint64_t successes, std::uint64_t trials, double z) {
  if (successes > trials) throw std::invalid_argument("more successes than trials");
  if (trials == 0) return {0.0, 1.0};
  const double n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double z2 = z * z;
  const double denominator = 1.0 + z2 / n;
  const double centre = (p + z2 / (2.0 * n)) / denominator;
  const double half = z / denominator * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n));
  // At p = 0 (or 1) the bound is exactly 0 (or 1); do not let rounding move it.
  const double lower = successes == 0 ? 0.0 : std::clamp(centre - half, 0.0, 1.0);
  const double upper = successes == trials ? 1.0 : std::clamp(centre + half, 0.0, 1.0);
  return {lower, upper};
}

Proportion::Proportion(std::uint64_t successes, std::uint64_t trials)
    : successes_(successes), trials_(trials) {
  if (successes > trials) throw std::invalid_argument("more successes than trials");
}

std::optional<double> Proportion::estimate() const {
  if (trials_ == 0) return std::nullopt;
  return static_cast<double>(successes_) / static_cast<double>(trials_);
}

void to_json(nlohmann::json& json, const Proportion& proportion) {
  json = {
      {"kind", "proportion"}, {"successes", proportion.successes_}, {"trials", proportion.trials_}};
}

void from_json(const nlohmann::json& json, Proportion& proportion) {
  expect_kind(json, "proportion");
  proportion.successes_ = json.at("successes").get<std::uint64_t>();
  proportion.trials_ = json.at("trials").get<std::uint64_t>();
  if (proportion.successes_ > proportion.trials_) {
    throw std::invalid_argument("proportion state with more successes than trials");
  }
}

nlohmann::json summarize(const Proportion& proportion) {
  const Interval interval = proportion.wilson();
  return {{"successes", proportion.successes()},
          {"trials", proportion.trials()},
          {"estimate", number_or_null(proportion.estimate())},
          {"wilson95", {interval.lower, interval.upper}}};
}

}  // namespace parley
