#pragma once
#include <nlohmann/json.hpp>
#include <string>

namespace parley {

// A sweep's summary.json as readable tables (`parley summary DIR`): agreement per track with
// its interval and timing, how tracks closed, the agreed terms, the efficiency of agreements,
// the parties' utilities and costs, and the drivers of each headline outcome.
std::string summary_text(const nlohmann::json& summary);

}  // namespace parley
