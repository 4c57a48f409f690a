#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analysis/report/history_comparison.hpp"
#include "engine/scenario/issue.hpp"
#include "engine/scenario/parameter_slot.hpp"
#include "engine/scenario/uncertainty.hpp"
#include "engine/simulator.hpp"

namespace parley {

// What a sweep's statistics are about — the tracks and their issues, the parties, the
// uncertain parameters — in a form that travels with the statistics (state.json), so shards
// merge and summaries print without the scenario file.
struct SweepLayout {
  struct IssueInfo {
    std::string id;
    std::string label;
    std::string unit;
    IssueKind kind = IssueKind::Options;
    std::vector<std::string> level_names;  // options and flags: the names of the levels
    std::vector<double> level_values;      // every kind: the numeric value of each level
    double min = 0.0, max = 0.0;           // quantity, share
  };
  struct TrackInfo {
    std::string id;
    std::string label;
    std::vector<IssueInfo> issues;
    // The efficiency measures' disagreement point: "reservation", or "value_of_fighting_on" on
    // a war track (analysis/solutions/disagreement_point.hpp).
    std::string disagreement = "reservation";
  };
  struct PartyInfo {
    std::string id;
    std::string name;
    double utility_lower = 0.0;  // histogram range of utility: [utility_lower, 1]
    double costs_upper = 1.0;    // histogram range of costs: [0, costs_upper]
  };
  struct ParameterInfo {
    std::string pointer;
    Distribution distribution;
    bool varies = true;  // false for fixed(): it pins a value and drives nothing
  };

  std::vector<TrackInfo> tracks;
  std::vector<PartyInfo> parties;
  std::vector<ParameterInfo> parameters;
  HistoryOutline history;  // what really happened, when the scenario records it

  // Parameters that vary, in parameter order: the predictors of the drivers.
  std::vector<int> varying() const;

  friend bool operator==(const SweepLayout&, const SweepLayout&);
};

// Builds the layout; the histogram ranges come from the largest cost per round and deadline
// the parameters can reach.
SweepLayout make_sweep_layout(const Simulator& simulator, const std::vector<ParameterSlot>& slots,
                              const UncertaintySpec& spec);

nlohmann::json to_json(const SweepLayout& layout);
SweepLayout sweep_layout_from_json(const nlohmann::json& json);

}  // namespace parley
