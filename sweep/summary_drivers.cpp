// summary.json's drivers (what moves each outcome: standardized regression, Sobol indices,
// partial dependence, the tornado) and, in a grid design, its cells.
#include <algorithm>
#include <cmath>

#include "analysis/statistics/json_number.hpp"
#include "sweep/sensitivity.hpp"
#include "sweep/summary.hpp"

namespace parley {

nlohmann::json SweepStatistics::drivers_summary() const {
  const SweepLayout& l = *layout_;
  nlohmann::json drivers = nlohmann::json::array();
  for (const Driver& d : drivers_) {
    nlohmann::json driver = outcome_json(d.outcome, l);
    driver["runs"] = d.regression.count();
    const auto fit = standardized_regression(d.regression);
    const auto sobol = d.sobol.indices();
    driver["r_squared"] = fit ? number_or_null(fit->r_squared) : nlohmann::json(nullptr);
    nlohmann::json rows = nlohmann::json::array();
    nlohmann::json dependence = nlohmann::json::array();
    nlohmann::json tornado = nlohmann::json::array();
    double sobol_sum = 0.0;
    bool any_sobol = false;
    for (std::size_t k = 0; k < varying_.size(); ++k) {
      const std::string& pointer = l.parameters[varying_[k]].pointer;
      rows.push_back(
          {{"pointer", pointer},
           {"src", fit ? number_or_null(fit->coefficients[k]) : nlohmann::json(nullptr)},
           {"src_se", fit ? number_or_null(fit->standard_errors[k]) : nlohmann::json(nullptr)},
           {"sobol", number_or_null(sobol[k].estimate)},
           {"sobol_se", number_or_null(sobol[k].standard_error)}});
      if (std::isfinite(sobol[k].estimate)) {
        sobol_sum += sobol[k].estimate;
        any_sobol = true;
      }
      dependence.push_back(
          partial_dependence_json(pointer, bin_x_[k], d.bins[k], d.outcome.binary()));
      tornado.push_back(tornado_json(dependence.back()));
    }
    // The tornado lists the widest effect first (ties keep parameter order).
    auto width = [](const nlohmann::json& t) {
      return t.at("range").is_number() ? t.at("range").get<double>() : -1.0;
    };
    std::stable_sort(tornado.begin(), tornado.end(),
                     [&](const auto& a, const auto& b) { return width(a) > width(b); });
    driver["parameters"] = rows;
    driver["sobol_sum"] = any_sobol ? number_or_null(sobol_sum) : nlohmann::json(nullptr);
    driver["partial_dependence"] = dependence;
    driver["tornado"] = tornado;
    driver["notes"] = sensitivity_notes(outcome_label(d.outcome, l), dependence, rows);
    drivers.push_back(std::move(driver));
  }
  return drivers;
}

nlohmann::json SweepStatistics::grid_summary() const {
  const SweepLayout& l = *layout_;
  nlohmann::json pointers = nlohmann::json::array();
  for (int j : varying_) pointers.push_back(l.parameters[j].pointer);
  nlohmann::json outcomes = nlohmann::json::array();
  for (const Driver& d : drivers_) outcomes.push_back(outcome_json(d.outcome, l));
  nlohmann::json cells = nlohmann::json::array();
  std::vector<std::size_t> level(varying_.size(), 0);
  for (std::size_t c = 0; c < cells_; ++c) {
    // The cell's level of each parameter, first parameter slowest.
    std::size_t rest = c;
    for (std::size_t k = varying_.size(); k-- > 0;) {
      const auto n = static_cast<std::size_t>(l.parameters[varying_[k]].bins);
      level[k] = rest % n;
      rest /= n;
    }
    nlohmann::json x = nlohmann::json::array();
    for (std::size_t k = 0; k < varying_.size(); ++k)
      x.push_back(number_or_null(bin_x_[k][level[k]].mean()));
    nlohmann::json values = nlohmann::json::object();
    std::uint64_t runs = 0;
    for (const Driver& d : drivers_) {
      const BinEstimate e = bin_estimate(d.cells[c], d.outcome.binary());
      if (d.outcome.kind == OutcomeKind::Agreement) runs = std::max(runs, e.runs);
      values[outcome_key(d.outcome, l)] = {
          {"runs", e.runs},
          {"mean", number_or_null(e.mean)},
          {"ci95", {number_or_null(e.lower), number_or_null(e.upper)}}};
    }
    cells.push_back({{"levels", x}, {"runs", runs}, {"outcomes", values}});
  }
  return {{"parameters", pointers}, {"outcomes", outcomes}, {"cells", cells}};
}

}  // namespace parley
