#include "analysis/statistics/regression.hpp"

#include <Eigen/Cholesky>
#include <algorithm>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "analysis/statistics/json_number.hpp"

namespace parley {

RegressionSums::RegressionSums(std::size_t predictors)
    : predictors_(predictors),
      sums_(predictors + 1),
      products_((predictors + 1) * (predictors + 2) / 2),
      block_sums_(sums_.size()),
      block_products_(products_.size()) {}

std::size_t RegressionSums::index(std::size_t i, std::size_t j) const {
  const std::size_t size = predictors_ + 1;
  return i * size - i * (i - 1) / 2 + (j - i);  // row i of the upper triangle starts there
}

void RegressionSums::add(std::span<const double> x, double y) {
  if (x.size() != predictors_) {
    throw std::invalid_argument("regression: expected " + std::to_string(predictors_) +
                                " predictors, got " + std::to_string(x.size()));
  }
  auto z = [&](std::size_t i) { return i < predictors_ ? x[i] : y; };
  ++count_;
  for (std::size_t i = 0; i <= predictors_; ++i) {
    sums_[i].add(z(i));
    for (std::size_t j = i; j <= predictors_; ++j) products_[index(i, j)].add_product(z(i), z(j));
  }
}

void RegressionSums::add_in_block(std::span<const double> x, double y) {
  if (x.size() != predictors_) {
    throw std::invalid_argument("regression: expected " + std::to_string(predictors_) +
                                " predictors, got " + std::to_string(x.size()));
  }
  auto z = [&](std::size_t i) { return i < predictors_ ? x[i] : y; };
  ++count_;
  ++pending_;
  std::size_t k = 0;  // index(i, j), row by row
  for (std::size_t i = 0; i <= predictors_; ++i) {
    const double zi = z(i);
    block_sums_[i].add(zi, sums_[i]);
    for (std::size_t j = i; j <= predictors_; ++j, ++k)
      block_products_[k].add_product(zi, z(j), products_[k]);
  }
}

void RegressionSums::end_block() {
  if (pending_ == 0) return;
  for (std::size_t i = 0; i < sums_.size(); ++i) block_sums_[i].commit(sums_[i]);
  for (std::size_t k = 0; k < products_.size(); ++k) block_products_[k].commit(products_[k]);
  pending_ = 0;
}

RegressionSums::PredictorBlock::PredictorBlock(std::size_t predictors)
    : predictors_(predictors),
      sums_(predictors),
      products_(predictors * (predictors + 1) / 2),
      large_sums_(predictors),
      large_products_(products_.size()) {}

void RegressionSums::PredictorBlock::add(std::span<const double> x) {
  if (x.size() != predictors_) {
    throw std::invalid_argument("regression: expected " + std::to_string(predictors_) +
                                " predictors, got " + std::to_string(x.size()));
  }
  std::size_t k = 0;
  for (std::size_t i = 0; i < predictors_; ++i) {
    sums_[i].add(x[i], large_sums_[i]);
    for (std::size_t j = i; j < predictors_; ++j, ++k)
      products_[k].add_product(x[i], x[j], large_products_[k]);
  }
  // A BlockSum passes on only values beyond 2^450 or below 2^-450 (or not finite).
  for (std::size_t i = 0; i < predictors_ && !large_; ++i) {
    const double a = std::fabs(x[i]);
    if (!(a >= 0x1p-450 && a <= 0x1p450) && a != 0.0) large_ = true;
  }
}

void RegressionSums::PredictorBlock::add(std::span<const ProductFactor> x) {
  if (x.size() != predictors_) {
    throw std::invalid_argument("regression: expected " + std::to_string(predictors_) +
                                " predictors, got " + std::to_string(x.size()));
  }
  std::size_t k = 0;
  for (std::size_t i = 0; i < predictors_; ++i) {
    sums_[i].add(x[i].value, large_sums_[i]);
    for (std::size_t j = i; j < predictors_; ++j, ++k)
      products_[k].add_product(x[i], x[j], large_products_[k]);
  }
  for (std::size_t i = 0; i < predictors_ && !large_; ++i)
    if (!x[i].in_range && x[i].value != 0.0) large_ = true;
}

RegressionSums::PredictorProducts::PredictorProducts(std::size_t predictors)
    : x_(predictors), products_(predictors * (predictors + 1) / 2) {}

void RegressionSums::PredictorProducts::set(std::span<const ProductFactor> x) {
  if (x.size() != x_.size()) {
    throw std::invalid_argument("regression: expected " + std::to_string(x_.size()) +
                                " predictors, got " + std::to_string(x.size()));
  }
  std::copy(x.begin(), x.end(), x_.begin());
  all_in_range_ =
      std::all_of(x.begin(), x.end(), [](const ProductFactor& f) { return f.in_range; });
  if (!all_in_range_) return;  // PredictorBlock::add takes the general way
  std::size_t k = 0;
  for (std::size_t i = 0; i < x.size(); ++i)
    for (std::size_t j = i; j < x.size(); ++j, ++k) products_[k] = exact_product(x[i], x[j]);
}

void RegressionSums::PredictorBlock::add(const PredictorProducts& run) {
  if (!run.all_in_range_) {
    add(std::span<const ProductFactor>(run.x_));
    return;
  }
  if (run.x_.size() != predictors_)
    throw std::invalid_argument("regression: products of another number of predictors");
  // Every factor in range: exactly what add_product would accumulate, product by product.
  for (std::size_t i = 0; i < predictors_; ++i) sums_[i].add(run.x_[i].value, large_sums_[i]);
  for (std::size_t k = 0; k < products_.size(); ++k) products_[k].add_exact(run.products_[k]);
}

void RegressionSums::PredictorBlock::clear() {
  for (BlockSum& b : sums_) b = BlockSum{};
  for (BlockSum& b : products_) b = BlockSum{};
  if (large_) {
    for (ExactSum& e : large_sums_) e = ExactSum{};
    for (ExactSum& e : large_products_) e = ExactSum{};
  }
  large_ = false;
}

void RegressionSums::add_outcome_in_block(std::span<const double> x, double y) {
  if (x.size() != predictors_) {
    throw std::invalid_argument("regression: expected " + std::to_string(predictors_) +
                                " predictors, got " + std::to_string(x.size()));
  }
  ++count_;
  ++pending_;
  const std::size_t p = predictors_;
  for (std::size_t i = 0; i < p; ++i) {
    const std::size_t k = index(i, p);
    block_products_[k].add_product(x[i], y, products_[k]);
  }
  block_sums_[p].add(y, sums_[p]);
  block_products_[index(p, p)].add_product(y, y, products_[index(p, p)]);
}

void RegressionSums::add_outcome_in_block(std::span<const ProductFactor> x,
                                          const ProductFactor& y) {
  if (x.size() != predictors_) {
    throw std::invalid_argument("regression: expected " + std::to_string(predictors_) +
                                " predictors, got " + std::to_string(x.size()));
  }
  ++count_;
  ++pending_;
  const std::size_t p = predictors_;
  // y = 0: every term is zero, which a BlockSum would not pass on (x * 0 for an infinite or
  // NaN x is NaN and is not zero: that goes the general way).
  if (y.value == 0.0) {
    bool finite = true;
    for (std::size_t i = 0; i < p; ++i) finite = finite && std::isfinite(x[i].value);
    if (finite) return;
  }
  for (std::size_t i = 0; i < p; ++i) {
    const std::size_t k = index(i, p);
    block_products_[k].add_product(x[i], y, products_[k]);
  }
  block_sums_[p].add(y.value, sums_[p]);
  block_products_[index(p, p)].add_product(y, y, products_[index(p, p)]);
}

void RegressionSums::end_block(const PredictorBlock& shared) {
  if (shared.predictors_ != predictors_)
    throw std::invalid_argument("regression: shared predictors of another size");
  if (pending_ == 0) return;
  end_block();
  std::size_t k = 0;
  for (std::size_t i = 0; i < predictors_; ++i) {
    shared.sums_[i].add_to(sums_[i]);
    if (shared.large_) sums_[i].merge(shared.large_sums_[i]);
    for (std::size_t j = i; j < predictors_; ++j, ++k) {
      shared.products_[k].add_to(products_[index(i, j)]);
      if (shared.large_) products_[index(i, j)].merge(shared.large_products_[k]);
    }
  }
}

void RegressionSums::merge(const RegressionSums& other) {
  if (in_block() || other.in_block())
    throw std::logic_error("regression sums merged inside a block (end_block() first)");
  if (other.predictors_ != predictors_) {
    throw std::invalid_argument("merging regression sums with different predictors");
  }
  count_ += other.count_;
  for (std::size_t i = 0; i < sums_.size(); ++i) sums_[i].merge(other.sums_[i]);
  for (std::size_t i = 0; i < products_.size(); ++i) products_[i].merge(other.products_[i]);
}

Eigen::MatrixXd RegressionSums::centered_cross_products() const {
  const auto size = static_cast<Eigen::Index>(predictors_ + 1);
  Eigen::MatrixXd c(size, size);
  const double n = static_cast<double>(count_);
  for (std::size_t i = 0; i <= predictors_; ++i) {
    for (std::size_t j = i; j <= predictors_; ++j) {
      double value = 0.0;
      if (count_ > 0) {
        const DoubleDouble correction = sums_[i].value_dd() * sums_[j].value_dd() / n;
        value = (products_[index(i, j)].value_dd() - correction).value();
      }
      if (i == j) value = std::max(value, 0.0);
      const auto a = static_cast<Eigen::Index>(i);
      const auto b = static_cast<Eigen::Index>(j);
      c(a, b) = value;
      c(b, a) = value;
    }
  }
  return c;
}

std::optional<StandardizedRegression> standardized_regression(const RegressionSums& sums) {
  const std::size_t p = sums.predictors();
  const Eigen::MatrixXd c = sums.centered_cross_products();
  const auto y = static_cast<Eigen::Index>(p);
  if (!(c(y, y) > 0)) return std::nullopt;
  std::vector<Eigen::Index> varying;
  for (Eigen::Index j = 0; j < y; ++j) {
    if (c(j, j) > 0) varying.push_back(j);
  }
  const auto k = static_cast<Eigen::Index>(varying.size());
  if (static_cast<double>(sums.count()) <= static_cast<double>(k) + 1.0) return std::nullopt;
  Eigen::MatrixXd correlation(k, k);
  Eigen::VectorXd with_y(k);
  for (Eigen::Index a = 0; a < k; ++a) {
    const Eigen::Index i = varying[a];
    with_y[a] = c(i, y) / std::sqrt(c(i, i) * c(y, y));
    for (Eigen::Index b = 0; b < k; ++b) {
      const Eigen::Index j = varying[b];
      correlation(a, b) = c(i, j) / std::sqrt(c(i, i) * c(j, j));
    }
  }
  // R has a unit diagonal, so each pivot of its LDLT is the share of a predictor's variance
  // the others leave unexplained: below kCollinear the fit is not identified.
  constexpr double kCollinear = 1e-10;
  const Eigen::LDLT<Eigen::MatrixXd> ldlt(correlation);
  if (ldlt.info() != Eigen::Success || (k > 0 && !(ldlt.vectorD().minCoeff() > kCollinear))) {
    return std::nullopt;
  }
  const Eigen::VectorXd beta = ldlt.solve(with_y);
  const Eigen::MatrixXd inverse = ldlt.solve(Eigen::MatrixXd::Identity(k, k));
  StandardizedRegression result;
  result.r_squared = k > 0 ? std::clamp(with_y.dot(beta), 0.0, 1.0) : 0.0;
  const double residual =
      (1.0 - result.r_squared) / (static_cast<double>(sums.count()) - static_cast<double>(k) - 1.0);
  result.coefficients.assign(p, std::numeric_limits<double>::quiet_NaN());
  result.standard_errors.assign(p, std::numeric_limits<double>::quiet_NaN());
  for (Eigen::Index a = 0; a < k; ++a) {
    result.coefficients[varying[a]] = beta[a];
    result.standard_errors[varying[a]] = std::sqrt(residual * std::max(inverse(a, a), 0.0));
  }
  return result;
}

void to_json(nlohmann::json& json, const RegressionSums& sums) {
  if (sums.in_block())
    throw std::logic_error("regression sums written inside a block (end_block() first)");
  json = {{"kind", "regression"},
          {"predictors", sums.predictors_},
          {"count", sums.count_},
          {"sums", sums.sums_},
          {"products", sums.products_}};
}

void from_json(const nlohmann::json& json, RegressionSums& sums) {
  expect_kind(json, "regression");
  RegressionSums read(json.at("predictors").get<std::size_t>());
  read.count_ = json.at("count").get<std::uint64_t>();
  auto sums_in = json.at("sums").get<std::vector<ExactSum>>();
  auto products_in = json.at("products").get<std::vector<ExactSum>>();
  if (sums_in.size() != read.sums_.size() || products_in.size() != read.products_.size()) {
    throw std::invalid_argument("regression state: sums do not match the predictors");
  }
  read.sums_ = std::move(sums_in);
  read.products_ = std::move(products_in);
  sums = std::move(read);
}

nlohmann::json summarize(const RegressionSums& sums) {
  const auto fit = standardized_regression(sums);
  if (!fit) return nullptr;
  nlohmann::json coefficients = nlohmann::json::array();
  nlohmann::json errors = nlohmann::json::array();
  for (std::size_t j = 0; j < sums.predictors(); ++j) {
    coefficients.push_back(number_or_null(fit->coefficients[j]));
    errors.push_back(number_or_null(fit->standard_errors[j]));
  }
  return {{"runs", sums.count()},
          {"r_squared", fit->r_squared},
          {"coefficients", coefficients},
          {"standard_errors", errors}};
}

}  // namespace parley
