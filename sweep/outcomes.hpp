#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "engine/run_result.hpp"
#include "sweep/layout.hpp"

namespace parley {

// The numbers a sweep can explain (docs/sweep.md, "Outcomes"): each is a number per run, or
// undefined in some runs (the round of agreement of a run that did not agree). The drivers,
// the partial dependence, the tornado and the grid table all take their outcomes from this list,
// so every statistic covers the whole outcome: talks, war and implementation.
enum class OutcomeKind {
  Agreement,         // track: 1 if agreed, else 0
  RoundOfAgreement,  // track: the round, in runs that agreed
  Utility,           // party: its stake-weighted payoff
  Ceasefire,         // 1 if the war ended in a ceasefire
  Victory,           // party: 1 if it won the war on the battlefield
  StillFighting,     // 1 if the war was still on when the run ended
  WarEndRound,       // the round the fighting stopped, in runs where it stopped
  WarCost,           // party, cost kind: its total over the run, in the kind's unit
  Implemented,       // item, party: the share of its part carried out, in runs that signed
};

struct OutcomeDef {
  OutcomeKind kind = OutcomeKind::Agreement;
  int track = -1;
  int party = -1;
  int cost = -1;  // index into SweepLayout::war.costs
  int item = -1;  // index into SweepLayout::implementation

  // A share of runs (0 or 1 per run): its intervals are Wilson's.
  bool binary() const;
};

// Every outcome of the layout, in a fixed order: per track agreement and round of agreement,
// per party utility, then (with a battlefield) ceasefire, each side's victory, still fighting
// and the round the war ended, then each war cost a party bears, then per implementation item
// each party's share carried out.
std::vector<OutcomeDef> sweep_outcomes(const SweepLayout& layout);

// The run's value of the outcome; false when it is undefined in this run.
bool outcome_value(const OutcomeDef& outcome, const SweepLayout& layout, const RunResult& result,
                   double& y);

// Which runs the outcome is defined on, as a key: outcomes with equal keys are defined on the
// same runs (every run; the runs that agreed on a track; the runs whose war ended; the runs that
// signed an item), so they can share sums over those runs.
std::pair<int, int> outcome_runs(const OutcomeDef& outcome);

// A stable key (agreement.political, war_cost.RU.casualties, implemented.bodies.UA), what the
// runs CSV and the report use to name the outcome.
std::string outcome_key(const OutcomeDef& outcome, const SweepLayout& layout);
// In words, for people: "agreement on political", "RU's casualties".
std::string outcome_label(const OutcomeDef& outcome, const SweepLayout& layout);
// Its unit: "share of runs", "round", "utility", or the cost kind's unit.
std::string outcome_unit(const OutcomeDef& outcome, const SweepLayout& layout);

// {"outcome", "key", "label", "unit", and "track", "party", "cost", "item" as they apply}.
nlohmann::json outcome_json(const OutcomeDef& outcome, const SweepLayout& layout);

}  // namespace parley
