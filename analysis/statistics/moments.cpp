#include "analysis/statistics/moments.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "analysis/statistics/json_number.hpp"

namespace parley {
namespace {

// Order-free min and max: -0 counts as below +0, so {0, -0} has the same extremes in any order.
bool below(double a, double b) {
  return a < b || (a == b && std::signbit(a) && !std::signbit(b));
}

}  // namespace

void Moments::add(double x) {
  ++count_;
  sum_.add(x);
  sum_squares_.add_product(x, x);
  if (below(x, min_)) min_ = x;
  if (below(max_, x)) max_ = x;
}

void Moments::merge(const Moments& other) {
  if (in_block() || other.in_block())
    throw std::logic_error("Moments merged inside a block (end_block() first)");
  count_ += other.count_;
  sum_.merge(other.sum_);
  sum_squares_.merge(other.sum_squares_);
  if (below(other.min_, min_)) min_ = other.min_;
  if (below(max_, other.max_)) max_ = other.max_;
}

double Moments::mean() const {
  if (count_ == 0) return std::numeric_limits<double>::quiet_NaN();
  return (sum_.value_dd() / static_cast<double>(count_)).value();
}

double Moments::variance() const {
  if (count_ < 2) return std::numeric_limits<double>::quiet_NaN();
  const double n = static_cast<double>(count_);
  const DoubleDouble s1 = sum_.value_dd();
  const DoubleDouble squares = sum_squares_.value_dd() - (s1 * s1) / n;
  const double variance = std::max(0.0, squares.value() / (n - 1.0));
  // Every observation the same (min == max, all finite): exactly 0, where the double-double
  // formula leaves a residue of about 1e-32 of the mean's square.
  if (min_ == max_ && std::isfinite(variance)) return 0.0;
  return variance;
}

double Moments::standard_deviation() const {
  return std::sqrt(variance());
}

void to_json(nlohmann::json& json, const Moments& moments) {
  if (moments.in_block())
    throw std::logic_error("Moments written inside a block (end_block() first)");
  json = {{"kind", "moments"},
          {"count", moments.count_},
          {"sum", moments.sum_},
          {"sum_squares", moments.sum_squares_},
          {"min", exact_json_number(moments.min_)},
          {"max", exact_json_number(moments.max_)}};
}

void from_json(const nlohmann::json& json, Moments& moments) {
  expect_kind(json, "moments");
  moments.count_ = json.at("count").get<std::uint64_t>();
  moments.sum_ = json.at("sum").get<ExactSum>();
  moments.sum_squares_ = json.at("sum_squares").get<ExactSum>();
  moments.min_ = exact_number_from_json(json.at("min"));
  moments.max_ = exact_number_from_json(json.at("max"));
}

nlohmann::json summarize(const Moments& moments) {
  return {{"count", moments.count()},
          {"mean", number_or_null(moments.mean())},
          {"sd", number_or_null(moments.standard_deviation())},
          {"min", number_or_null(moments.min())},
          {"max", number_or_null(moments.max())}};
}

}  // namespace parley
