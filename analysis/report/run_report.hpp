#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "engine/run_result.hpp"
#include "engine/simulator.hpp"

namespace parley {

// The stable JSON form of one run (docs/output.md, "parley run --format json").
nlohmann::ordered_json run_report_json(const Simulator& simulator, const RunResult& result);

// The readable summary of one run, for a terminal: per track whether and when it was agreed,
// the terms in each issue's own words, and each party's utility; with a history block, the
// simulated outcome beside the historical one (analysis/report/history_comparison.hpp).
std::string run_report_text(const Simulator& simulator, const RunResult& result);

}  // namespace parley
