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
    // The level whose value is nearest to x; deals on the grid hit it exactly. (The layout
    // travels without the scenario, so Issue::nearest_level is out of reach here.)
    std::size_t nearest_level(double x) const;
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
    // Bins of its partial dependence: a discrete parameter's values; a continuous one's
    // equally likely strata (its grid levels in a grid design, else kContinuousBins).
    int bins = 1;
  };
  // The war (docs/world.md), when the scenario has one: the battlefield's two sides, the cost
  // kinds and which party bears which.
  struct CostKindInfo {
    std::string id;
    std::string label;
    std::string unit;
  };
  struct WarCostInfo {
    int party = 0;
    int kind = 0;
    double upper = 1.0;  // histogram range of the run's total: [0, upper]
  };
  struct WarInfo {
    bool battlefield = false;
    int up = -1, down = -1;  // the parties winning at the top and the bottom state
    std::vector<CostKindInfo> kinds;
    std::vector<WarCostInfo> costs;  // the (party, kind) pairs a party can bear, party-major
  };
  // One implementation item (WorldSpec::implementation).
  struct ItemInfo {
    std::string id;
    std::string label;
    std::string track;  // track id
    std::string issue;  // issue id, empty for the whole track
  };

  std::vector<TrackInfo> tracks;
  std::vector<PartyInfo> parties;
  std::vector<ParameterInfo> parameters;
  HistoryOutline history;  // what really happened, when the scenario records it
  WarInfo war;
  std::vector<ItemInfo> implementation;
  bool grid = false;  // a grid design: the partial dependence bins are its levels

  // The equally likely bins of a continuous parameter outside a grid design.
  static constexpr int kContinuousBins = 10;
  // The bin of parameter j's value x, in [0, parameters[j].bins).
  int bin(std::size_t j, double x) const;
  // The same, given u = cdf(parameters[j].distribution, x) (the sweep has it already).
  int bin(std::size_t j, double x, double u) const;

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
