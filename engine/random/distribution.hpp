#pragma once
#include <optional>
#include <string>
#include <vector>

namespace parley {

// A set of reals with inclusive or exclusive ends (either may be infinite): a distribution's
// support, or the legal range of a scenario parameter.
struct ValueRange {
  double lo = 0.0;
  double hi = 0.0;
  bool lo_open = false;
  bool hi_open = false;

  bool contains(double x) const {
    return (lo_open ? x > lo : x >= lo) && (hi_open ? x < hi : x <= hi);
  }
  // Is every point of `inner` in this interval?
  bool encloses(const ValueRange& inner) const;
  std::string describe() const;  // "[0, 1)", "(0, inf)"
};

// The distributions an uncertain parameter can follow (docs/sweep.md, "Distributions").
enum class DistributionKind {
  Fixed,
  Uniform,
  Normal,
  TruncatedNormal,
  Lognormal,
  Beta,
  Triangular,
  Discrete
};
const char* to_string(DistributionKind kind);
std::optional<DistributionKind> distribution_kind(const std::string& name);
// The names of the numbers each kind takes, in the order the short form `kind(a, b, ...)`
// takes them. Discrete takes a list of values (and weights) instead.
const std::vector<std::string>& distribution_fields(DistributionKind kind);
// Fields a kind may leave out (beta's min and max default to 0 and 1).
bool distribution_field_optional(DistributionKind kind, const std::string& field);

struct Distribution {
  DistributionKind kind = DistributionKind::Fixed;
  double value = 0.0;            // fixed
  double min = 0.0, max = 0.0;   // uniform, truncated_normal, beta (its scale), triangular
  double mode = 0.0;             // triangular
  double mean = 0.0, sd = 0.0;   // normal, truncated_normal (before truncation)
  double mu = 0.0, sigma = 0.0;  // lognormal: mean and sd of log(x)
  double alpha = 0.0, beta = 0.0;
  std::vector<double> values;   // discrete, ascending after normalise()
  std::vector<double> weights;  // discrete, one per value (> 0), not necessarily summing to 1

  // Sets a field by name; false when the kind has no such field.
  bool set(const std::string& field, double x);
  double get(const std::string& field) const;
  // Sorts discrete values ascending (with their weights) and fills equal weights when none
  // were given. The loader calls it once after reading.
  void normalise();
};

// Why a distribution's parameters make no sense: the field at fault, what was expected and
// what was found (for an InputError pointing at that field).
struct DistributionProblem {
  std::string field;
  std::string expected;
  std::string found;
};
std::optional<DistributionProblem> check(const Distribution& d);

// The closed hull of the values the distribution can produce, with open ends where a value
// can only be approached (lognormal at 0). Used to check a parameter's legal range before any
// draw: parley never truncates or redraws a value (docs/sweep.md, "Legal ranges").
ValueRange support(const Distribution& d);

// The inverse cumulative distribution function at u in (0, 1): Latin hypercube and grid
// designs and equal-probability bins use it. Discrete: the smallest value whose cumulative
// weight exceeds u.
double quantile(const Distribution& d, double u);

// The cumulative distribution function; for a discrete value, the middle of its step
// (F(x-) + F(x)) / 2, so equally likely bins over [0, 1] separate the values.
double cdf(const Distribution& d, double x);

// The truncated normal's kept probability, computed once per distribution (a sampler keeps
// it), and the inverse CDF on it.
struct TruncatedNormalFrame {
  double lower_tail = 0.0;  // P(Z < a), or P(Z > b) on the upper side
  double kept = 0.0;        // P(a <= Z <= b)
  bool upper_side = false;  // the interval lies above the mean: use upper tails for precision
};
TruncatedNormalFrame truncated_normal_frame(const Distribution& d);
double truncated_normal_quantile(const Distribution& d, const TruncatedNormalFrame& f, double u);

// A central value (the median, or the weighted mean for discrete): statistics centre the
// drawn values on it so sums of squares stay well conditioned.
double centre(const Distribution& d);

// "uniform(0.9, 0.99)": the short form the command line takes (parse_distribution).
std::string describe(const Distribution& d);

// Parses the short form: `uniform(0.9, 0.99)`, `normal(mean=0.5, sd=0.1)` (names optional,
// positional arguments in distribution_fields order), `discrete(1, 2, 3)` or
// `discrete(0.9:1, 0.95:3)` (value:weight), or a bare number for fixed. Does not check() the
// result. On failure returns nothing and sets `error` to what was wrong.
std::optional<Distribution> parse_distribution(const std::string& text, std::string& error);

}  // namespace parley
