#pragma once
#include <cstdint>
#include <limits>
#include <nlohmann/json_fwd.hpp>
#include <vector>

namespace parley {

// A fixed-bin histogram of a stream of numbers, with quantile estimates. Bins are equal
// width over [lower, upper]; bin k holds [lower + k·w, lower + (k+1)·w), and the last bin
// also holds x = upper, so a utility of exactly 1 lands inside [0, 1]. Values outside go to
// underflow/overflow counts; NaN is counted apart and ignored otherwise. The exact minimum
// and maximum are kept too. Integer counts: merges are exact in any order.
class Histogram {
 public:
  Histogram() = default;  // one bin over [0, 1]
  Histogram(double lower, double upper, int bins);

  void add(double x);
  // Both must have the same lower, upper and bins (std::invalid_argument otherwise).
  void merge(const Histogram& other);

  double lower() const { return lower_; }
  double upper() const { return upper_; }
  int bins() const { return static_cast<int>(counts_.size()); }
  double bin_lower(int k) const;  // bin_lower(bins()) == upper()
  std::uint64_t bin_count(int k) const { return counts_[k]; }
  std::uint64_t underflow() const { return underflow_; }
  std::uint64_t overflow() const { return overflow_; }
  std::uint64_t nan_count() const { return nan_; }
  std::uint64_t count() const;         // every non-NaN observation
  double min() const { return min_; }  // +inf when empty
  double max() const { return max_; }  // -inf when empty

  // The q-quantile (q in [0, 1]) by linear interpolation inside the bin where the
  // cumulative count reaches q·n, each bin's span clipped to [min, max]; the underflow
  // segment spans [min, lower] and the overflow one [upper, max]. quantile(0) = min,
  // quantile(1) = max. Accurate to a bin width. NaN when empty.
  double quantile(double q) const;

  friend bool operator==(const Histogram&, const Histogram&) = default;
  friend void to_json(nlohmann::json& json, const Histogram& histogram);
  friend void from_json(const nlohmann::json& json, Histogram& histogram);

 private:
  double lower_ = 0.0;
  double upper_ = 1.0;
  std::vector<std::uint64_t> counts_ = std::vector<std::uint64_t>(1);
  std::uint64_t underflow_ = 0;
  std::uint64_t overflow_ = 0;
  std::uint64_t nan_ = 0;
  double min_ = std::numeric_limits<double>::infinity();
  double max_ = -std::numeric_limits<double>::infinity();
};

// {"count", "min", "max", "quantiles": {"p05", "p25", "p50", "p75", "p95"},
//  "bins": {"lower", "upper", "counts"}, "underflow", "overflow"}; undefined values null.
nlohmann::json summarize(const Histogram& histogram);

}  // namespace parley
