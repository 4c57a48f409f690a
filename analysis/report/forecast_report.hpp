#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/forecast/actor_table.hpp"
#include "engine/forecast/forecast.hpp"
#include "engine/forecast/model_parameters.hpp"

namespace parley {

// A stakeholder forecast for people and for programs (`parley forecast`, docs/forecast.md).
struct ForecastReport {
  std::string name;  // the scenario's name, or the CSV file's
  const forecast::ActorTable& table;
  const forecast::ModelParameters& model;
  const std::vector<forecast::DimensionForecast>& dimensions;
};

// Every round's positions keyed by actor id, the forecast, the baselines and the model's
// choices. Numbers are written as computed (no rounding).
nlohmann::json forecast_json(const ForecastReport& report);

// The terminal report: per dimension, each actor's position by round (the first rounds and the
// last when there are many; the JSON has them all), the median and weighted mean per round with
// the offers taken, then the forecast beside the baselines.
std::string forecast_text(const ForecastReport& report);

}  // namespace parley
