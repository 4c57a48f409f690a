#include "analysis/solutions/pareto.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace parley {
namespace {

// The frontier by divide and conquer (Kung, Luccio & Preparata 1975, "On finding the maxima of
// a set of vectors", JACM 22(4)), with ties handled by splitting on values, not on ranks.
//
// Why this method: the lexicographic sort-and-scan it replaces costs O(n·|F|·m), and the
// frontiers of many-party scenarios are large (tens of thousands of the 10^6 deals of a
// five-party, six-issue scenario), so it took minutes. Divide and conquer costs
// O(n log^(m-2) n) whatever the frontier's size; measured in bench/frontier_bench.cpp
// (bench/README.md, "Start-up").
//
// frontier(S, k): the points of S are equal on every dimension before k. Split S at the median
// of dimension k into H (larger) and L; nothing in L can dominate a point of H, so the frontier
// is frontier(H) plus the points of frontier(L) that no point of frontier(H) weakly dominates on
// dimensions k+1.. (the H point is already strictly better on k). filter(A, B, k) removes those:
// split A and B at a median of dimension k; B's upper part is strictly better than A's lower
// part on k, so only dimensions k+1.. remain to compare there; B's lower part cannot dominate
// A's upper part. Two dimensions left: sort and sweep; one: a maximum.
class FrontierFinder {
 public:
  explicit FrontierFinder(const UtilitySet& set)
      : dims_(set.parties()), x_(static_cast<std::size_t>(set.outcomes() * set.parties())) {
    for (std::int64_t k = 0; k < set.outcomes(); ++k)
      for (int p = 0; p < dims_; ++p)
        x_[static_cast<std::size_t>(k * dims_ + p)] = set.utilities(k, p);
  }

  std::vector<std::int64_t> run(std::int64_t outcomes) {
    std::vector<std::int64_t> points =
        outcomes > kPrefilterFrom ? not_dominated_by_window(outcomes) : all_outcomes(outcomes);
    const std::size_t kept = frontier(points.data(), points.size(), 0);
    points.resize(kept);
    std::sort(points.begin(), points.end());
    return points;
  }

 private:
  using Index = std::int64_t;
  // Below these sizes a direct comparison of every pair is faster than splitting.
  static constexpr std::size_t kDirectFrontier = 24;
  static constexpr std::size_t kDirectFilter = 512;  // |A|·|B|

  // From this many outcomes on, a first pass drops the outcomes that a small window of strong
  // outcomes dominates (Godfrey, Shipley & Gryz 2005, "Maximal vector computation in large
  // data sets", the elimination filter of LESS). Which outcomes the window holds changes the
  // speed only: an outcome some outcome dominates is off the frontier, whoever dominates it.
  // The window is the best outcomes by the sum, the smallest and the product of the
  // utilities: on the five-party scenario of bench/README.md ("Start-up") it drops about 78%
  // of 10^6 outcomes in a tenth of the time the divide and conquer then needs for the rest.
  static constexpr std::int64_t kPrefilterFrom = 4096;
  static constexpr std::size_t kWindowPerScore = 16;

  double at(Index i, int k) const { return x_[static_cast<std::size_t>(i * dims_ + k)]; }

  static std::vector<Index> all_outcomes(Index outcomes) {
    std::vector<Index> points(static_cast<std::size_t>(outcomes));
    std::iota(points.begin(), points.end(), Index{0});
    return points;
  }

  std::vector<Index> not_dominated_by_window(Index outcomes) {
    std::vector<Index> window;
    std::vector<std::pair<double, Index>> scored(static_cast<std::size_t>(outcomes));
    for (int score = 0; score < 3; ++score) {
      for (Index i = 0; i < outcomes; ++i) {
        double sum = 0.0, least = std::numeric_limits<double>::infinity(), product = 1.0;
        for (int p = 0; p < dims_; ++p) {
          sum += at(i, p);
          least = std::min(least, at(i, p));
          product *= at(i, p);
        }
        scored[static_cast<std::size_t>(i)] = {score == 0 ? sum : score == 1 ? least : product, i};
      }
      const auto top = scored.begin() + static_cast<std::ptrdiff_t>(kWindowPerScore);
      std::nth_element(scored.begin(), top, scored.end(), std::greater<>());
      for (auto it = scored.begin(); it != top; ++it) window.push_back(it->second);
    }
    std::sort(window.begin(), window.end());
    window.erase(std::unique(window.begin(), window.end()), window.end());
    std::vector<Index> survivors;
    for (Index i = 0; i < outcomes; ++i)
      if (std::none_of(window.begin(), window.end(), [&](Index w) { return dominates(w, i, 0); }))
        survivors.push_back(i);
    return survivors;
  }

  // b >= a on every dimension from k.
  bool weakly_above(Index b, Index a, int k) const {
    for (int p = k; p < dims_; ++p)
      if (at(b, p) < at(a, p)) return false;
    return true;
  }

  bool dominates(Index b, Index a, int k) const {
    bool strictly = false;
    for (int p = k; p < dims_; ++p) {
      if (at(b, p) < at(a, p)) return false;
      if (at(b, p) > at(a, p)) strictly = true;
    }
    return strictly;
  }

  // The split value of dimension k over the points [first, first + n) and, optionally, a
  // second range: the median, or, when the median is the largest value, the split that puts
  // the points equal to it above (so both sides are non-empty). `above_or_equal` says which
  // comparison puts a point in the upper part.
  struct Split {
    double value;
    bool above_or_equal;
  };
  Split split_of(const Index* a, std::size_t na, const Index* b, std::size_t nb, int k,
                 double largest) {
    median_.clear();
    for (std::size_t i = 0; i < na; ++i) median_.push_back(at(a[i], k));
    for (std::size_t i = 0; i < nb; ++i) median_.push_back(at(b[i], k));
    auto middle = median_.begin() + static_cast<std::ptrdiff_t>(median_.size() / 2);
    std::nth_element(median_.begin(), middle, median_.end());
    return {*middle, *middle == largest};
  }

  bool above(Index i, int k, Split s) const {
    return s.above_or_equal ? at(i, k) >= s.value : at(i, k) > s.value;
  }

  std::size_t frontier(Index* s, std::size_t n, int k) {
    if (n <= 1) return n;
    if (k == dims_ - 1) return frontier_of_one(s, n, k);
    if (k == dims_ - 2) return frontier_of_two(s, n, k);
    if (n <= kDirectFrontier) return frontier_directly(s, n, k);
    double low = at(s[0], k), high = low;
    for (std::size_t i = 1; i < n; ++i) {
      low = std::min(low, at(s[i], k));
      high = std::max(high, at(s[i], k));
    }
    if (low == high) return frontier(s, n, k + 1);
    const Split split = split_of(s, n, nullptr, 0, k, high);
    Index* const lower = std::partition(s, s + n, [&](Index i) { return above(i, k, split); });
    const auto upper_count = static_cast<std::size_t>(lower - s);
    const std::size_t upper_kept = frontier(s, upper_count, k);
    std::size_t lower_kept = frontier(lower, n - upper_count, k);
    lower_kept = filter(lower, lower_kept, s, upper_kept, k + 1);
    std::copy(lower, lower + lower_kept, s + upper_kept);
    return upper_kept + lower_kept;
  }

  std::size_t frontier_of_one(Index* s, std::size_t n, int k) {
    double best = -std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < n; ++i) best = std::max(best, at(s[i], k));
    return static_cast<std::size_t>(
        std::partition(s, s + n, [&](Index i) { return at(i, k) == best; }) - s);
  }

  // Sorted by dimension k descending, then k + 1 descending: a point is on the frontier iff
  // its k + 1 value is its group's largest (the first) and larger than every value before.
  std::size_t frontier_of_two(Index* s, std::size_t n, int k) {
    std::sort(s, s + n, [&](Index a, Index b) {
      if (at(a, k) != at(b, k)) return at(a, k) > at(b, k);
      return at(a, k + 1) > at(b, k + 1);
    });
    double best_before = -std::numeric_limits<double>::infinity();
    std::size_t kept = 0;
    std::size_t group = 0;
    while (group < n) {
      const double group_value = at(s[group], k);
      const double group_best = at(s[group], k + 1);
      std::size_t next = group;
      for (; next < n && at(s[next], k) == group_value; ++next)
        if (at(s[next], k + 1) == group_best && group_best > best_before) s[kept++] = s[next];
      best_before = std::max(best_before, group_best);
      group = next;
    }
    return kept;
  }

  std::size_t frontier_directly(Index* s, std::size_t n, int k) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < n; ++i) {
      bool dominated = false;
      for (std::size_t j = 0; j < n && !dominated; ++j) dominated = dominates(s[j], s[i], k);
      if (!dominated) kept_.push_back(s[i]);
    }
    kept = kept_.size();
    std::copy(kept_.begin(), kept_.end(), s);
    kept_.clear();
    return kept;
  }

  // Keeps the points of a that no point of b is weakly above on dimensions k..; every point
  // of b is strictly better than every point of a on some dimension before k.
  std::size_t filter(Index* a, std::size_t na, Index* b, std::size_t nb, int k) {
    if (na == 0 || nb == 0) return na;
    if (k == dims_ - 1) {
      double best = -std::numeric_limits<double>::infinity();
      for (std::size_t j = 0; j < nb; ++j) best = std::max(best, at(b[j], k));
      return static_cast<std::size_t>(
          std::partition(a, a + na, [&](Index i) { return at(i, k) > best; }) - a);
    }
    if (k == dims_ - 2) return filter_two(a, na, b, nb, k);
    if (na * nb <= kDirectFilter) {
      return static_cast<std::size_t>(std::partition(a, a + na,
                                                     [&](Index i) {
                                                       return std::none_of(b, b + nb, [&](Index j) {
                                                         return weakly_above(j, i, k);
                                                       });
                                                     }) -
                                      a);
    }
    double a_low = at(a[0], k), a_high = a_low, b_low = at(b[0], k), b_high = b_low;
    for (std::size_t i = 1; i < na; ++i) {
      a_low = std::min(a_low, at(a[i], k));
      a_high = std::max(a_high, at(a[i], k));
    }
    for (std::size_t j = 1; j < nb; ++j) {
      b_low = std::min(b_low, at(b[j], k));
      b_high = std::max(b_high, at(b[j], k));
    }
    if (b_high < a_low) return na;                            // b worse on k: dominates none
    if (b_low >= a_high) return filter(a, na, b, nb, k + 1);  // b at least as good on k
    const Split split = split_of(a, na, b, nb, k, std::max(a_high, b_high));
    Index* const a_lower = std::partition(a, a + na, [&](Index i) { return above(i, k, split); });
    Index* const b_lower = std::partition(b, b + nb, [&](Index j) { return above(j, k, split); });
    const auto a_upper = static_cast<std::size_t>(a_lower - a);
    const auto b_upper = static_cast<std::size_t>(b_lower - b);
    std::size_t lower_kept = filter(a_lower, na - a_upper, b, b_upper, k + 1);
    lower_kept = filter(a_lower, lower_kept, b_lower, nb - b_upper, k);
    const std::size_t upper_kept = filter(a, a_upper, b, b_upper, k);
    std::copy(a_lower, a_lower + lower_kept, a + upper_kept);
    return upper_kept + lower_kept;
  }

  // Two dimensions: a is removed when some b has b_k >= a_k and b_(k+1) >= a_(k+1). Both
  // sorted by k descending; the b already passed are those with b_k >= a_k.
  std::size_t filter_two(Index* a, std::size_t na, Index* b, std::size_t nb, int k) {
    auto descending = [&](Index l, Index r) { return at(l, k) > at(r, k); };
    std::sort(a, a + na, descending);
    std::sort(b, b + nb, descending);
    double best = -std::numeric_limits<double>::infinity();
    std::size_t j = 0;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < na; ++i) {
      for (; j < nb && at(b[j], k) >= at(a[i], k); ++j) best = std::max(best, at(b[j], k + 1));
      if (best < at(a[i], k + 1)) a[kept++] = a[i];
    }
    return kept;
  }

  int dims_;
  std::vector<double> x_;  // row-major: outcome i's utilities at [i·dims, (i+1)·dims)
  std::vector<double> median_;
  std::vector<Index> kept_;
};

bool dominated_by(const UtilitySet& set, std::int64_t q, const Eigen::VectorXd& u,
                  double tolerance) {
  bool strictly = false;
  for (int p = 0; p < set.parties(); ++p) {
    const double uq = set.utilities(q, p);
    if (uq < u[p] - tolerance) return false;
    if (uq > u[p] + tolerance) strictly = true;
  }
  return strictly;
}

void check_size(const UtilitySet& set, const Eigen::VectorXd& u) {
  if (u.size() != set.parties()) {
    throw std::invalid_argument("utility vector has " + std::to_string(u.size()) + " entries for " +
                                std::to_string(set.parties()) + " parties");
  }
}

}  // namespace

std::vector<std::int64_t> pareto_frontier(const UtilitySet& set) {
  if (set.outcomes() == 0) return {};
  // NaN compares false both ways: the sorts below would get an inconsistent order (undefined
  // behaviour, reads past the buffer) and the splits would never shrink. The loader keeps NaN
  // out of utilities; this guards every other caller.
  if (set.utilities.hasNaN())
    throw std::invalid_argument("Pareto frontier of utilities that are not all numbers (NaN)");
  return FrontierFinder(set).run(set.outcomes());
}

bool is_pareto_optimal(const UtilitySet& set, const Eigen::VectorXd& u, double tolerance) {
  check_size(set, u);
  for (std::int64_t q = 0; q < set.outcomes(); ++q) {
    if (dominated_by(set, q, u, tolerance)) return false;
  }
  return true;
}

bool is_pareto_optimal(const UtilitySet& set, const std::vector<std::int64_t>& frontier,
                       const Eigen::VectorXd& u, double tolerance) {
  check_size(set, u);
  return std::none_of(frontier.begin(), frontier.end(),
                      [&](std::int64_t f) { return dominated_by(set, f, u, tolerance); });
}

double distance_to_frontier(const UtilitySet& set, const std::vector<std::int64_t>& frontier,
                            const Eigen::VectorXd& u) {
  check_size(set, u);
  if (frontier.empty()) throw std::invalid_argument("distance to an empty Pareto frontier");
  double best = std::numeric_limits<double>::infinity();
  for (std::int64_t f : frontier) {
    best = std::min(best, (set.utilities.row(f).transpose() - u).squaredNorm());
  }
  return std::sqrt(best);
}

}  // namespace parley
