#pragma once
#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace parley {

// A k-d tree over the points of a Pareto frontier (one row of `points` per point), for the two
// questions a sweep asks of every agreement: does any frontier point dominate this utility
// vector, and how far is the nearest one. A scan costs O(|F|·m) per question, and the
// frontiers of many-party scenarios hold tens of thousands of points; the tree answers with a
// few leaves on such frontiers (Bentley 1975, "Multidimensional binary search trees used for
// associative searching", CACM 18(9)). Answers are exactly the scan's: the same comparisons
// and the same distance expression, only fewer rows visited.
class FrontierIndex {
 public:
  FrontierIndex() = default;
  // Keeps a pointer to `points`, which must outlive the index and not change.
  explicit FrontierIndex(const Eigen::MatrixXd& points);

  // True when some row q has q_i >= u_i - tolerance for all i and q_j > u_j + tolerance for
  // some j (analysis/solutions/pareto.hpp).
  bool dominated(const Eigen::VectorXd& u, double tolerance) const;

  // min over rows of (row - u).squaredNorm(); +inf when there are no rows.
  double nearest_squared_distance(const Eigen::VectorXd& u) const;

 private:
  struct Node {
    std::int32_t first = 0;  // rows order_[first, last) lie below this node
    std::int32_t last = 0;
    std::int32_t left = -1;  // children, or -1 for a leaf
    std::int32_t right = -1;
  };
  std::int32_t build(std::int32_t first, std::int32_t last);
  double box_gap(std::int32_t node, const Eigen::VectorXd& u) const;
  bool dominated_below(std::int32_t node, const Eigen::VectorXd& u, double tolerance) const;
  void nearest_below(std::int32_t node, const Eigen::VectorXd& u, double& best) const;

  const Eigen::MatrixXd* points_ = nullptr;
  std::vector<std::int32_t> order_;
  std::vector<Node> nodes_;
  Eigen::MatrixXd low_;   // per node (row), the smallest value of each column below it
  Eigen::MatrixXd high_;  // and the largest
};

}  // namespace parley
