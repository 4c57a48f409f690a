#pragma once
#include <string>

#include "engine/format.hpp"
#include "engine/world/world_spec.hpp"

namespace parley {

// Reading an event's resolved arguments once, when the event is bound (not when it fires).
inline double event_number(const EventSpec& spec, const std::string& name) {
  return spec.args.at(name);
}
inline int event_int(const EventSpec& spec, const std::string& name) {
  return static_cast<int>(spec.args.at(name));
}
inline bool event_flag(const EventSpec& spec, const std::string& name) {
  return spec.args.at(name) != 0.0;
}
// Joins strings by appending (GCC 12 warns falsely, -Wrestrict, on `"literal" + f()`).
template <class... Parts>
std::string concat(const Parts&... parts) {
  std::string out;
  (out.append(parts), ...);
  return out;
}
inline std::string signed_number(double value) {
  return concat(value >= 0 ? "+" : "", format_number(value, 6));
}

}  // namespace parley
