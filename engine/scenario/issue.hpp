#pragma once
#include <string>
#include <vector>

namespace parley {

// The four kinds of issue (docs/architecture.md, Vocabulary).
enum class IssueKind { Options, Quantity, Share, Flag };

const char* to_string(IssueKind kind);

// One dimension of a deal. Every issue is discretised into `levels()` points, numbered from 0;
// options and flags are naturally discrete, quantities step from min to max, and shares are
// sampled at `resolution` evenly spaced points (docs/model.md, "Outcome spaces").
struct Issue {
  std::string id;
  std::string label;
  std::string unit;
  std::string description;  // background, possibly how it ended: never in a party's brief
  std::string brief;        // the issue in plain words as it stood when the talks began
  IssueKind kind = IssueKind::Options;
  std::vector<std::string> options;  // Options: the ordered choices; Flag: {"no", "yes"}
  double min = 0.0;                  // Quantity, Share: lower end of the range
  double max = 0.0;                  // Quantity, Share: upper end of the range
  double step = 1.0;                 // Quantity: distance between levels
  int resolution = 0;                // Share: number of grid points (at least 2)

  int levels() const;
  // The issue's numeric value at a level: the option or flag index, or the quantity/share.
  double value_at(int level) const;
  // Is `value` a legal value of this issue (inside the range, on an option index)?
  bool contains(double value) const;
  // The level nearest to `value`.
  int nearest_level(double value) const;
  // A value in the issue's own words and unit: "local truces", "yes", "1,000 prisoners".
  std::string describe(double value) const;
};

}  // namespace parley
