#pragma once
#include <string>
#include <vector>

#include "engine/load/json_document.hpp"
#include "engine/scenario/scenario.hpp"

namespace parley {

// What a valid file says that can never take effect because the talks end first (docs/
// scenario-format.md, "Warnings"): a scheduled event, an agenda item, an ultimatum or a believed
// deadline (a party's, the mediator's) dated on or after the protocol's deadline (rounds 0 to
// deadline_rounds - 1 are played), a random event whose window starts after it, a track waiting to
// open after another is carried out when the items' shortest delays already reach past it. One line
// per finding, located like an error:
//   FILE:LINE:COLUMN: warning at POINTER: WHAT
// Empty without a deadline (protocol.deadline_rounds 0).
std::vector<std::string> check_reach(const JsonDocument& document, const Scenario& scenario);

}  // namespace parley
