#include "analysis/solutions/frontier_index.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

namespace parley {
namespace {

// Leaves hold a few rows: below that, splitting costs more than scanning.
constexpr std::int32_t kLeafRows = 8;

}  // namespace

FrontierIndex::FrontierIndex(const Eigen::MatrixXd& points) : points_(&points) {
  const auto rows = static_cast<std::int32_t>(points.rows());
  order_.resize(static_cast<std::size_t>(rows));
  std::iota(order_.begin(), order_.end(), 0);
  nodes_.reserve(static_cast<std::size_t>(2 * (rows / kLeafRows + 1)));
  low_.resize(0, points.cols());
  high_.resize(0, points.cols());
  if (rows > 0) build(0, rows);
  low_.resize(static_cast<Eigen::Index>(nodes_.size()), points.cols());
  high_.resize(static_cast<Eigen::Index>(nodes_.size()), points.cols());
  // Boxes bottom-up: children are built after their parent, so a reverse pass sees them first.
  for (auto n = static_cast<std::int32_t>(nodes_.size()); n-- > 0;) {
    const Node& node = nodes_[static_cast<std::size_t>(n)];
    if (node.left < 0) {
      low_.row(n) = points.row(order_[static_cast<std::size_t>(node.first)]);
      high_.row(n) = low_.row(n);
      for (std::int32_t i = node.first + 1; i < node.last; ++i) {
        low_.row(n) = low_.row(n).cwiseMin(points.row(order_[static_cast<std::size_t>(i)]));
        high_.row(n) = high_.row(n).cwiseMax(points.row(order_[static_cast<std::size_t>(i)]));
      }
    } else {
      low_.row(n) = low_.row(node.left).cwiseMin(low_.row(node.right));
      high_.row(n) = high_.row(node.left).cwiseMax(high_.row(node.right));
    }
  }
}

// Splits at the median of the column with the widest spread.
std::int32_t FrontierIndex::build(std::int32_t first, std::int32_t last) {
  const auto id = static_cast<std::int32_t>(nodes_.size());
  nodes_.push_back({first, last, -1, -1});
  if (last - first <= kLeafRows) return id;
  const Eigen::MatrixXd& p = *points_;
  Eigen::Index widest = 0;
  double spread = -1.0;
  for (Eigen::Index c = 0; c < p.cols(); ++c) {
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (std::int32_t i = first; i < last; ++i) {
      lo = std::min(lo, p(order_[static_cast<std::size_t>(i)], c));
      hi = std::max(hi, p(order_[static_cast<std::size_t>(i)], c));
    }
    if (hi - lo > spread) {
      spread = hi - lo;
      widest = c;
    }
  }
  const std::int32_t middle = first + (last - first) / 2;
  std::nth_element(order_.begin() + first, order_.begin() + middle, order_.begin() + last,
                   [&](std::int32_t a, std::int32_t b) { return p(a, widest) < p(b, widest); });
  const std::int32_t left = build(first, middle);
  const std::int32_t right = build(middle, last);
  nodes_[static_cast<std::size_t>(id)].left = left;
  nodes_[static_cast<std::size_t>(id)].right = right;
  return id;
}

bool FrontierIndex::dominated(const Eigen::VectorXd& u, double tolerance) const {
  return !nodes_.empty() && dominated_below(0, u, tolerance);
}

bool FrontierIndex::dominated_below(std::int32_t n, const Eigen::VectorXd& u,
                                    double tolerance) const {
  // No row below can be within tolerance of u on some column, or better by more than it on
  // any: none dominates.
  bool can_be_better = false;
  for (Eigen::Index c = 0; c < u.size(); ++c) {
    if (high_(n, c) < u[c] - tolerance) return false;
    if (high_(n, c) > u[c] + tolerance) can_be_better = true;
  }
  if (!can_be_better) return false;
  const Node& node = nodes_[static_cast<std::size_t>(n)];
  if (node.left >= 0)
    return dominated_below(node.left, u, tolerance) || dominated_below(node.right, u, tolerance);
  const Eigen::MatrixXd& p = *points_;
  for (std::int32_t i = node.first; i < node.last; ++i) {
    const std::int32_t r = order_[static_cast<std::size_t>(i)];
    bool above = true, strictly = false;
    for (Eigen::Index c = 0; c < u.size() && above; ++c) {
      if (p(r, c) < u[c] - tolerance) above = false;
      if (p(r, c) > u[c] + tolerance) strictly = true;
    }
    if (above && strictly) return true;
  }
  return false;
}

// The squared distance from u to the node's box: a lower bound for every row below it.
double FrontierIndex::box_gap(std::int32_t n, const Eigen::VectorXd& u) const {
  double gap = 0.0;
  for (Eigen::Index c = 0; c < u.size(); ++c) {
    const double d = std::max({low_(n, c) - u[c], u[c] - high_(n, c), 0.0});
    gap += d * d;
  }
  return gap;
}

double FrontierIndex::nearest_squared_distance(const Eigen::VectorXd& u) const {
  double best = std::numeric_limits<double>::infinity();
  if (!nodes_.empty()) nearest_below(0, u, best);
  return best;
}

void FrontierIndex::nearest_below(std::int32_t n, const Eigen::VectorXd& u, double& best) const {
  const Node& node = nodes_[static_cast<std::size_t>(n)];
  if (node.left < 0) {
    // The scan's own expression, so the minimum is the scan's to the last bit.
    for (std::int32_t i = node.first; i < node.last; ++i)
      best = std::min(
          best, (points_->row(order_[static_cast<std::size_t>(i)]).transpose() - u).squaredNorm());
    return;
  }
  // Nearer box first; a box is skipped only when its bound, less a margin for the rounding
  // of a different summation order, is beyond the best distance found.
  const double gap_left = box_gap(node.left, u);
  const double gap_right = box_gap(node.right, u);
  const bool left_first = gap_left <= gap_right;
  const std::int32_t near = left_first ? node.left : node.right;
  const std::int32_t far = left_first ? node.right : node.left;
  const double gap_near = left_first ? gap_left : gap_right;
  const double gap_far = left_first ? gap_right : gap_left;
  constexpr double kMargin = 1.0 - 1e-9;
  if (gap_near * kMargin <= best) nearest_below(near, u, best);
  if (gap_far * kMargin <= best) nearest_below(far, u, best);
}

}  // namespace parley
