#include "analysis/statistics/sobol.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "analysis/statistics/json_number.hpp"

namespace parley {

SobolFirstOrder::SobolFirstOrder(std::vector<Range> ranges, int bins, int batches)
    : ranges_(std::move(ranges)), bins_(bins) {
  if (bins < 2 || batches < 1) {
    throw std::invalid_argument("Sobol estimator needs at least 2 bins and 1 batch");
  }
  for (const Range& range : ranges_) {
    if (!(std::isfinite(range.lower) && std::isfinite(range.upper) && range.lower < range.upper)) {
      throw std::invalid_argument("Sobol estimator needs finite ranges with lower < upper");
    }
  }
  batches_.assign(static_cast<std::size_t>(batches), empty_batch());
}

SobolFirstOrder::Batch SobolFirstOrder::empty_batch() const {
  Batch batch;
  batch.bin_counts.assign(ranges_.size() * static_cast<std::size_t>(bins_), 0);
  batch.bin_sums.assign(ranges_.size() * static_cast<std::size_t>(bins_), ExactSum{});
  batch.block_bin_sums.assign(batch.bin_sums.size(), BlockSum{});
  return batch;
}

void SobolFirstOrder::check_inputs(std::span<const double> x) const {
  if (x.size() != ranges_.size()) {
    throw std::invalid_argument("Sobol estimator: expected " + std::to_string(ranges_.size()) +
                                " inputs, got " + std::to_string(x.size()));
  }
  if (batches_.empty()) throw std::logic_error("Sobol estimator used before configuration");
}

std::size_t SobolFirstOrder::cell(std::size_t j, double x) const {
  if (std::isnan(x)) throw std::invalid_argument("Sobol estimator: NaN input");
  const Range& range = ranges_[j];
  const double position = (x - range.lower) / (range.upper - range.lower) * bins_;
  const double clamped = std::clamp(position, 0.0, static_cast<double>(bins_ - 1));
  return j * static_cast<std::size_t>(bins_) + static_cast<std::size_t>(clamped);
}

void SobolFirstOrder::add(std::uint64_t run_index, std::span<const double> x, double y) {
  check_inputs(x);
  Batch& batch = batches_[run_index % batches_.size()];
  ++batch.count;
  batch.sum.add(y);
  batch.sum_squares.add_product(y, y);
  for (std::size_t j = 0; j < x.size(); ++j) {
    const std::size_t c = cell(j, x[j]);
    ++batch.bin_counts[c];
    batch.bin_sums[c].add(y);
  }
}

void SobolFirstOrder::add_in_block(std::uint64_t run_index, std::span<const double> x, double y) {
  check_inputs(x);
  Batch& batch = batches_[run_index % batches_.size()];
  ++pending_;
  ++batch.count;
  batch.block_sum.add(y, batch.sum);
  batch.block_squares.add_product(y, y, batch.sum_squares);
  for (std::size_t j = 0; j < x.size(); ++j) {
    const std::size_t c = cell(j, x[j]);
    ++batch.bin_counts[c];
    batch.block_bin_sums[c].add(y, batch.bin_sums[c]);
  }
}

void SobolFirstOrder::cells_of(std::span<const double> x, std::span<std::size_t> cells) const {
  check_inputs(x);
  for (std::size_t j = 0; j < x.size(); ++j) cells[j] = cell(j, x[j]);
}

void SobolFirstOrder::add_cells_in_block(std::uint64_t run_index,
                                         std::span<const std::size_t> cells, double y) {
  if (cells.size() != ranges_.size() || batches_.empty())
    throw std::invalid_argument("Sobol estimator: cells of another set-up");
  Batch& batch = batches_[run_index % batches_.size()];
  ++pending_;
  ++batch.count;
  if (y == 0.0) {  // adds nothing to any sum (block_sum.hpp): the counts only
    for (const std::size_t c : cells) ++batch.bin_counts[c];
    return;
  }
  batch.block_sum.add(y, batch.sum);
  batch.block_squares.add_product(y, y, batch.sum_squares);
  for (const std::size_t c : cells) {
    ++batch.bin_counts[c];
    batch.block_bin_sums[c].add(y, batch.bin_sums[c]);
  }
}

void SobolFirstOrder::end_block() {
  if (pending_ == 0) return;
  for (Batch& batch : batches_) {
    batch.block_sum.commit(batch.sum);
    batch.block_squares.commit(batch.sum_squares);
    for (std::size_t c = 0; c < batch.bin_sums.size(); ++c)
      if (!batch.block_bin_sums[c].empty()) batch.block_bin_sums[c].commit(batch.bin_sums[c]);
  }
  pending_ = 0;
}

void SobolFirstOrder::merge_batch(Batch& into, const Batch& from) const {
  into.count += from.count;
  into.sum.merge(from.sum);
  into.sum_squares.merge(from.sum_squares);
  for (std::size_t c = 0; c < into.bin_counts.size(); ++c) {
    into.bin_counts[c] += from.bin_counts[c];
    into.bin_sums[c].merge(from.bin_sums[c]);
  }
}

void SobolFirstOrder::merge(const SobolFirstOrder& other) {
  if (in_block() || other.in_block())
    throw std::logic_error("Sobol estimators merged inside a block (end_block() first)");
  if (other.ranges_ != ranges_ || other.bins_ != bins_ ||
      other.batches_.size() != batches_.size()) {
    throw std::invalid_argument("merging Sobol estimators with different set-ups");
  }
  for (std::size_t b = 0; b < batches_.size(); ++b) merge_batch(batches_[b], other.batches_[b]);
}

std::uint64_t SobolFirstOrder::count() const {
  std::uint64_t total = 0;
  for (const Batch& batch : batches_) total += batch.count;
  return total;
}

double SobolFirstOrder::estimate(const Batch& batch, std::size_t input) const {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double n = static_cast<double>(batch.count);
  const DoubleDouble sum = batch.sum.value_dd();
  const DoubleDouble grand = sum * sum / n;
  const double total = (batch.sum_squares.value_dd() - grand).value();  // SS_T
  DoubleDouble between_raw;  // sum over bins of (bin sum)^2 / bin count
  double occupied = 0.0;
  for (int b = 0; b < bins_; ++b) {
    const std::size_t cell = input * static_cast<std::size_t>(bins_) + static_cast<std::size_t>(b);
    if (batch.bin_counts[cell] == 0) continue;
    const DoubleDouble bin_sum = batch.bin_sums[cell].value_dd();
    between_raw = between_raw + bin_sum * bin_sum / static_cast<double>(batch.bin_counts[cell]);
    occupied += 1.0;
  }
  if (!(total > 0) || n <= occupied) return nan;
  const double between = std::max(0.0, (between_raw - grand).value());  // SS_B
  const double within = std::max(0.0, total - between);                 // SS_W
  return (between - (occupied - 1.0) * within / (n - occupied)) / total;
}

std::vector<SobolFirstOrder::Index> SobolFirstOrder::indices() const {
  std::vector<Index> result(ranges_.size());
  if (batches_.empty()) return result;
  Batch pooled = empty_batch();
  for (const Batch& batch : batches_) merge_batch(pooled, batch);
  for (std::size_t j = 0; j < ranges_.size(); ++j) {
    result[j].estimate = estimate(pooled, j);
    double sum = 0.0;
    double sum_squares = 0.0;
    double defined = 0.0;
    for (const Batch& batch : batches_) {
      const double s = estimate(batch, j);
      if (std::isnan(s)) continue;
      sum += s;
      sum_squares += s * s;
      defined += 1.0;
    }
    if (defined < 2.0) {
      result[j].standard_error = std::numeric_limits<double>::quiet_NaN();
    } else {
      const double mean = sum / defined;
      const double variance = std::max(0.0, (sum_squares - defined * mean * mean) / (defined - 1));
      result[j].standard_error = std::sqrt(variance / defined);
    }
  }
  return result;
}

void to_json(nlohmann::json& json, const SobolFirstOrder& sobol) {
  if (sobol.in_block())
    throw std::logic_error("Sobol estimator written inside a block (end_block() first)");
  nlohmann::json ranges = nlohmann::json::array();
  for (const auto& range : sobol.ranges_) ranges.push_back({range.lower, range.upper});
  nlohmann::json batches = nlohmann::json::array();
  for (const auto& batch : sobol.batches_) {
    batches.push_back({{"count", batch.count},
                       {"sum", batch.sum},
                       {"sum_squares", batch.sum_squares},
                       {"bin_counts", batch.bin_counts},
                       {"bin_sums", batch.bin_sums}});
  }
  json = {{"kind", "sobol_first_order"},
          {"bins", sobol.bins_},
          {"ranges", ranges},
          {"batches", batches}};
}

void from_json(const nlohmann::json& json, SobolFirstOrder& sobol) {
  expect_kind(json, "sobol_first_order");
  std::vector<SobolFirstOrder::Range> ranges;
  for (const auto& range : json.at("ranges")) {
    ranges.push_back({range.at(0).get<double>(), range.at(1).get<double>()});
  }
  const auto& batches = json.at("batches");
  SobolFirstOrder read(std::move(ranges), json.at("bins").get<int>(),
                       static_cast<int>(batches.size()));
  for (std::size_t b = 0; b < batches.size(); ++b) {
    SobolFirstOrder::Batch& batch = read.batches_[b];
    batch.count = batches[b].at("count").get<std::uint64_t>();
    batch.sum = batches[b].at("sum").get<ExactSum>();
    batch.sum_squares = batches[b].at("sum_squares").get<ExactSum>();
    auto counts = batches[b].at("bin_counts").get<std::vector<std::uint64_t>>();
    auto sums = batches[b].at("bin_sums").get<std::vector<ExactSum>>();
    if (counts.size() != batch.bin_counts.size() || sums.size() != batch.bin_sums.size()) {
      throw std::invalid_argument("Sobol state: bins do not match the inputs");
    }
    batch.bin_counts = std::move(counts);
    batch.bin_sums = std::move(sums);
  }
  sobol = std::move(read);
}

nlohmann::json summarize(const SobolFirstOrder& sobol) {
  nlohmann::json estimates = nlohmann::json::array();
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& index : sobol.indices()) {
    estimates.push_back(number_or_null(index.estimate));
    errors.push_back(number_or_null(index.standard_error));
  }
  return {{"runs", sobol.count()}, {"indices", estimates}, {"standard_errors", errors}};
}

}  // namespace parley
