#pragma once
#include <cstddef>
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <span>
#include <vector>

#include "analysis/statistics/block_sum.hpp"
#include "analysis/statistics/exact_sum.hpp"

namespace parley {

// First-order Sobol indices S_j = Var(E[y | x_j]) / Var(y) from a stream of Monte Carlo runs,
// by binning: each input's range is cut into equal-width bins and the variance of the bin
// means of y estimates Var(E[y | x_j]) (the correlation ratio; Pearson 1905, as used for
// given-data sensitivity by Plischke 2010). It needs no special design (no pick-freeze
// pairs): any sweep's independent draws will do. Give it the inputs' CDF values (in [0, 1])
// to make the bins equally likely; raw values work if the range is known.
//
// Estimator, per input, with k non-empty bins, n runs, SS_T the total and SS_B the
// between-bin sum of squares of y, SS_W = SS_T - SS_B:
//   S = (SS_B - (k - 1) · SS_W / (n - k)) / SS_T
// (epsilon-squared: it subtracts the between-bin variance that noise alone produces, so an
// irrelevant input scores ~0, possibly slightly negative, rather than ~(k-1)/n). Binning
// also smooths E[y | x_j] within a bin, which biases S down by about the within-bin share
// of its variance (for a linear effect, 1/bins^2).
//
// Standard errors by batch means: run i goes to batch i mod B; the index is estimated per
// batch and se = sd(batch estimates) / sqrt(B). Every sum is exact, so results are
// bit-identical for any split of the runs and any merge order. Memory:
// B · inputs · bins exact sums of 552 bytes (8 · 10 · 32 → 1.4 MB), independent of runs.
class SobolFirstOrder {
 public:
  struct Range {
    double lower = 0.0;
    double upper = 1.0;
    friend bool operator==(const Range&, const Range&) = default;
  };

  SobolFirstOrder() = default;
  explicit SobolFirstOrder(std::vector<Range> ranges, int bins = 32, int batches = 8);

  // x.size() == inputs(); values outside a range count in its first or last bin.
  void add(std::uint64_t run_index, std::span<const double> x, double y);
  // The sweep's hot path: the block's sums in double-double, added to the exact sums by
  // end_block() (as Moments::add_in_block; merge and to_json refuse in between).
  void add_in_block(std::uint64_t run_index, std::span<const double> x, double y);
  // The same, with the inputs' cells computed once by cells_of (a sweep's outcomes share their
  // inputs, so their estimators, set up alike, share the cells).
  void cells_of(std::span<const double> x, std::span<std::size_t> cells) const;
  void add_cells_in_block(std::uint64_t run_index, std::span<const std::size_t> cells, double y);
  void end_block();
  bool in_block() const { return pending_ != 0; }
  // Same ranges, bins and batches (std::invalid_argument otherwise).
  void merge(const SobolFirstOrder& other);

  std::size_t inputs() const { return ranges_.size(); }
  std::uint64_t count() const;

  struct Index {
    double estimate = 0.0;        // NaN when undefined (y constant, too few runs)
    double standard_error = 0.0;  // NaN with fewer than 2 batches that have an estimate
  };
  std::vector<Index> indices() const;

  friend bool operator==(const SobolFirstOrder&, const SobolFirstOrder&) = default;
  friend void to_json(nlohmann::json& json, const SobolFirstOrder& sobol);
  friend void from_json(const nlohmann::json& json, SobolFirstOrder& sobol);

 private:
  struct Batch {
    std::uint64_t count = 0;
    ExactSum sum;
    ExactSum sum_squares;
    std::vector<std::uint64_t> bin_counts;  // input-major: input * bins + bin
    std::vector<ExactSum> bin_sums;
    // This block's share of sum, sum_squares and bin_sums (add_in_block).
    BlockSum block_sum, block_squares;
    std::vector<BlockSum> block_bin_sums;
    friend bool operator==(const Batch&, const Batch&) = default;
  };
  Batch empty_batch() const;
  // The cell of input j's value x (bins clamped at the ends); throws on NaN.
  std::size_t cell(std::size_t j, double x) const;
  void check_inputs(std::span<const double> x) const;
  void merge_batch(Batch& into, const Batch& from) const;
  double estimate(const Batch& batch, std::size_t input) const;

  std::vector<Range> ranges_;
  int bins_ = 32;
  std::vector<Batch> batches_;
  std::uint64_t pending_ = 0;  // runs since end_block()
};

// {"runs", "indices": [...], "standard_errors": [...]}; undefined values are null.
nlohmann::json summarize(const SobolFirstOrder& sobol);

}  // namespace parley
