#include "engine/scenario/issue.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/format.hpp"

namespace parley {

const char* to_string(IssueKind kind) {
  switch (kind) {
    case IssueKind::Options:
      return "options";
    case IssueKind::Quantity:
      return "quantity";
    case IssueKind::Share:
      return "share";
    case IssueKind::Flag:
      return "flag";
  }
  return "?";
}

int Issue::levels() const {
  switch (kind) {
    case IssueKind::Options:
      return static_cast<int>(options.size());
    case IssueKind::Flag:
      return 2;
    case IssueKind::Quantity:
      return static_cast<int>(std::llround((max - min) / step)) + 1;
    case IssueKind::Share:
      return resolution;
  }
  return 0;
}

double Issue::value_at(int level) const {
  switch (kind) {
    case IssueKind::Options:
    case IssueKind::Flag:
      return level;
    case IssueKind::Quantity:
      return min + step * level;
    case IssueKind::Share:
      // The last grid point is exactly max, whatever the rounding of the spacing.
      if (level == resolution - 1) return max;
      return min + (max - min) * level / (resolution - 1);
  }
  return 0.0;
}

bool Issue::contains(double value) const {
  switch (kind) {
    case IssueKind::Options:
    case IssueKind::Flag:
      return value == std::floor(value) && value >= 0 && value < levels();
    case IssueKind::Quantity:
    case IssueKind::Share:
      return value >= min && value <= max;
  }
  return false;
}

int Issue::nearest_level(double value) const {
  double position = 0.0;
  switch (kind) {
    case IssueKind::Options:
    case IssueKind::Flag:
      position = value;
      break;
    case IssueKind::Quantity:
      position = (value - min) / step;
      break;
    case IssueKind::Share:
      position = (value - min) / (max - min) * (resolution - 1);
      break;
  }
  const long level = std::lround(position);
  return static_cast<int>(std::clamp<long>(level, 0, levels() - 1));
}

std::string Issue::describe(double value) const {
  switch (kind) {
    case IssueKind::Options:
      return options.at(static_cast<std::size_t>(nearest_level(value)));
    case IssueKind::Flag:
      return value >= 0.5 ? "yes" : "no";
    case IssueKind::Quantity: {
      std::string text = format_thousands(std::llround(value));
      return unit.empty() ? text : text + " " + unit;
    }
    case IssueKind::Share: {
      std::string text = format_number(value, 4);
      return unit.empty() ? text : text + " " + unit;
    }
  }
  return {};
}

}  // namespace parley
