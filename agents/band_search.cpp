#include "agents/band_search.hpp"

#include <algorithm>

namespace parley {

namespace {

// Bounds and own utilities are sums taken in another order than the exact ones: they differ from
// them by a few units in the last place of numbers of order 1. Pruning only beyond this margin
// keeps every outcome that could win.
constexpr double kMargin = 1e-9;

// The prices of own utility in rating at which the Lagrangian bounds are taken, and their margin
// (the bound's terms are scaled by the price).
constexpr double kPrice[BandSearch::kPrices] = {0.5, 1.0, 2.0};
constexpr double kTradedMargin = 1e-8;

// The summed rating of an outcome, as the scan has always computed it: each opponent model's
// predicted utility, added in party order to 0 (one opponent: its prediction itself).
double rating_of(std::int64_t outcome, const FrequencyOpponentModel* const* raters,
                 std::size_t count) {
  if (count == 1) return raters[0]->utility(outcome);
  double score = 0.0;
  for (std::size_t q = 0; q < count; ++q) score += raters[q]->utility(outcome);
  return score;
}

// The best-rated position among ranking positions first..cheapest (ties: the cheaper), rated by
// one model with N issues: FrequencyOpponentModel::utility unrolled, the same sum in the same
// order, so the same bits.
template <int N>
std::size_t scan_one(const std::int32_t* ranked, std::size_t first, std::size_t cheapest,
                     const FrequencyOpponentModel& model) {
  const std::int32_t* slots = model.levels().slots(0);
  const double* w = model.weights();
  const double* score = model.scores();
  std::size_t best = cheapest;
  double best_score = -1.0;
  for (std::size_t k = cheapest + 1; k-- > first;) {
    const std::int32_t* s = slots + static_cast<std::ptrdiff_t>(ranked[k]) * N;
    double u = 0.0;
    for (int j = 0; j < N; ++j) u += w[j] * score[s[j]];
    if (u > best_score) {
      best_score = u;
      best = k;
    }
  }
  return best;
}

// A stable sort of a few elements that never allocates (std::stable_sort may).
template <class Before>
void insertion_sort(int* v, int count, Before before) {
  for (int i = 1; i < count; ++i) {
    const int x = v[i];
    int j = i;
    for (; j > 0 && before(x, v[j - 1]); --j) v[j] = v[j - 1];
    v[j] = x;
  }
}

}  // namespace

void BandSearch::prepare(const OutcomeSpace& space) {
  const auto n = static_cast<std::size_t>(space.issue_count());
  std::size_t slots = 0;
  for (int k = 0; k < space.issue_count(); ++k) slots += static_cast<std::size_t>(space.levels(k));
  issue_.resize(n);
  stride_.resize(n);
  first_slot_.resize(n);
  level_count_.resize(n);
  own_.resize(slots);
  bound_.resize(slots);
  order_.resize(slots);
  bound_rest_.resize(n + 1);
  own_min_rest_.resize(n + 1);
  own_max_rest_.resize(n + 1);
  traded_rest_.resize((n + 1) * kPrices);
}

std::size_t BandSearch::best(const OutcomeSpace& space, const Eigen::ArrayXd& utility,
                             const std::vector<std::int32_t>& ranking, std::size_t first,
                             std::size_t cheapest, const FrequencyOpponentModel* const* raters,
                             std::size_t rater_count) {
  if (cheapest + 1 - first < kBranchAndBoundFrom || space.issue_count() < 2)
    return scan(ranking, first, cheapest, raters, rater_count);
  return branch_and_bound(space, utility, ranking, first, cheapest, raters, rater_count);
}

std::size_t BandSearch::scan(const std::vector<std::int32_t>& ranking, std::size_t first,
                             std::size_t cheapest, const FrequencyOpponentModel* const* raters,
                             std::size_t rater_count) {
  const std::int32_t* ranked = ranking.data();
  if (rater_count == 1 && raters[0]->levels().tabulated()) {
    const FrequencyOpponentModel& other = *raters[0];
    switch (other.levels().issue_count()) {
      case 2:
        return scan_one<2>(ranked, first, cheapest, other);
      case 3:
        return scan_one<3>(ranked, first, cheapest, other);
      case 4:
        return scan_one<4>(ranked, first, cheapest, other);
      case 5:
        return scan_one<5>(ranked, first, cheapest, other);
      case 6:
        return scan_one<6>(ranked, first, cheapest, other);
      case 7:
        return scan_one<7>(ranked, first, cheapest, other);
      default:
        break;
    }
  }
  std::size_t best = cheapest;
  double best_score = -1.0;
  for (std::size_t k = cheapest + 1; k-- > first;) {
    const double score = rating_of(ranked[k], raters, rater_count);
    if (score > best_score) {
      best_score = score;
      best = k;
    }
  }
  return best;
}

std::size_t BandSearch::branch_and_bound(const OutcomeSpace& space, const Eigen::ArrayXd& utility,
                                         const std::vector<std::int32_t>& ranking,
                                         std::size_t first, std::size_t cheapest,
                                         const FrequencyOpponentModel* const* raters,
                                         std::size_t rater_count) {
  const int n = space.issue_count();
  const auto issues = static_cast<std::size_t>(n);
  if (issue_.size() != issues) prepare(space);
  utility_ = &utility;
  raters_ = raters;
  rater_count_ = rater_count;
  rated_ = 0;
  visited_ = 0;

  // Each level's own utility relative to outcome 0 (the outcome with that level and the others'
  // first), and its share of the rating summed over the opponents. The ordering of the issues
  // is the search's: the issue whose own utilities spread most first, where the band cuts most.
  const double base = utility[0];
  const OutcomeLevels& levels = raters[0]->levels();
  double spread[64] = {};
  for (int k = 0; k < n; ++k) {
    const auto kk = static_cast<std::size_t>(k);
    const int first_slot = levels.first(k);
    const int count = space.levels(k);
    double lo = 0.0, hi = 0.0;
    for (int l = 0; l < count; ++l) {
      const auto slot = static_cast<std::size_t>(first_slot + l);
      const double own = utility[space.stride(k) * l] - base;
      own_[slot] = own;
      lo = l == 0 ? own : std::min(lo, own);
      hi = l == 0 ? own : std::max(hi, own);
      double share = 0.0;
      for (std::size_t q = 0; q < rater_count; ++q)
        share += raters[q]->weight(k) * raters[q]->scores()[slot];
      bound_[slot] = share;
      order_[slot] = l;
    }
    if (kk < 64) spread[kk] = hi - lo;
    issue_[kk] = k;
  }
  if (n <= 64)
    insertion_sort(issue_.data(), n, [&spread](int a, int b) {
      return spread[static_cast<std::size_t>(a)] > spread[static_cast<std::size_t>(b)];
    });
  for (std::size_t i = 0; i < issues; ++i) {
    const int k = issue_[i];
    const int first_slot = levels.first(k);
    stride_[i] = space.stride(k);
    first_slot_[i] = first_slot;
    level_count_[i] = space.levels(k);
    int* order = order_.data() + first_slot;
    const double* share = bound_.data() + first_slot;
    insertion_sort(order, level_count_[i], [share](int a, int b) { return share[a] > share[b]; });
  }
  bound_rest_[issues] = own_min_rest_[issues] = own_max_rest_[issues] = 0.0;
  for (std::size_t j = 0; j < kPrices; ++j) traded_rest_[issues * kPrices + j] = 0.0;
  for (std::size_t i = issues; i-- > 0;) {
    const auto from = static_cast<std::size_t>(first_slot_[i]);
    const auto to = from + static_cast<std::size_t>(level_count_[i]);
    const double top = bound_[from + static_cast<std::size_t>(order_[from])];
    const double lo = *std::min_element(own_.begin() + static_cast<std::ptrdiff_t>(from),
                                        own_.begin() + static_cast<std::ptrdiff_t>(to));
    const double hi = *std::max_element(own_.begin() + static_cast<std::ptrdiff_t>(from),
                                        own_.begin() + static_cast<std::ptrdiff_t>(to));
    bound_rest_[i] = bound_rest_[i + 1] + top;
    own_min_rest_[i] = own_min_rest_[i + 1] + lo;
    own_max_rest_[i] = own_max_rest_[i + 1] + hi;
    for (std::size_t j = 0; j < kPrices; ++j) {
      double most = bound_[from] + kPrice[j] * own_[from];
      for (std::size_t slot = from + 1; slot < to; ++slot)
        most = std::max(most, bound_[slot] + kPrice[j] * own_[slot]);
      traded_rest_[i * kPrices + j] = traded_rest_[(i + 1) * kPrices + j] + most;
    }
  }

  // The band's edges as the ranking orders them: positions first..cheapest hold exactly the
  // outcomes between (u(first), o(first)) and (u(cheapest), o(cheapest)) in the order utility
  // down, then outcome index up.
  edge_high_o_ = ranking[first];
  edge_low_o_ = ranking[cheapest];
  edge_high_u_ = utility[edge_high_o_];
  edge_low_u_ = utility[edge_low_o_];
  own_low_ = edge_low_u_ - base;
  own_high_ = edge_high_u_ - base;

  // Start from the cheapest outcome of the band, the scan's first: a bound to beat from the start.
  best_o_ = edge_low_o_;
  best_u_ = edge_low_u_;
  best_rating_ = rating_of(best_o_, raters, rater_count);
  // Last call's winner, when still in the band, is usually this one's or near it: a tighter
  // bound from the start (where it starts changes what is pruned, never the answer).
  if (seed_ >= 0 && seed_ < static_cast<std::int64_t>(utility.size())) consider(seed_);
  descend(0, 0.0, 0.0, 0);
  seed_ = best_o_;

  // The winner's position: the ranking is sorted by utility down, then outcome index up.
  const double u = best_u_;
  const std::int64_t o = best_o_;
  const auto at = std::partition_point(ranking.begin() + static_cast<std::ptrdiff_t>(first),
                                       ranking.begin() + static_cast<std::ptrdiff_t>(cheapest) + 1,
                                       [&](std::int32_t x) {
                                         const double ux = utility[x];
                                         return ux > u || (ux == u && x < o);
                                       });
  return static_cast<std::size_t>(at - ranking.begin());
}

void BandSearch::descend(std::size_t depth, double rating, double own, std::int64_t outcome) {
  ++visited_;
  const std::size_t next = depth + 1;
  const int* order = order_.data() + first_slot_[depth];
  const double* share = bound_.data() + first_slot_[depth];
  const double* own_share = own_.data() + first_slot_[depth];
  const double rest = bound_rest_[next];
  const double own_min = own_min_rest_[next];
  const double own_max = own_max_rest_[next];
  const double* traded = traded_rest_.data() + next * kPrices;
  const std::int64_t stride = stride_[depth];
  const bool leaf = next == issue_.size();
  for (int i = 0; i < level_count_[depth]; ++i) {
    const int l = order[i];
    const double r = rating + share[l];
    // Levels come best-rated first: once one cannot reach the best so far, none after it can.
    if (r + rest + kMargin < best_rating_) break;
    const double u = own + own_share[l];
    if (u + own_max + kMargin < own_low_ || u + own_min - kMargin > own_high_) continue;
    // The rating the rest can add while the own utility stays at or above the band's low edge,
    // bounded at each price of own utility (Lagrange): rating + price (own - low) + the most the
    // rest adds of rating + price x own.
    bool beaten = false;
    for (std::size_t j = 0; j < kPrices && !beaten; ++j)
      beaten = r + kPrice[j] * (u - own_low_) + traded[j] + kTradedMargin < best_rating_;
    if (beaten) continue;
    if (leaf)
      consider(outcome + stride * l);
    else
      descend(next, r, u, outcome + stride * l);
  }
}

void BandSearch::consider(std::int64_t outcome) {
  const double u = (*utility_)[outcome];
  // Inside the band: not before its first position, not after its cheapest.
  if (u < edge_low_u_ || (u == edge_low_u_ && outcome > edge_low_o_)) return;
  if (u > edge_high_u_ || (u == edge_high_u_ && outcome < edge_high_o_)) return;
  ++rated_;
  const double rating = rating_of(outcome, raters_, rater_count_);
  // The scan keeps the first best it meets going up from the cheapest: the best rating, and
  // among equals the later position (lower utility, then higher outcome index).
  if (rating > best_rating_ ||
      (rating == best_rating_ && (u < best_u_ || (u == best_u_ && outcome > best_o_)))) {
    best_rating_ = rating;
    best_u_ = u;
    best_o_ = outcome;
  }
}

}  // namespace parley
