#include "analysis/report/deal_evaluation.hpp"

#include <cmath>
#include <sstream>

#include "analysis/report/points.hpp"
#include "analysis/report/terms_json.hpp"
#include "analysis/solutions/bargaining_solutions.hpp"
#include "analysis/solutions/pareto.hpp"
#include "engine/format.hpp"

namespace parley {

TrackReference track_reference(const Simulator& simulator, int track) {
  TrackReference r;
  r.track = track;
  r.set = utility_set(simulator.space(track), simulator.scenario());
  const DisagreementPoint d = run_disagreement_point(simulator, track);
  r.set.disagreement = d.values;
  r.source = d.source;
  r.efficiency = efficiency_reference(r.set);
  r.nash = r.efficiency.nash_outcome();
  r.kalai_smorodinsky = r.efficiency.kalai_smorodinsky_outcome();
  return r;
}

double gini_coefficient(const Eigen::VectorXd& values) {
  const auto n = values.size();
  if (n == 0) return 0.0;
  const double mean = values.mean();
  if (mean <= 0.0) return 0.0;
  double sum = 0.0;
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j) sum += std::abs(values[i] - values[j]);
  return sum / (2.0 * static_cast<double>(n * n) * mean);
}

DealEvaluation evaluate_deal(const TrackReference& reference, const OutcomeSpace& space,
                             const Deal& deal) {
  Eigen::VectorXd u(reference.set.parties());
  for (int p = 0; p < reference.set.parties(); ++p) u[p] = space.utility(p, deal);
  DealEvaluation e = evaluate_point(reference, u);
  e.deal = deal;
  return e;
}

DealEvaluation evaluate_point(const TrackReference& reference, const Eigen::VectorXd& utilities) {
  DealEvaluation e;
  e.track = reference.track;
  const int parties = reference.set.parties();
  e.utilities = utilities;
  e.measures = measure_deal(reference.efficiency, e.utilities);
  e.individually_rational = true;
  for (int p = 0; p < parties; ++p)
    if (e.utilities[p] < reference.set.disagreement[p] - kParetoTolerance)
      e.individually_rational = false;
  if (!e.measures.pareto_optimal) {
    double best = -1.0;
    const auto& f = reference.efficiency.frontier().utilities;
    for (Eigen::Index r = 0; r < f.rows(); ++r) {
      bool dominates = true;
      bool strictly = false;
      for (int p = 0; p < parties; ++p) {
        if (f(r, p) < e.utilities[p] - kParetoTolerance) dominates = false;
        if (f(r, p) > e.utilities[p] + kParetoTolerance) strictly = true;
      }
      if (dominates && strictly && f.row(r).sum() > best) {
        best = f.row(r).sum();
        e.better = reference.efficiency.frontier_outcomes()[static_cast<std::size_t>(r)];
      }
    }
  }
  e.gini = gini_coefficient(e.utilities);
  return e;
}

namespace {

std::string points_of(const Eigen::VectorXd& u, const Scenario& s) {
  std::string text;
  for (std::size_t p = 0; p < s.parties.size(); ++p)
    text += (p ? ", " : "") + s.parties[p].id + " " +
            format_points(to_points(u[static_cast<Eigen::Index>(p)]));
  return text;
}

std::string terms_text(const Scenario& s, const OutcomeSpace& space, const Deal& deal) {
  std::string text;
  for (int k = 0; k < space.issue_count(); ++k)
    text += (k ? "; " : "") + s.issues[static_cast<std::size_t>(space.issue(k))].label + ": " +
            s.issues[static_cast<std::size_t>(space.issue(k))].describe(
                deal.values[static_cast<std::size_t>(k)]);
  return text;
}

Eigen::VectorXd row(const UtilitySet& set, std::int64_t k) {
  return set.utilities.row(static_cast<Eigen::Index>(k)).transpose();
}

}  // namespace

std::string evaluation_text(const Scenario& s, const OutcomeSpace& space,
                            const TrackReference& reference, const DealEvaluation& e) {
  std::ostringstream out;
  const Track& track = s.tracks[static_cast<std::size_t>(e.track)];
  out << (track.label.empty() ? track.id : track.label) << "\n";
  std::size_t width = 0;
  for (int k = 0; k < space.issue_count(); ++k)
    width = std::max(width, s.issues[static_cast<std::size_t>(space.issue(k))].label.size());
  for (int k = 0; k < space.issue_count(); ++k) {
    const Issue& issue = s.issues[static_cast<std::size_t>(space.issue(k))];
    out << "  " << issue.label << std::string(width - issue.label.size() + 2, ' ')
        << issue.describe(e.deal.values[static_cast<std::size_t>(k)]) << "\n";
  }
  out << "\n  party" << std::string(10, ' ') << "points  utility  no-deal points\n";
  for (std::size_t p = 0; p < s.parties.size(); ++p) {
    const auto i = static_cast<Eigen::Index>(p);
    std::string id = s.parties[p].id;
    id.resize(std::max<std::size_t>(id.size(), 13), ' ');
    std::string pts = format_points(to_points(e.utilities[i]));
    std::string util = format_number(e.utilities[i], 3);
    out << "  " << id << "  " << std::string(6 - std::min<std::size_t>(6, pts.size()), ' ') << pts
        << "  " << std::string(7 - std::min<std::size_t>(7, util.size()), ' ') << util << "  "
        << format_points(to_points(reference.set.disagreement[i]))
        << (e.utilities[i] < reference.set.disagreement[i] - kParetoTolerance ? "  (below it)" : "")
        << "\n";
  }
  out << "\n  Pareto-optimal:            " << (e.measures.pareto_optimal ? "yes" : "no") << "\n";
  if (e.better)
    out << "    a better deal for someone at no cost to anyone: "
        << terms_text(s, space, space.deal(*e.better)) << " ("
        << points_of(row(reference.set, *e.better), s) << " points)\n";
  out << "  distance to the frontier:  "
      << format_number(to_points(e.measures.distance_to_frontier), 1)
      << " points (Euclidean, over the parties' points)\n";
  if (reference.nash) {
    out << "  distance to the Nash point: "
        << format_number(to_points(*e.measures.distance_to_nash), 1) << " points\n";
    out << "    Nash point: " << terms_text(s, space, space.deal(*reference.nash)) << " ("
        << points_of(row(reference.set, *reference.nash), s) << " points)\n";
  } else {
    out << "  Nash point: none (no deal is worth its no-deal score to every party)\n";
  }
  out << "  every party at least its no-deal score: " << (e.individually_rational ? "yes" : "no")
      << "\n";
  out << "  inequality (Gini of the points, 0 = equal): " << format_number(e.gini, 3) << "\n";
  return out.str();
}

nlohmann::ordered_json evaluation_json(const Scenario& s, const OutcomeSpace& space,
                                       const TrackReference& reference, const DealEvaluation& e) {
  nlohmann::ordered_json out;
  out["track"] = s.tracks[static_cast<std::size_t>(e.track)].id;
  out["terms"] = terms_json(s, space, e.deal);
  out["on_grid"] = e.deal.on_grid();
  nlohmann::ordered_json parties = nlohmann::ordered_json::object();
  for (std::size_t p = 0; p < s.parties.size(); ++p) {
    const auto i = static_cast<Eigen::Index>(p);
    parties[s.parties[p].id] = {{"points", tidy(to_points(e.utilities[i]))},
                                {"utility", tidy(e.utilities[i])},
                                {"no_deal_points", tidy(to_points(reference.set.disagreement[i]))}};
  }
  out["parties"] = std::move(parties);
  out["disagreement_source"] = json_name(reference.source);
  out["pareto_optimal"] = e.measures.pareto_optimal;
  out["distance_to_frontier"] = tidy(e.measures.distance_to_frontier);
  out["distance_to_nash"] = e.measures.distance_to_nash
                                ? nlohmann::ordered_json(tidy(*e.measures.distance_to_nash))
                                : nlohmann::ordered_json(nullptr);
  out["individually_rational"] = e.individually_rational;
  out["gini"] = tidy(e.gini);
  auto point = [&](const std::optional<std::int64_t>& k) {
    if (!k) return nlohmann::ordered_json(nullptr);
    const Deal d = space.deal(*k);
    return nlohmann::ordered_json{{"outcome", *k},
                                  {"terms", terms_json(s, space, d)},
                                  {"utilities", utilities_json(s, space, d)}};
  };
  out["nash"] = point(reference.nash);
  out["kalai_smorodinsky"] = point(reference.kalai_smorodinsky);
  out["better"] = point(e.better);
  return out;
}

}  // namespace parley
