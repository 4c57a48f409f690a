#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analysis/charts/report_page.hpp"
#include "engine/scenario/scenario.hpp"

namespace parley {

// The pictures of one run, from its trace (read_trace) and the scenario it ran: per track the
// negotiation dance (each party's utility of every offer, round by round) and the utility
// space (every outcome, the Pareto frontier, the Nash and Kalai–Smorodinsky points, the deal,
// the reservation values and, with a war, the value of fighting on); a timeline of tracks and
// events; with a world the battlefield, the value of fighting on and the costs round by round;
// with a history block the run beside what really happened. Throws InputError when the trace
// names a track or party the scenario does not have.
ReportPage run_pictures(const Scenario& scenario, const std::vector<nlohmann::json>& trace,
                        const std::string& trace_name);

// Outcome spaces larger than this are drawn thinned (every k-th outcome; the frontier whole).
inline constexpr std::int64_t kMaxDrawnOutcomes = 4000;

}  // namespace parley
