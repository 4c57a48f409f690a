#include "analysis/report/points.hpp"

#include <algorithm>
#include <cmath>

#include "engine/format.hpp"

namespace parley {

double to_points(double utility) {
  return 100.0 * utility;
}

double issue_weight_points(const OutcomeSpace& space, int party, int k) {
  return issue_weight_points(
      space, space.scenario().parties[static_cast<std::size_t>(party)].preferences, k);
}

double issue_points(const OutcomeSpace& space, int party, int k, double value) {
  return issue_points(space, space.scenario().parties[static_cast<std::size_t>(party)].preferences,
                      k, value);
}

double issue_weight_points(const OutcomeSpace& space, const Preferences& prefs, int k) {
  double total = 0.0;
  for (int j = 0; j < space.issue_count(); ++j)
    total += prefs.weights[static_cast<std::size_t>(space.issue(j))];
  if (total <= 0.0) return 0.0;
  return 100.0 * prefs.weights[static_cast<std::size_t>(space.issue(k))] / total;
}

double issue_points(const OutcomeSpace& space, const Preferences& prefs, int k, double value) {
  return issue_weight_points(space, prefs, k) *
         prefs.values[static_cast<std::size_t>(space.issue(k))](value);
}

std::string format_points(double points) {
  // -0.0 and 0.04 both read "0".
  const double rounded = std::round(points * 10.0) / 10.0;
  return format_number(rounded == 0.0 ? 0.0 : rounded, 1);
}

std::vector<int> schedule_levels(const Issue& issue, const ValueFunction& value, int most) {
  const int n = issue.levels();
  std::vector<int> levels;
  if (n <= most) {
    for (int l = 0; l < n; ++l) levels.push_back(l);
    return levels;
  }
  for (int i = 0; i < most; ++i)
    levels.push_back(static_cast<int>(std::lround(static_cast<double>(i) * (n - 1) / (most - 1))));
  for (const auto& [x, y] : value.points())
    if (x >= issue.min && x <= issue.max) levels.push_back(issue.nearest_level(x));
  std::sort(levels.begin(), levels.end());
  levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
  return levels;
}

}  // namespace parley
