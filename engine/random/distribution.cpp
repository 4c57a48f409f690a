#include "engine/random/distribution.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/special_functions/beta.hpp>
#include <charconv>
#include <cmath>
#include <exception>
#include <limits>
#include <numeric>

namespace parley {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Boost.Math promotes double to long double by default, whose width differs between
// platforms; computing in double keeps quantiles identical everywhere.
using ExactPolicy = boost::math::policies::policy<boost::math::policies::promote_double<false>>;
using StandardNormal = boost::math::normal_distribution<double, ExactPolicy>;

// The smallest probability a truncated normal may keep: below it the inverse-CDF draw loses
// its precision.
constexpr double kMinTruncatedMass = 1e-12;

std::string number_text(double x) {
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  if (std::isnan(x)) return "nan";
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, x);
  return std::string(buffer, result.ptr);
}

bool finite(double x) {
  return std::isfinite(x);
}

double standard_normal_quantile(double u) {
  return boost::math::quantile(StandardNormal(), u);
}

}  // namespace

TruncatedNormalFrame truncated_normal_frame(const Distribution& d) {
  const StandardNormal z;
  const double a = (d.min - d.mean) / d.sd;
  const double b = (d.max - d.mean) / d.sd;
  TruncatedNormalFrame f;
  f.upper_side = a > 0.0;
  if (f.upper_side) {
    const double qa = boost::math::cdf(boost::math::complement(z, a));
    const double qb = boost::math::cdf(boost::math::complement(z, b));
    f.lower_tail = qb;
    f.kept = qa - qb;
  } else {
    const double pa = boost::math::cdf(z, a);
    const double pb = boost::math::cdf(z, b);
    f.lower_tail = pa;
    f.kept = pb - pa;
  }
  return f;
}

double truncated_normal_quantile(const Distribution& d, const TruncatedNormalFrame& f, double u) {
  const StandardNormal z;
  double x = 0.0;
  if (f.upper_side) {
    // Upper-tail probability runs from P(Z > b) (at max) to P(Z > a) (at min).
    const double q = f.lower_tail + (1.0 - u) * f.kept;
    x = boost::math::quantile(boost::math::complement(z, q));
  } else {
    x = boost::math::quantile(z, f.lower_tail + u * f.kept);
  }
  // Rounding in the last bit may step outside [min, max]; the distribution itself does not.
  return std::clamp(d.mean + d.sd * x, d.min, d.max);
}

bool ValueRange::encloses(const ValueRange& inner) const {
  if (inner.lo < lo || (inner.lo == lo && lo_open && !inner.lo_open && std::isfinite(lo)))
    return false;
  if (inner.hi > hi || (inner.hi == hi && hi_open && !inner.hi_open && std::isfinite(hi)))
    return false;
  return true;
}

std::string ValueRange::describe() const {
  return std::string(lo_open ? "(" : "[") + number_text(lo) + ", " + number_text(hi) +
         (hi_open ? ")" : "]");
}

const char* to_string(DistributionKind kind) {
  switch (kind) {
    case DistributionKind::Fixed:
      return "fixed";
    case DistributionKind::Uniform:
      return "uniform";
    case DistributionKind::Normal:
      return "normal";
    case DistributionKind::TruncatedNormal:
      return "truncated_normal";
    case DistributionKind::Lognormal:
      return "lognormal";
    case DistributionKind::Beta:
      return "beta";
    case DistributionKind::Triangular:
      return "triangular";
    case DistributionKind::Discrete:
      return "discrete";
  }
  return "?";
}

std::optional<DistributionKind> distribution_kind(const std::string& name) {
  for (auto kind :
       {DistributionKind::Fixed, DistributionKind::Uniform, DistributionKind::Normal,
        DistributionKind::TruncatedNormal, DistributionKind::Lognormal, DistributionKind::Beta,
        DistributionKind::Triangular, DistributionKind::Discrete})
    if (name == to_string(kind)) return kind;
  return std::nullopt;
}

const std::vector<std::string>& distribution_fields(DistributionKind kind) {
  static const std::vector<std::string> fixed{"value"}, uniform{"min", "max"}, normal{"mean", "sd"},
      truncated{"mean", "sd", "min", "max"}, lognormal{"mu", "sigma"},
      beta{"alpha", "beta", "min", "max"}, triangular{"min", "mode", "max"}, discrete{};
  switch (kind) {
    case DistributionKind::Fixed:
      return fixed;
    case DistributionKind::Uniform:
      return uniform;
    case DistributionKind::Normal:
      return normal;
    case DistributionKind::TruncatedNormal:
      return truncated;
    case DistributionKind::Lognormal:
      return lognormal;
    case DistributionKind::Beta:
      return beta;
    case DistributionKind::Triangular:
      return triangular;
    case DistributionKind::Discrete:
      return discrete;
  }
  return discrete;
}

bool distribution_field_optional(DistributionKind kind, const std::string& field) {
  return kind == DistributionKind::Beta && (field == "min" || field == "max");
}

bool Distribution::set(const std::string& field, double x) {
  const auto& fields = distribution_fields(kind);
  if (std::find(fields.begin(), fields.end(), field) == fields.end()) return false;
  if (field == "value") value = x;
  if (field == "min") min = x;
  if (field == "max") max = x;
  if (field == "mode") mode = x;
  if (field == "mean") mean = x;
  if (field == "sd") sd = x;
  if (field == "mu") mu = x;
  if (field == "sigma") sigma = x;
  if (field == "alpha") alpha = x;
  if (field == "beta") beta = x;
  return true;
}

double Distribution::get(const std::string& field) const {
  if (field == "value") return value;
  if (field == "min") return min;
  if (field == "max") return max;
  if (field == "mode") return mode;
  if (field == "mean") return mean;
  if (field == "sd") return sd;
  if (field == "mu") return mu;
  if (field == "sigma") return sigma;
  if (field == "alpha") return alpha;
  if (field == "beta") return beta;
  return std::numeric_limits<double>::quiet_NaN();
}

void Distribution::normalise() {
  if (kind != DistributionKind::Discrete) return;
  if (weights.empty()) weights.assign(values.size(), 1.0);
  if (weights.size() != values.size()) return;  // check() reports it
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [this](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<double> v, w;
  for (std::size_t k : order) {
    v.push_back(values[k]);
    w.push_back(weights[k]);
  }
  values = std::move(v);
  weights = std::move(w);
}

std::optional<DistributionProblem> check(const Distribution& d) {
  auto problem = [](std::string field, std::string expected,
                    double found) -> std::optional<DistributionProblem> {
    return DistributionProblem{std::move(field), std::move(expected), number_text(found)};
  };
  for (const std::string& field : distribution_fields(d.kind))
    if (!finite(d.get(field))) return problem(field, "a finite number", d.get(field));
  switch (d.kind) {
    case DistributionKind::Fixed:
      break;
    case DistributionKind::Uniform:
      if (!(d.min < d.max)) return problem("max", "a number above min", d.max);
      break;
    case DistributionKind::Normal:
      if (!(d.sd > 0)) return problem("sd", "a number > 0", d.sd);
      break;
    case DistributionKind::TruncatedNormal: {
      if (!(d.sd > 0)) return problem("sd", "a number > 0", d.sd);
      if (!(d.min < d.max)) return problem("max", "a number above min", d.max);
      if (truncated_normal_frame(d).kept < kMinTruncatedMass)
        return problem("max",
                       "min and max within reach of the mean (they keep less than 1e-12 of "
                       "the normal's probability)",
                       d.max);
      break;
    }
    case DistributionKind::Lognormal:
      if (!(d.sigma > 0)) return problem("sigma", "a number > 0", d.sigma);
      if (std::abs(d.mu) > 700 || d.sigma > 30)
        return problem("sigma", "mu and sigma for which exp() stays finite", d.sigma);
      break;
    case DistributionKind::Beta:
      if (!(d.alpha > 0)) return problem("alpha", "a number > 0", d.alpha);
      if (!(d.beta > 0)) return problem("beta", "a number > 0", d.beta);
      if (!(d.min < d.max)) return problem("max", "a number above min", d.max);
      break;
    case DistributionKind::Triangular:
      if (!(d.min < d.max)) return problem("max", "a number above min", d.max);
      if (!(d.mode >= d.min && d.mode <= d.max))
        return problem("mode", "a number between min and max", d.mode);
      break;
    case DistributionKind::Discrete: {
      if (d.values.empty())
        return DistributionProblem{"values", "at least one value", "an empty list"};
      if (d.weights.size() != d.values.size())
        return DistributionProblem{"weights", "one weight per value",
                                   std::to_string(d.weights.size()) + " weights for " +
                                       std::to_string(d.values.size()) + " values"};
      for (std::size_t k = 0; k < d.values.size(); ++k) {
        if (!finite(d.values[k]))
          return problem("values/" + std::to_string(k), "a finite number", d.values[k]);
        if (!(d.weights[k] > 0) || !finite(d.weights[k]))
          return problem("weights/" + std::to_string(k), "a finite number > 0", d.weights[k]);
      }
      std::vector<double> sorted = d.values;
      std::sort(sorted.begin(), sorted.end());
      if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end())
        return DistributionProblem{
            "values", "distinct values",
            "the value " + number_text(*std::adjacent_find(sorted.begin(), sorted.end())) +
                " twice"};
      break;
    }
  }
  // Parameters each finite may still give values that are not (a beta with alpha 1e15, a
  // uniform whose ends are 1e308 apart): the sweep would draw NaN. Name the largest field.
  for (const double u : {1e-9, 0.25, 0.5, 0.75, 1 - 1e-9}) {
    bool value_ok = false;
    try {
      value_ok = finite(quantile(d, u));
    } catch (const std::exception&) {  // Boost.Math's overflow error (a beta with alpha 5e-324)
    }
    if (value_ok) continue;
    std::string largest;
    for (const std::string& field : distribution_fields(d.kind))
      if (largest.empty() || std::abs(d.get(field)) > std::abs(d.get(largest))) largest = field;
    if (largest.empty()) largest = "values";
    return DistributionProblem{largest,
                               "parameters for which the distribution's values are finite "
                               "numbers (this one is too large)",
                               largest == "values" ? "values" : number_text(d.get(largest))};
  }
  return std::nullopt;
}

ValueRange support(const Distribution& d) {
  switch (d.kind) {
    case DistributionKind::Fixed:
      return {d.value, d.value, false, false};
    case DistributionKind::Normal:
      return {-kInf, kInf, true, true};
    case DistributionKind::Lognormal:
      return {0.0, kInf, true, true};
    case DistributionKind::Discrete: {
      const auto [lo, hi] = std::minmax_element(d.values.begin(), d.values.end());
      return {*lo, *hi, false, false};
    }
    case DistributionKind::Beta:
      // Where a shape parameter exceeds 1 the density vanishes at that end: a draw would have
      // to land within 2^-53 of it, an event of probability below 2^(-53 * shape).
      return {d.min, d.max, d.alpha > 1.0, d.beta > 1.0};
    case DistributionKind::Uniform:
    case DistributionKind::TruncatedNormal:
    case DistributionKind::Triangular:
      // Closed: a draw can round onto either end even where the density vanishes there.
      return {d.min, d.max, false, false};
  }
  return {};
}

double quantile(const Distribution& d, double u) {
  switch (d.kind) {
    case DistributionKind::Fixed:
      return d.value;
    case DistributionKind::Uniform:
      return d.min + u * (d.max - d.min);
    case DistributionKind::Normal:
      return d.mean + d.sd * standard_normal_quantile(u);
    case DistributionKind::TruncatedNormal:
      return truncated_normal_quantile(d, truncated_normal_frame(d), u);
    case DistributionKind::Lognormal:
      return std::exp(d.mu + d.sigma * standard_normal_quantile(u));
    case DistributionKind::Beta:
      return d.min + (d.max - d.min) * boost::math::ibeta_inv(d.alpha, d.beta, u, ExactPolicy());
    case DistributionKind::Triangular: {
      const double width = d.max - d.min;
      if (u * width < d.mode - d.min) return d.min + std::sqrt(u * width * (d.mode - d.min));
      return d.max - std::sqrt((1.0 - u) * width * (d.max - d.mode));
    }
    case DistributionKind::Discrete: {
      double total = 0.0;
      for (double w : d.weights) total += w;
      double cumulative = 0.0;
      for (std::size_t k = 0; k < d.values.size(); ++k) {
        cumulative += d.weights[k];
        if (u * total < cumulative) return d.values[k];
      }
      return d.values.back();
    }
  }
  return 0.0;
}

double cdf(const Distribution& d, double x) {
  const StandardNormal z;
  switch (d.kind) {
    case DistributionKind::Fixed:
      return x < d.value ? 0.0 : x > d.value ? 1.0 : 0.5;
    case DistributionKind::Uniform:
      return std::clamp((x - d.min) / (d.max - d.min), 0.0, 1.0);
    case DistributionKind::Normal:
      return boost::math::cdf(z, (x - d.mean) / d.sd);
    case DistributionKind::TruncatedNormal: {
      if (x <= d.min) return 0.0;
      if (x >= d.max) return 1.0;
      const TruncatedNormalFrame f = truncated_normal_frame(d);
      const double s = (x - d.mean) / d.sd;
      const double p =
          f.upper_side ? (f.lower_tail + f.kept - boost::math::cdf(boost::math::complement(z, s)))
                       : boost::math::cdf(z, s) - f.lower_tail;
      return std::clamp(p / f.kept, 0.0, 1.0);
    }
    case DistributionKind::Lognormal:
      return x <= 0.0 ? 0.0 : boost::math::cdf(z, (std::log(x) - d.mu) / d.sigma);
    case DistributionKind::Beta: {
      const double t = (x - d.min) / (d.max - d.min);
      if (t <= 0.0) return 0.0;
      if (t >= 1.0) return 1.0;
      return boost::math::ibeta(d.alpha, d.beta, t, ExactPolicy());
    }
    case DistributionKind::Triangular: {
      if (x <= d.min) return 0.0;
      if (x >= d.max) return 1.0;
      const double width = d.max - d.min;
      if (x <= d.mode) return (x - d.min) * (x - d.min) / (width * (d.mode - d.min));
      return 1.0 - (d.max - x) * (d.max - x) / (width * (d.max - d.mode));
    }
    case DistributionKind::Discrete: {
      double below = 0.0, at = 0.0, total = 0.0;
      for (std::size_t k = 0; k < d.values.size(); ++k) {
        total += d.weights[k];
        if (d.values[k] < x) below += d.weights[k];
        if (d.values[k] == x) at += d.weights[k];
      }
      return (below + 0.5 * at) / total;
    }
  }
  return 0.0;
}

double centre(const Distribution& d) {
  if (d.kind == DistributionKind::Discrete) {
    double sum = 0.0, total = 0.0;
    for (std::size_t k = 0; k < d.values.size(); ++k) {
      sum += d.weights[k] * d.values[k];
      total += d.weights[k];
    }
    return sum / total;
  }
  return quantile(d, 0.5);
}

std::string describe(const Distribution& d) {
  std::string text = std::string(to_string(d.kind)) + "(";
  if (d.kind == DistributionKind::Discrete) {
    const bool equal = std::all_of(d.weights.begin(), d.weights.end(),
                                   [&](double w) { return w == d.weights.front(); });
    for (std::size_t k = 0; k < d.values.size(); ++k) {
      if (k > 0) text += ", ";
      text += number_text(d.values[k]);
      if (!equal) text.append(":").append(number_text(d.weights[k]));
    }
  } else {
    const auto& fields = distribution_fields(d.kind);
    for (std::size_t k = 0; k < fields.size(); ++k) {
      if (k > 0) text += ", ";
      text += number_text(d.get(fields[k]));
    }
  }
  return text + ")";
}

namespace {

// A tiny cursor over the short form.
struct Cursor {
  const std::string& text;
  std::size_t at = 0;

  void skip_space() {
    while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at]))) ++at;
  }
  bool take(char c) {
    skip_space();
    if (at < text.size() && text[at] == c) {
      ++at;
      return true;
    }
    return false;
  }
  std::string name() {
    skip_space();
    const std::size_t start = at;
    while (at < text.size() && (std::isalnum(static_cast<unsigned char>(text[at])) ||
                                text[at] == '_' || text[at] == '-'))
      ++at;
    return text.substr(start, at - start);
  }
  std::optional<double> number() {
    skip_space();
    double x = 0.0;
    const char* begin = text.data() + at;
    if (at < text.size() && text[at] == '+') ++begin;
    const auto result = std::from_chars(begin, text.data() + text.size(), x);
    if (result.ec != std::errc() || !std::isfinite(x)) return std::nullopt;
    at = static_cast<std::size_t>(result.ptr - text.data());
    return x;
  }
  bool done() {
    skip_space();
    return at == text.size();
  }
};

}  // namespace

std::optional<Distribution> parse_distribution(const std::string& text, std::string& error) {
  Cursor in{text};
  Distribution d;
  // A bare number pins the parameter: fixed(number).
  if (auto x = in.number(); x && in.done()) {
    d.kind = DistributionKind::Fixed;
    d.value = *x;
    return d;
  }
  in.at = 0;
  const std::string name = in.name();
  const auto kind = distribution_kind(name);
  if (!kind) {
    error =
        "a distribution (fixed, uniform, normal, truncated_normal, lognormal, beta, "
        "triangular, discrete) or a number, found '" +
        text + "'";
    return std::nullopt;
  }
  d.kind = *kind;
  if (!in.take('(')) {
    error = "'(' after " + name;
    return std::nullopt;
  }
  const auto& fields = distribution_fields(d.kind);
  std::vector<bool> given(fields.size(), false);
  std::size_t position = 0;
  bool named = false;
  bool weighted = false;
  if (!in.take(')')) {
    do {
      in.skip_space();
      // name=number, or a positional number
      const std::size_t start = in.at;
      std::string field = in.name();
      if (!field.empty() && !std::isdigit(static_cast<unsigned char>(field[0])) && in.take('=')) {
        named = true;
      } else {
        if (named) {
          error = "named arguments only after the first named one, in '" + text + "'";
          return std::nullopt;
        }
        in.at = start;
        field.clear();
      }
      const auto x = in.number();
      if (!x) {
        error = "a number at position " + std::to_string(in.at + 1) + " of '" + text + "'";
        return std::nullopt;
      }
      if (d.kind == DistributionKind::Discrete) {
        if (!field.empty()) {
          error = "discrete takes values or value:weight pairs, not names, in '" + text + "'";
          return std::nullopt;
        }
        d.values.push_back(*x);
        if (in.take(':')) {
          const auto w = in.number();
          if (!w) {
            error = "a weight after ':' in '" + text + "'";
            return std::nullopt;
          }
          if (!d.values.empty() && d.values.size() > 1 && !weighted) {
            error = "a weight for every value or for none, in '" + text + "'";
            return std::nullopt;
          }
          weighted = true;
          d.weights.push_back(*w);
        } else if (weighted) {
          error = "a weight for every value or for none, in '" + text + "'";
          return std::nullopt;
        }
        continue;
      }
      std::size_t index = position;
      if (!field.empty()) {
        const auto it = std::find(fields.begin(), fields.end(), field);
        if (it == fields.end()) {
          std::string known;
          for (const auto& f : fields) known += (known.empty() ? "" : ", ") + f;
          error = name + " takes " + known + "; found '" + field + "'";
          return std::nullopt;
        }
        index = static_cast<std::size_t>(it - fields.begin());
      }
      if (index >= fields.size()) {
        error = name + " takes " + std::to_string(fields.size()) + " numbers, in '" + text + "'";
        return std::nullopt;
      }
      if (given[index]) {
        error = fields[index] + " given twice in '" + text + "'";
        return std::nullopt;
      }
      given[index] = true;
      d.set(fields[index], *x);
      ++position;
    } while (in.take(','));
    if (!in.take(')')) {
      error = "',' or ')' at position " + std::to_string(in.at + 1) + " of '" + text + "'";
      return std::nullopt;
    }
  }
  if (!in.done()) {
    error = "nothing after ')' in '" + text + "'";
    return std::nullopt;
  }
  if (d.kind == DistributionKind::Beta && !given[2] && !given[3]) {
    d.min = 0.0;
    d.max = 1.0;
    given[2] = given[3] = true;
  }
  for (std::size_t k = 0; k < fields.size(); ++k) {
    if (!given[k]) {
      error = name + " needs " + fields[k] + " in '" + text + "'";
      return std::nullopt;
    }
  }
  d.normalise();
  return d;
}

}  // namespace parley
