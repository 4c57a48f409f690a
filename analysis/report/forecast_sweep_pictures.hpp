#pragma once
#include <nlohmann/json.hpp>

#include "analysis/charts/report_page.hpp"

namespace parley {

// The page of a forecast sweep (docs/sweep.md, "Forecast scenarios"), from its summary.json
// alone: per dimension the histogram of the median voter position and of the weighted mean over
// the runs, and a table of their quantiles and of how often each actor ends near the forecast.
// Throws std::invalid_argument when the JSON is not a forecast sweep's summary.
ReportPage forecast_sweep_pictures(const nlohmann::json& summary);

}  // namespace parley
