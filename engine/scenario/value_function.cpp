#include "engine/scenario/value_function.hpp"

#include <algorithm>
#include <cmath>

namespace parley {

ValueFunction ValueFunction::table(std::vector<double> values) {
  ValueFunction f;
  f.table_ = std::move(values);
  return f;
}

ValueFunction ValueFunction::piecewise_linear(std::vector<std::pair<double, double>> points) {
  ValueFunction f;
  f.points_ = std::move(points);
  return f;
}

double ValueFunction::operator()(double x) const {
  if (!table_.empty()) {
    const long index = std::clamp<long>(std::lround(x), 0, static_cast<long>(table_.size()) - 1);
    return table_[static_cast<std::size_t>(index)];
  }
  if (points_.empty()) return 0.0;
  if (x <= points_.front().first) return points_.front().second;
  if (x >= points_.back().first) return points_.back().second;
  const auto upper = std::upper_bound(points_.begin(), points_.end(), x,
                                      [](double v, const auto& p) { return v < p.first; });
  const auto& [x1, v1] = *upper;
  const auto& [x0, v0] = *(upper - 1);
  return v0 + (v1 - v0) * (x - x0) / (x1 - x0);
}

}  // namespace parley
