#pragma once
#include <Eigen/Core>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "analysis/solutions/disagreement_point.hpp"
#include "analysis/solutions/efficiency.hpp"
#include "analysis/solutions/utility_set.hpp"
#include "engine/scenario/deal.hpp"
#include "engine/simulator.hpp"

namespace parley {

// How good one deal is for everyone at the table (`parley evaluate`, the classroom's debrief):
// each party's points and utility, whether the deal is Pareto-optimal, its distance to the
// frontier and to the Nash point, and how unequal it is. The reference of a track (frontier,
// Nash and Kalai–Smorodinsky points from the no-deal scores a run starts from, as
// `parley analyze` computes them) is built once and serves every deal.

struct TrackReference {
  int track = 0;
  UtilitySet set;  // every outcome, with the run's disagreement point
  DisagreementSource source = DisagreementSource::Reservation;
  EfficiencyReference efficiency;
  std::optional<std::int64_t> nash;
  std::optional<std::int64_t> kalai_smorodinsky;
};

TrackReference track_reference(const Simulator& simulator, int track);

struct DealEvaluation {
  int track = 0;
  Deal deal;
  Eigen::VectorXd utilities;  // per party, in [0, 1]
  DealEfficiency measures;
  bool individually_rational = false;  // every party gets at least its no-deal score
  // When the deal is not Pareto-optimal: the frontier deal that beats it for someone at no
  // cost to anyone and gives the most points in all.
  std::optional<std::int64_t> better;
  double gini = 0.0;  // of the parties' points: 0 equal, towards 1 all to one party
};

DealEvaluation evaluate_deal(const TrackReference& reference, const OutcomeSpace& space,
                             const Deal& deal);
// The same measures of a point in utility space (no deal: the no-deal scores); `deal` is left
// empty.
DealEvaluation evaluate_point(const TrackReference& reference, const Eigen::VectorXd& utilities);

// The Gini coefficient of non-negative values: mean absolute difference over twice the mean
// (0 when all are equal or all are 0).
double gini_coefficient(const Eigen::VectorXd& values);

// For people: the terms, a table of points per party, and the measures with their units.
std::string evaluation_text(const Scenario& scenario, const OutcomeSpace& space,
                            const TrackReference& reference, const DealEvaluation& e);
// For programs (docs/cli.md, "parley evaluate").
nlohmann::ordered_json evaluation_json(const Scenario& scenario, const OutcomeSpace& space,
                                       const TrackReference& reference, const DealEvaluation& e);

}  // namespace parley
