#include "engine/forecast/actor_table.hpp"

#include <cmath>
#include <set>

namespace parley::forecast {

std::string check_actor_table(const ActorTable& table) {
  if (table.dimensions.empty()) return "no policy dimension";
  if (table.actors.size() < 2) return "fewer than two actors";
  for (const PolicyDimension& d : table.dimensions)
    if (!std::isfinite(d.low) || !std::isfinite(d.high) || !(d.high > d.low))
      return "dimension \"" + d.id + "\" has no scale (low must be below high)";
  std::set<std::string> ids;
  for (const Stakeholder& a : table.actors) {
    if (!ids.insert(a.id).second) return "actor \"" + a.id + "\" is listed twice";
    if (!std::isfinite(a.capability) || !(a.capability > 0))
      return "actor \"" + a.id + "\" has no positive capability";
    if (a.positions.size() != table.dimensions.size() ||
        a.saliences.size() != table.dimensions.size())
      return "actor \"" + a.id + "\" needs one position and one salience per dimension";
    for (std::size_t d = 0; d < table.dimensions.size(); ++d) {
      const double x = a.positions[d];
      const double s = a.saliences[d];
      if (!std::isfinite(x) || x < table.dimensions[d].low || x > table.dimensions[d].high)
        return "actor \"" + a.id + "\" stands off the scale of \"" + table.dimensions[d].id + "\"";
      if (!std::isfinite(s) || s < 0 || s > 1)
        return "actor \"" + a.id + "\" has a salience outside 0 to 1";
    }
    if (!a.ideals.empty() && a.ideals.size() != table.dimensions.size())
      return "actor \"" + a.id + "\" needs one ideal point per dimension, or none";
    for (std::size_t d = 0; d < a.ideals.size(); ++d)
      if (!std::isfinite(a.ideals[d]) || a.ideals[d] < table.dimensions[d].low ||
          a.ideals[d] > table.dimensions[d].high)
        return "actor \"" + a.id + "\" has an ideal point off the scale of \"" +
               table.dimensions[d].id + "\"";
    if (a.ideal_adjustment && !(*a.ideal_adjustment >= 0 && *a.ideal_adjustment <= 1))
      return "actor \"" + a.id + "\" has an ideal adjustment outside 0 to 1";
    if (a.risk_exponent &&
        !(*a.risk_exponent >= kMinRiskExponent && *a.risk_exponent <= kMaxRiskExponent))
      return "actor \"" + a.id + "\" has a risk exponent outside 0.5 to 2";
  }
  return "";
}

}  // namespace parley::forecast
