#include "analysis/statistics/categorical.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>
#include <stdexcept>

#include "analysis/statistics/json_number.hpp"

namespace parley {

void Categorical::add(std::size_t category) {
  if (category >= counts_.size()) counts_.resize(category + 1, 0);
  ++counts_[category];
  ++total_;
}

void Categorical::merge(const Categorical& other) {
  if (other.counts_.size() > counts_.size()) counts_.resize(other.counts_.size(), 0);
  for (std::size_t k = 0; k < other.counts_.size(); ++k) counts_[k] += other.counts_[k];
  total_ += other.total_;
}

std::uint64_t Categorical::count(std::size_t category) const {
  return category < counts_.size() ? counts_[category] : 0;
}

Proportion Categorical::share(std::size_t category) const {
  return Proportion(count(category), total_);
}

void to_json(nlohmann::json& json, const Categorical& categorical) {
  json = {{"kind", "categorical"}, {"counts", categorical.counts_}};
}

void from_json(const nlohmann::json& json, Categorical& categorical) {
  expect_kind(json, "categorical");
  categorical.counts_ = json.at("counts").get<std::vector<std::uint64_t>>();
  categorical.total_ =
      std::accumulate(categorical.counts_.begin(), categorical.counts_.end(), std::uint64_t{0});
}

nlohmann::json summarize(const Categorical& categorical) {
  nlohmann::json counts = nlohmann::json::array();
  nlohmann::json shares = nlohmann::json::array();
  nlohmann::json intervals = nlohmann::json::array();
  for (std::size_t k = 0; k < categorical.categories(); ++k) {
    const Proportion share = categorical.share(k);
    const Interval interval = share.wilson();
    counts.push_back(categorical.count(k));
    shares.push_back(number_or_null(share.estimate()));
    intervals.push_back({interval.lower, interval.upper});
  }
  return {{"total", categorical.total()},
          {"counts", counts},
          {"shares", shares},
          {"wilson95", intervals}};
}

}  // namespace parley
