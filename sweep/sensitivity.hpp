#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analysis/statistics/moments.hpp"

namespace parley {

// What the sweep says about one outcome along one parameter, read from per-bin moments
// (docs/sweep.md, "Partial dependence and tornado"): the outcome's mean and 95% interval in
// each bin of the parameter, and the shape of that curve.

// The mean and 95% interval of the values in one bin: Wilson's for a share of runs (0/1
// values), mean ± 1.96 sd / sqrt(n) otherwise; `lower`/`upper` are NaN when undefined.
struct BinEstimate {
  std::uint64_t runs = 0;
  double mean = 0.0;
  double lower = 0.0;
  double upper = 0.0;
};
BinEstimate bin_estimate(const Moments& y, bool binary);

// The shape of a partial dependence curve over its non-empty bins, judged by the intervals so
// noise alone does not make a curve "not monotone": "peaks inside" when some inner bin lies
// above a bin on each side of it (intervals apart), "dips inside" the other way round,
// "increasing" / "decreasing" when the last bin lies above / below the first, else "flat".
// Empty with fewer than two non-empty bins.
std::string curve_shape(const std::vector<BinEstimate>& bins);

// {"pointer", "bins": [{"x", "runs", "mean", "ci95"}], "shape", and for a peak or a dip "at"
// (the x of the extreme bin)}; `x` is the mean parameter value in each bin.
nlohmann::json partial_dependence_json(const std::string& pointer, const std::vector<Moments>& x,
                                       const std::vector<Moments>& y, bool binary);

// The tornado entry of one parameter from its partial dependence: the outcome's mean in the
// lowest and highest non-empty bins ("low", "high", each {"x", "mean"}), "swing" = high - low
// and "range" = the largest minus the smallest bin mean. Null fields without data.
nlohmann::json tornado_json(const nlohmann::json& partial_dependence);

// Sentences for people about one outcome's sensitivity: curves that are not monotone, and first
// order Sobol indices that sum past 1 (`sobol`: the drivers' parameter rows).
std::vector<std::string> sensitivity_notes(const std::string& outcome_label,
                                           const nlohmann::json& partial_dependence,
                                           const nlohmann::json& sobol_rows);

}  // namespace parley
