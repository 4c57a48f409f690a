#include "analysis/statistics/histogram.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "analysis/statistics/json_number.hpp"

namespace parley {
namespace {

bool below_signed(double a, double b) {
  return a < b || (a == b && std::signbit(a) && !std::signbit(b));
}

void check_binning(double lower, double upper, std::size_t bins) {
  if (!(std::isfinite(lower) && std::isfinite(upper) && lower < upper) || bins == 0) {
    throw std::invalid_argument("histogram needs finite lower < upper and at least one bin");
  }
}

}  // namespace

Histogram::Histogram(double lower, double upper, int bins) : lower_(lower), upper_(upper) {
  check_binning(lower, upper, bins > 0 ? static_cast<std::size_t>(bins) : 0);
  counts_.assign(static_cast<std::size_t>(bins), 0);
}

double Histogram::bin_lower(int k) const {
  if (k >= bins()) return upper_;
  return lower_ + (upper_ - lower_) * k / bins();
}

void Histogram::add(double x) {
  if (std::isnan(x)) {
    ++nan_;
    return;
  }
  if (below_signed(x, min_)) min_ = x;
  if (below_signed(max_, x)) max_ = x;
  if (x < lower_) {
    ++underflow_;
  } else if (x > upper_) {
    ++overflow_;
  } else {
    const double position = (x - lower_) / (upper_ - lower_) * bins();
    const auto k = std::min(static_cast<std::size_t>(position), counts_.size() - 1);
    ++counts_[k];
  }
}

void Histogram::merge(const Histogram& other) {
  if (lower_ != other.lower_ || upper_ != other.upper_ || counts_.size() != other.counts_.size()) {
    throw std::invalid_argument("merging histograms with different bins");
  }
  for (std::size_t k = 0; k < counts_.size(); ++k) counts_[k] += other.counts_[k];
  underflow_ += other.underflow_;
  overflow_ += other.overflow_;
  nan_ += other.nan_;
  if (below_signed(other.min_, min_)) min_ = other.min_;
  if (below_signed(max_, other.max_)) max_ = other.max_;
}

std::uint64_t Histogram::count() const {
  std::uint64_t total = underflow_ + overflow_;
  for (std::uint64_t c : counts_) total += c;
  return total;
}

double Histogram::quantile(double q) const {
  const std::uint64_t n = count();
  if (n == 0) return std::numeric_limits<double>::quiet_NaN();
  const double target = std::clamp(q, 0.0, 1.0) * static_cast<double>(n);
  double cumulative = 0.0;
  double found = std::numeric_limits<double>::quiet_NaN();
  // Visits one segment; true once the target falls inside it.
  auto visit = [&](std::uint64_t c, double left, double right) {
    if (c == 0) return false;
    const double inside = static_cast<double>(c);
    if (cumulative + inside < target) {
      cumulative += inside;
      return false;
    }
    left = std::clamp(left, min_, max_);
    right = std::clamp(right, min_, max_);
    found = left + (target - cumulative) / inside * (right - left);
    return true;
  };
  if (visit(underflow_, min_, lower_)) return found;
  for (int k = 0; k < bins(); ++k) {
    if (visit(counts_[k], bin_lower(k), bin_lower(k + 1))) return found;
  }
  if (visit(overflow_, upper_, max_)) return found;
  return max_;
}

void to_json(nlohmann::json& json, const Histogram& histogram) {
  json = {{"kind", "histogram"},
          {"lower", histogram.lower_},
          {"upper", histogram.upper_},
          {"counts", histogram.counts_},
          {"underflow", histogram.underflow_},
          {"overflow", histogram.overflow_},
          {"nan", histogram.nan_},
          {"min", exact_json_number(histogram.min_)},
          {"max", exact_json_number(histogram.max_)}};
}

void from_json(const nlohmann::json& json, Histogram& histogram) {
  expect_kind(json, "histogram");
  Histogram read;
  read.lower_ = json.at("lower").get<double>();
  read.upper_ = json.at("upper").get<double>();
  read.counts_ = json.at("counts").get<std::vector<std::uint64_t>>();
  check_binning(read.lower_, read.upper_, read.counts_.size());
  read.underflow_ = json.at("underflow").get<std::uint64_t>();
  read.overflow_ = json.at("overflow").get<std::uint64_t>();
  read.nan_ = json.at("nan").get<std::uint64_t>();
  read.min_ = exact_number_from_json(json.at("min"));
  read.max_ = exact_number_from_json(json.at("max"));
  histogram = std::move(read);
}

nlohmann::json summarize(const Histogram& histogram) {
  nlohmann::json quantiles;
  for (const auto& [name, q] :
       {std::pair{"p05", 0.05}, std::pair{"p25", 0.25}, std::pair{"p50", 0.5},
        std::pair{"p75", 0.75}, std::pair{"p95", 0.95}}) {
    quantiles[name] = number_or_null(histogram.quantile(q));
  }
  std::vector<std::uint64_t> counts;
  for (int k = 0; k < histogram.bins(); ++k) counts.push_back(histogram.bin_count(k));
  return {
      {"count", histogram.count()},
      {"min", number_or_null(histogram.min())},
      {"max", number_or_null(histogram.max())},
      {"quantiles", quantiles},
      {"bins", {{"lower", histogram.lower()}, {"upper", histogram.upper()}, {"counts", counts}}},
      {"underflow", histogram.underflow()},
      {"overflow", histogram.overflow()}};
}

}  // namespace parley
