#pragma once
#include <utility>
#include <vector>

namespace parley {

// How much a party values each value of one issue, on [0, 1]. Options and flags use a table
// indexed by option; quantities and shares use piecewise-linear points, flat beyond the ends.
class ValueFunction {
 public:
  static ValueFunction table(std::vector<double> values);
  static ValueFunction piecewise_linear(std::vector<std::pair<double, double>> points);

  double operator()(double x) const;
  bool is_table() const { return !table_.empty(); }
  const std::vector<double>& table_values() const { return table_; }
  const std::vector<std::pair<double, double>>& points() const { return points_; }

 private:
  std::vector<double> table_;
  std::vector<std::pair<double, double>> points_;
};

}  // namespace parley
