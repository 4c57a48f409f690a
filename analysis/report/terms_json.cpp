#include "analysis/report/terms_json.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace parley {

double tidy(double value) {
  if (!std::isfinite(value) || value == 0.0) return value == 0.0 ? 0.0 : value;
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.12g", value);
  return std::strtod(buffer, nullptr);
}

nlohmann::ordered_json terms_json(const Scenario& scenario, const OutcomeSpace& space,
                                  const Deal& deal) {
  nlohmann::ordered_json terms = nlohmann::ordered_json::object();
  for (int k = 0; k < deal.size; ++k) {
    const Issue& issue = scenario.issues[space.issue(k)];
    terms[issue.id] = {{"value", tidy(deal.values[k])}, {"text", issue.describe(deal.values[k])}};
  }
  return terms;
}

nlohmann::ordered_json utilities_json(const Scenario& scenario, const OutcomeSpace& space,
                                      const Deal& deal) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (std::size_t p = 0; p < scenario.parties.size(); ++p)
    out[scenario.parties[p].id] = tidy(space.utility(static_cast<int>(p), deal));
  return out;
}

}  // namespace parley
