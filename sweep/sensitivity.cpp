#include "sweep/sensitivity.hpp"

#include <cmath>
#include <cstdio>
#include <limits>

#include "analysis/statistics/json_number.hpp"
#include "analysis/statistics/proportion.hpp"
#include "engine/format.hpp"

namespace parley {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Significant digits that keep small and large numbers readable in a sentence.
std::string readable(double x) {
  const double a = std::abs(x);
  if (a >= 1000) return format_thousands(std::llround(x));
  if (a > 0 && a < 0.001) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3g", x);
    return buffer;
  }
  return format_number(x, a >= 10 ? 1 : a >= 1 ? 2 : a >= 0.01 ? 3 : 6);
}

}  // namespace

BinEstimate bin_estimate(const Moments& y, bool binary) {
  BinEstimate e;
  e.runs = y.count();
  if (e.runs == 0) return {0, kNaN, kNaN, kNaN};
  e.mean = y.mean();
  if (binary) {
    const auto successes = static_cast<std::uint64_t>(std::llround(y.sum()));
    const Interval w = wilson_interval(successes, e.runs);
    e.lower = w.lower;
    e.upper = w.upper;
  } else if (e.runs >= 2) {
    const double half = kZ95 * y.standard_deviation() / std::sqrt(static_cast<double>(e.runs));
    e.lower = e.mean - half;
    e.upper = e.mean + half;
  } else {
    e.lower = e.upper = kNaN;
  }
  return e;
}

std::string curve_shape(const std::vector<BinEstimate>& all) {
  std::vector<BinEstimate> bins;
  for (const BinEstimate& b : all)
    if (b.runs > 0) bins.push_back(b);
  if (bins.size() < 2) return "";
  // Intervals apart; an undefined interval (one run) separates nothing.
  auto above = [](const BinEstimate& a, const BinEstimate& b) { return a.lower > b.upper; };
  std::size_t top = 0, bottom = 0;
  for (std::size_t k = 1; k < bins.size(); ++k) {
    if (bins[k].mean > bins[top].mean) top = k;
    if (bins[k].mean < bins[bottom].mean) bottom = k;
  }
  auto apart_on_both_sides = [&](std::size_t j, auto&& beyond) {
    bool left = false, right = false;
    for (std::size_t k = 0; k < j; ++k) left = left || beyond(k);
    for (std::size_t k = j + 1; k < bins.size(); ++k) right = right || beyond(k);
    return left && right;
  };
  if (apart_on_both_sides(top, [&](std::size_t k) { return above(bins[top], bins[k]); }))
    return "peaks inside";
  if (apart_on_both_sides(bottom, [&](std::size_t k) { return above(bins[k], bins[bottom]); }))
    return "dips inside";
  if (above(bins.back(), bins.front())) return "increasing";
  if (above(bins.front(), bins.back())) return "decreasing";
  return "flat";
}

nlohmann::json partial_dependence_json(const std::string& pointer, const std::vector<Moments>& x,
                                       const std::vector<Moments>& y, bool binary) {
  nlohmann::json bins = nlohmann::json::array();
  std::vector<BinEstimate> estimates;
  for (std::size_t b = 0; b < y.size(); ++b) {
    const BinEstimate e = bin_estimate(y[b], binary);
    estimates.push_back(e);
    bins.push_back({{"x", number_or_null(x[b].mean())},
                    {"runs", e.runs},
                    {"mean", number_or_null(e.mean)},
                    {"ci95", {number_or_null(e.lower), number_or_null(e.upper)}}});
  }
  const std::string shape = curve_shape(estimates);
  nlohmann::json out = {{"pointer", pointer},
                        {"bins", bins},
                        {"shape", shape.empty() ? nlohmann::json(nullptr) : nlohmann::json(shape)}};
  if (shape == "peaks inside" || shape == "dips inside") {
    std::size_t best = y.size();
    for (std::size_t b = 0; b < y.size(); ++b) {
      if (estimates[b].runs == 0) continue;
      if (best == y.size() || (shape == "peaks inside" ? estimates[b].mean > estimates[best].mean
                                                       : estimates[b].mean < estimates[best].mean))
        best = b;
    }
    out["at"] = number_or_null(x[best].mean());
  }
  return out;
}

nlohmann::json tornado_json(const nlohmann::json& pd) {
  const nlohmann::json* low = nullptr;
  const nlohmann::json* high = nullptr;
  double lowest = 0.0, highest = 0.0;
  for (const nlohmann::json& b : pd.at("bins")) {
    if (b.at("runs").get<std::uint64_t>() == 0 || !b.at("mean").is_number()) continue;
    const double m = b.at("mean").get<double>();
    if (!low) {
      low = &b;
      lowest = highest = m;
    }
    high = &b;
    lowest = std::min(lowest, m);
    highest = std::max(highest, m);
  }
  nlohmann::json out = {{"pointer", pd.at("pointer")}};
  if (!low) {
    out["low"] = out["high"] = out["swing"] = out["range"] = nullptr;
    return out;
  }
  out["low"] = {{"x", low->at("x")}, {"mean", low->at("mean")}};
  out["high"] = {{"x", high->at("x")}, {"mean", high->at("mean")}};
  out["swing"] = number_or_null(high->at("mean").get<double>() - low->at("mean").get<double>());
  out["range"] = number_or_null(highest - lowest);
  return out;
}

std::vector<std::string> sensitivity_notes(const std::string& label, const nlohmann::json& pds,
                                           const nlohmann::json& sobol_rows) {
  std::vector<std::string> notes;
  for (const nlohmann::json& pd : pds) {
    const nlohmann::json& shape = pd.at("shape");
    if (!shape.is_string()) continue;
    const std::string s = shape.get<std::string>();
    if (s != "peaks inside" && s != "dips inside") continue;
    notes.push_back("The effect of " + pd.at("pointer").get<std::string>() + " on " + label +
                    " is not monotone: it " + (s == "peaks inside" ? "peaks" : "dips") + " near " +
                    (pd.at("at").is_number() ? readable(pd.at("at").get<double>())
                                             : std::string("the middle")) +
                    " and is " + (s == "peaks inside" ? "lower" : "higher") +
                    " on both sides (95% intervals apart), so one regression coefficient or "
                    "Sobol index does not describe it; read its partial dependence.");
  }
  double sum = 0.0, variance = 0.0;
  int defined = 0;
  for (const nlohmann::json& r : sobol_rows) {
    if (!r.at("sobol").is_number()) continue;
    sum += r.at("sobol").get<double>();
    if (r.at("sobol_se").is_number()) variance += std::pow(r.at("sobol_se").get<double>(), 2);
    ++defined;
  }
  if (defined > 0 && sum > 1.0)
    notes.push_back(
        "The first-order Sobol indices of " + label + " sum to " + readable(sum) +
        ", past 1. With independent parameters the true indices sum to at most 1 (interactions "
        "take the rest), so the excess is estimation noise: each index is estimated from the "
        "runs in its bins (standard error of the sum about " +
        readable(std::sqrt(variance)) + "); more runs narrow it.");
  return notes;
}

}  // namespace parley
