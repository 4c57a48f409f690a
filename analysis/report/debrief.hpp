#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "analysis/charts/report_page.hpp"
#include "analysis/report/deal_evaluation.hpp"
#include "engine/simulator.hpp"

namespace parley {

// The class debrief (`parley debrief`, docs/classroom.md): every table's game, read from its
// trace, set against theory (the Pareto frontier, the Nash and Kalai–Smorodinsky points, as
// `parley analyze` computes them), against the scenario's own agents (their typical deal over
// many runs) and against history. One page: per track the deals in utility space, a class table
// sortable by every measure, and per table its offers round by round.

// One table of the class: a name and its trace (read_trace's lines).
struct DebriefTable {
  std::string name;
  std::vector<nlohmann::json> trace;
};

// What became of one track at one table.
struct TableTrack {
  std::string status = "open";  // the trace's status word: agreed, deadline, ..., or open
  int round = -1;               // the round it closed in (-1: open)
  std::optional<Deal> deal;     // the agreed terms (on the track's grid when they are on it)
  // The measures of the point the table reached: the deal's utilities, or without a deal the
  // no-deal scores a run starts from.
  DealEvaluation evaluation;
  double joint_points = 0.0;  // sum of the parties' points
  int offers = 0;
};

struct TableOutcome {
  std::string name;
  bool finished = false;  // the trace has its run-end line
  std::vector<TableTrack> tracks;
};

// The scenario's agents over `runs` runs (seeds `seed`, run indices 0..runs-1), per track: how
// often they agreed, their most frequent deal and its count.
struct AgentBaseline {
  int runs = 0;
  std::uint64_t seed = 1;
  struct Track {
    int agreed = 0;
    std::optional<std::int64_t> typical;  // the most frequent agreed outcome
    int typical_count = 0;
  };
  std::vector<Track> tracks;
};

AgentBaseline agent_baseline(const Simulator& simulator, int runs, std::uint64_t seed);

// The outcome of each table. Throws InputError naming the table when its trace names a track,
// party or issue the scenario does not have.
std::vector<TableOutcome> table_outcomes(const Simulator& simulator,
                                         const std::vector<TrackReference>& references,
                                         const std::vector<DebriefTable>& tables);

ReportPage debrief_page(const Simulator& simulator, const std::vector<DebriefTable>& tables,
                        const AgentBaseline& baseline);

}  // namespace parley
