#pragma once
#include <Eigen/Core>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <span>
#include <vector>

#include "analysis/statistics/block_sum.hpp"
#include "analysis/statistics/exact_sum.hpp"

namespace parley {

// The sums a linear regression of an outcome y on p predictors x needs — n, sum z_i and
// sum z_i z_j for z = (x_1..x_p, y) — kept exactly (analysis/statistics/exact_sum.hpp; products
// enter as their rounded value plus the fma rounding error). So the sums, and everything derived
// from them, are bit-identical for any split of the runs and any merge order. Memory:
// (p+2)(p+3)/2 exact sums of 552 bytes, independent of the number of runs.
//
// For "what drives the outcome": x are a run's drawn uncertain parameters, y a
// headline outcome (1/0 agreement, the round of agreement).
class RegressionSums {
 public:
  RegressionSums() = default;
  explicit RegressionSums(std::size_t predictors);

  void add(std::span<const double> x, double y);  // x.size() == predictors()
  // The sweep's hot path: the block's sums in double-double, added to the exact sums by
  // end_block() (as Moments::add_in_block; merge and to_json refuse in between).
  void add_in_block(std::span<const double> x, double y);
  void end_block();

  class PredictorBlock;
  // One run's predictors and their pairwise exact products (i <= j, row by row), for every
  // PredictorBlock the run belongs to.
  class PredictorProducts {
   public:
    explicit PredictorProducts(std::size_t predictors = 0);
    void set(std::span<const ProductFactor> x);

   private:
    friend class PredictorBlock;
    std::vector<ProductFactor> x_;
    std::vector<DoubleDouble> products_;  // where both factors are in range
    bool all_in_range_ = false;
  };

  // Many outcomes regressed on the same predictors over the same runs share the predictors'
  // own sums (sum x_i, sum x_i x_j: most of the work). A PredictorBlock keeps them once per
  // block; add_outcome_in_block adds only the terms with y, and end_block(shared) takes the
  // rest from the PredictorBlock, which must have seen exactly the same runs in the same order.
  // The result is the same bits as add_in_block for every outcome.
  class PredictorBlock {
   public:
    explicit PredictorBlock(std::size_t predictors = 0);
    void add(std::span<const double> x);
    // The same sums, from the predictors checked and split once per run (the sweep's path).
    void add(std::span<const ProductFactor> x);
    // The same sums, from a run's products computed once (several sets of runs take them).
    void add(const PredictorProducts& run);
    void clear();  // after every outcome sharing it has ended its block

   private:
    friend class RegressionSums;
    std::size_t predictors_ = 0;
    std::vector<BlockSum> sums_, products_;              // x_i; x_i x_j (i <= j, row by row)
    std::vector<ExactSum> large_sums_, large_products_;  // values a BlockSum passes on
    bool large_ = false;                                 // any of those
  };
  void add_outcome_in_block(std::span<const double> x, double y);
  // The same bits, from factors (PredictorBlock::add); an outcome of zero adds only its count.
  void add_outcome_in_block(std::span<const ProductFactor> x, const ProductFactor& y);
  void end_block(const PredictorBlock& shared);
  bool in_block() const { return pending_ != 0; }
  void merge(const RegressionSums& other);  // same number of predictors

  std::size_t predictors() const { return predictors_; }
  std::uint64_t count() const { return count_; }
  // sum (z_i - mean_i)(z_j - mean_j) over runs, for z = (x_1..x_p, y), computed from the
  // exact sums in double-double and rounded: a (p+1) x (p+1) matrix, y last.
  Eigen::MatrixXd centered_cross_products() const;

  friend bool operator==(const RegressionSums&, const RegressionSums&) = default;
  friend void to_json(nlohmann::json& json, const RegressionSums& sums);
  friend void from_json(const nlohmann::json& json, RegressionSums& sums);

 private:
  std::size_t index(std::size_t i, std::size_t j) const;  // upper triangle, i <= j

  std::size_t predictors_ = 0;
  std::uint64_t count_ = 0;
  std::vector<ExactSum> sums_ = std::vector<ExactSum>(1);      // sum z_i
  std::vector<ExactSum> products_ = std::vector<ExactSum>(1);  // sum z_i z_j, i <= j
  std::uint64_t pending_ = 0;                                  // runs since end_block()
  std::vector<BlockSum> block_sums_ = std::vector<BlockSum>(1);
  std::vector<BlockSum> block_products_ = std::vector<BlockSum>(1);
};

// Standardized regression coefficients (SRC): the least-squares slopes of y on x when every
// variable is scaled to mean 0 and standard deviation 1, beta = R^-1 r with R the
// predictors' correlation matrix and r their correlations with y. With independent inputs
// and a near-linear model (R^2 near 1), beta_j^2 is the share of Var(y) due to x_j.
// Standard errors are the usual OLS ones in standardized units,
//   se_j = sqrt((1 - R^2) / (n - p - 1) · (R^-1)_jj),
// which assume homoscedastic errors and treat the scaling as known.
struct StandardizedRegression {
  std::vector<double> coefficients;     // per predictor; NaN for a constant predictor
  std::vector<double> standard_errors;  // per predictor; NaN for a constant predictor
  double r_squared = 0.0;
};

// std::nullopt when y is constant, there are too few runs (n <= p' + 1 for the p'
// non-constant predictors) or the predictors are collinear (one is explained by the others
// up to a share 1e-10 of its variance).
std::optional<StandardizedRegression> standardized_regression(const RegressionSums& sums);

// {"runs", "r_squared", "coefficients": [...], "standard_errors": [...]} or null.
nlohmann::json summarize(const RegressionSums& sums);

}  // namespace parley
