#pragma once
#include <ostream>

#include "engine/scenario/scenario.hpp"

namespace parley::cli {

// Prints the scenario's warnings (what the file says that can never take effect,
// engine/load/reach_check.hpp) to `err`, one per line. Returns true when the command must stop:
// `strict` is set and there is at least one warning (the caller exits 2, as for bad input).
bool report_warnings(const Scenario& scenario, bool strict, std::ostream& err);

// The --strict flag's help, the same for every command that loads a scenario.
inline constexpr const char* kStrictHelp =
    "Refuse (exit 2) a scenario that says something that can never take effect, such as an "
    "event dated after the deadline, instead of warning on stderr";

}  // namespace parley::cli
