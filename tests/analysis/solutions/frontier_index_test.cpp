#include "analysis/solutions/frontier_index.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "analysis/solutions/pareto.hpp"

namespace parley {
namespace {

// The scans the index replaces: its answers must be these, to the last bit.
bool dominated_by_scan(const Eigen::MatrixXd& f, const Eigen::VectorXd& u, double tolerance) {
  for (Eigen::Index r = 0; r < f.rows(); ++r) {
    bool above = true, strictly = false;
    for (Eigen::Index c = 0; c < f.cols(); ++c) {
      if (f(r, c) < u[c] - tolerance) above = false;
      if (f(r, c) > u[c] + tolerance) strictly = true;
    }
    if (above && strictly) return true;
  }
  return false;
}

double nearest_by_scan(const Eigen::MatrixXd& f, const Eigen::VectorXd& u) {
  double best = std::numeric_limits<double>::infinity();
  for (Eigen::Index r = 0; r < f.rows(); ++r)
    best = std::min(best, (f.row(r).transpose() - u).squaredNorm());
  return best;
}

TEST(FrontierIndex, AnswersAsTheScanDoesOnRandomFrontiers) {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (int parties : {2, 3, 5}) {
    for (int rows : {0, 1, 7, 9, 300, 3000}) {
      // Points near the simplex: many are mutually non-dominated, as on a frontier; some are
      // rounded to a grid, so queries land exactly on points and ties occur.
      Eigen::MatrixXd f(rows, parties);
      for (int r = 0; r < rows; ++r) {
        for (int p = 0; p < parties; ++p) f(r, p) = unit(rng);
        f.row(r) /= f.row(r).sum();
        if (r % 3 == 0) f.row(r) = (f.row(r).array() * 20).round() / 20;
      }
      const FrontierIndex index(f);
      for (int q = 0; q < 400; ++q) {
        Eigen::VectorXd u(parties);
        if (rows > 0 && q % 4 == 0) {
          u = f.row(static_cast<Eigen::Index>(rng() % static_cast<unsigned>(rows))).transpose();
          if (q % 8 == 0) u[0] -= 1e-13;  // within the tolerance of a point
        } else {
          for (int p = 0; p < parties; ++p) u[p] = unit(rng) * 0.7;
        }
        EXPECT_EQ(index.dominated(u, kParetoTolerance), dominated_by_scan(f, u, kParetoTolerance))
            << parties << " parties, " << rows << " rows, query " << q;
        EXPECT_EQ(index.nearest_squared_distance(u), nearest_by_scan(f, u))
            << parties << " parties, " << rows << " rows, query " << q;
      }
    }
  }
}

TEST(FrontierIndex, EmptyIndexDominatesNothingAndIsInfinitelyFar) {
  const FrontierIndex none;
  EXPECT_FALSE(none.dominated(Eigen::Vector2d(0.5, 0.5), 0.0));
  EXPECT_EQ(none.nearest_squared_distance(Eigen::Vector2d(0.5, 0.5)),
            std::numeric_limits<double>::infinity());
}

}  // namespace
}  // namespace parley
