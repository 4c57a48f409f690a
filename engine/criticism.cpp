#include "engine/criticism.hpp"

#include <algorithm>
#include <cmath>

namespace parley {

namespace {
constexpr double kChange = 1e-12;  // a change in utility, beyond rounding
}  // namespace

int Criticism::objections() const {
  int n = 0;
  for (int k = 0; k < size; ++k) n += direction[static_cast<std::size_t>(k)] != 0 ? 1 : 0;
  return n;
}

Criticism criticism_from_preferences(const OutcomeSpace& space, int party, const Deal& text) {
  Criticism c;
  c.size = space.issue_count();
  c.rank.fill(-1);
  if (!text.on_grid()) return c;
  const Eigen::ArrayXd& u = space.utilities(party);
  const double here = u[text.outcome];
  std::array<double, kMaxTrackIssues> stake{};
  for (int k = 0; k < c.size; ++k) {
    const auto kk = static_cast<std::size_t>(k);
    const int level = space.level(text.outcome, k);
    const std::int64_t stride = space.stride(k);
    const bool has_up = level + 1 < space.levels(k);
    const bool has_down = level > 0;
    const double up = has_up ? u[text.outcome + stride] - here : 0.0;
    const double down = has_down ? u[text.outcome - stride] - here : 0.0;
    if (up > kChange && up >= down)
      c.direction[kk] = 1;
    else if (down > kChange)
      c.direction[kk] = -1;
    stake[kk] = std::max(std::abs(up), std::abs(down));
  }
  for (int k = 0; k < c.size; ++k) {
    const auto kk = static_cast<std::size_t>(k);
    if (!(stake[kk] > kChange)) continue;
    int rank = 0;
    for (int j = 0; j < c.size; ++j) {
      const auto jj = static_cast<std::size_t>(j);
      if (j != k && (stake[jj] > stake[kk] || (stake[jj] == stake[kk] && j < k))) ++rank;
    }
    c.rank[kk] = static_cast<std::int8_t>(rank);
  }
  return c;
}

}  // namespace parley
