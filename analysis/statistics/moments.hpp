#pragma once
#include <cmath>
#include <cstdint>
#include <limits>
#include <nlohmann/json_fwd.hpp>

#include "analysis/statistics/block_sum.hpp"
#include "analysis/statistics/exact_sum.hpp"

namespace parley {

// Count, mean, variance, minimum and maximum of a stream of numbers, mergeable with
// bit-identical results for ANY split and ANY merge order (docs/architecture.md, rule 5): the sum
// and the sum of squares are kept exactly (analysis/statistics/exact_sum.hpp; each square enters as
// its rounded value plus its fma rounding error), and the minimum and maximum are order-free.
// Welford/Chan updates were the alternative; their merges round differently in different
// orders, so they would tie the sweep to one merge order.
//
// The variance is read as (S2 - S1^2/n) / (n - 1) in double-double arithmetic, so the
// cancellation is harmless unless the standard deviation is below ~1e-15 of the mean.
//
// In a block (the sweep's hot path), add_in_block() keeps the block's sums in double-double
// (analysis/statistics/block_sum.hpp) and end_block() adds them to the exact sums: a block's
// share then depends on its values in their order, and totals on nothing else. Between
// add_in_block() and end_block() the sums and the state are incomplete: merge and to_json
// refuse (std::logic_error).
class Moments {
 public:
  void add(double x);
  void add_in_block(double x) {
    ++count_;
    ++pending_;
    if (x != 0.0) {  // a zero adds nothing to either sum (block_sum.hpp)
      block_sum_.add(x, sum_);
      block_squares_.add_product(x, x, sum_squares_);
    }
    update_extremes(x);
  }
  // The same, with x's square computed once for several Moments.
  void add_in_block(const SquaredValue& x) {
    ++count_;
    ++pending_;
    if (x.value != 0.0) {
      block_sum_.add(x.value, sum_);
      block_squares_.add_square(x, sum_squares_);
    }
    update_extremes(x.value);
  }
  void end_block() {
    if (pending_ == 0) return;
    block_sum_.commit(sum_);
    block_squares_.commit(sum_squares_);
    pending_ = 0;
  }
  bool in_block() const { return pending_ != 0; }
  void merge(const Moments& other);

  std::uint64_t count() const { return count_; }
  double sum() const { return sum_.value(); }
  double mean() const;                 // NaN when empty
  double variance() const;             // sample variance (n - 1); NaN below 2 observations,
                                       // exactly 0 when every observation is the same
  double standard_deviation() const;   // sqrt(variance())
  double min() const { return min_; }  // +inf when empty; NaN observations are skipped
  double max() const { return max_; }  // -inf when empty

  friend bool operator==(const Moments& a, const Moments& b) = default;
  friend void to_json(nlohmann::json& json, const Moments& moments);
  friend void from_json(const nlohmann::json& json, Moments& moments);

 private:
  // Order-free: -0 counts as below +0, so {0, -0} has the same extremes in any order.
  void update_extremes(double x) {
    if (x < min_ || (x == min_ && std::signbit(x) && !std::signbit(min_))) min_ = x;
    if (max_ < x || (max_ == x && std::signbit(max_) && !std::signbit(x))) max_ = x;
  }

  std::uint64_t count_ = 0;
  std::uint64_t pending_ = 0;  // additions since the last end_block()
  BlockSum block_sum_;
  BlockSum block_squares_;
  ExactSum sum_;
  ExactSum sum_squares_;
  double min_ = std::numeric_limits<double>::infinity();
  double max_ = -std::numeric_limits<double>::infinity();
};

// {"count", "mean", "sd", "min", "max"}; undefined values are null.
nlohmann::json summarize(const Moments& moments);

}  // namespace parley
