#include "analysis/report/run_report.hpp"

#include <algorithm>
#include <sstream>

#include "analysis/report/history_comparison.hpp"
#include "analysis/report/terms_json.hpp"
#include "analysis/report/world_json.hpp"
#include "engine/format.hpp"

namespace parley {

using nlohmann::ordered_json;

namespace {
constexpr int kReportVersion = 1;

std::string party_id(const Scenario& s, int party) {
  return party >= 0 ? s.parties[party].id : std::string();
}

// "agreed in round 3 (2025-06-05), offered by Russia" and the like.
std::string track_status_text(const Scenario& s, const TrackResult& r) {
  const std::string when =
      "round " + std::to_string(r.round) + " (" + s.clock.date_of(r.round).to_string() + ")";
  switch (r.status) {
    case TrackStatus::Agreed:
      return "AGREED in " + when + ", " +
             (r.proposer >= 0 ? "offered by " + s.parties[r.proposer].name
                              : std::string("the mediator's single text"));
    case TrackStatus::Deadline:
      return "no agreement: deadline reached after " + when;
    case TrackStatus::Breakdown:
      return "no agreement: talks broke down in " + when;
    case TrackStatus::WalkAway:
      return "no agreement: " + s.parties[r.actor].name + " walked away in " + when;
    case TrackStatus::MilitaryVictory:
      return "no agreement: " + s.parties[r.actor].name + " won the war in " + when;
    case TrackStatus::Closed:
      if (r.closed_by_condition) {
        const std::string other =
            s.tracks[r.cause].label.empty() ? s.tracks[r.cause].id : s.tracks[r.cause].label;
        if (r.closing == LinkChange::NeverOpens)
          return "no agreement: never opened, closed in " + when + " (" + other +
                 " can no longer meet its condition)";
        if (r.closing == LinkChange::PackageFell)
          return "no agreement: its deal fell with its package in " + when + " (" + other +
                 " failed)";
        return "no agreement: closed by its condition on " + other + " in " + when;
      }
      return "no agreement: closed by an event in " + when;
    case TrackStatus::Suspended:
      return "no agreement: suspended (or never opened) at the end, " + when;
    case TrackStatus::Open:
      return "open";
  }
  return {};
}
// The world's part of the report (docs/world.md, docs/output.md), only for scenarios that
// have one: war costs per party, how the war ended, and implementation of what was signed.
void add_world_json(const Scenario& s, const RunResult& result, ordered_json& out) {
  if (!s.world.cost_kinds.empty())
    for (std::size_t p = 0; p < s.parties.size(); ++p) {
      if (result.parties[p].war_costs.empty()) continue;
      ordered_json costs = ordered_json::object();
      for (std::size_t k = 0; k < s.world.cost_kinds.size(); ++k)
        costs[s.world.cost_kinds[k].id] = tidy(result.parties[p].war_costs[k]);
      out["parties"][p]["war_costs"] = costs;
      out["parties"][p]["war_cost_utility"] = tidy(result.parties[p].war_cost_utility);
    }
  if (result.world.present) out["war"] = war_json(s, result.world);
  if (!s.world.events.empty()) {
    ordered_json events = ordered_json::array();
    for (const FiredEvent& f : result.world.events)
      events.push_back({{"id", s.world.events[f.event].id},
                        {"kind", s.world.events[f.event].kind},
                        {"round", f.round},
                        {"date", s.clock.date_of(f.round).to_string()}});
    out["events"] = std::move(events);
  }
  if (!result.implementation.empty()) out["implementation"] = implementation_json(s, result);
}

std::string world_text(const Scenario& s, const RunResult& result) {
  std::ostringstream out;
  if (result.world.present) {
    const WorldResult& w = result.world;
    out << "\nWar: ";
    if (w.victor >= 0)
      out << s.parties[w.victor].name << " won militarily in round " << w.end_round;
    else if (w.ceasefire)
      out << "ceasefire from round " << w.end_round;
    else
      out << "still fighting at the end";
    out << "; control state " << w.position << " of " << s.world.battlefield.states << ", "
        << w.rounds_fought << " round" << (w.rounds_fought == 1 ? "" : "s") << " fought\n";
  }
  for (const FiredEvent& f : result.world.events)
    out << "  event " << s.world.events[f.event].id << " (" << s.world.events[f.event].kind
        << ") in round " << f.round << "\n";
  if (!s.world.cost_kinds.empty() && !result.parties.empty() &&
      !result.parties[0].war_costs.empty()) {
    out << "\nWar costs\n";
    for (std::size_t p = 0; p < s.parties.size(); ++p) {
      out << "  " << s.parties[p].name << ":";
      for (std::size_t k = 0; k < s.world.cost_kinds.size(); ++k)
        out << " " << format_number(result.parties[p].war_costs[k], 6) << " "
            << s.world.cost_kinds[k].unit;
      out << " (utility " << format_number(result.parties[p].war_cost_utility, 3) << ")\n";
    }
  }
  if (!result.implementation.empty()) {
    out << "\nImplementation (signed / carried out)\n";
    for (const ImplementationResult& r : result.implementation) {
      const ImplementationSpec& spec = s.world.implementation[r.item];
      out << "  " << (spec.label.empty() ? spec.id : spec.label) << ": ";
      if (!r.signed_) {
        out << "not signed\n";
        continue;
      }
      out << "signed in round " << r.signed_round << ", ";
      if (!r.carried_out) {
        out << "not carried out\n";
        continue;
      }
      out << "carried out by round " << r.carried_out_round << " (";
      for (std::size_t p = 0; p < s.parties.size(); ++p)
        out << (p ? ", " : "") << s.parties[p].name << " "
            << format_number(100.0 * r.fraction[p], 3) << "%";
      out << ")\n";
    }
  }
  return out.str();
}
}  // namespace

ordered_json run_report_json(const Simulator& simulator, const RunResult& result) {
  const Scenario& s = simulator.scenario();
  ordered_json out;
  out["report"] = "parley-run";
  out["version"] = kReportVersion;
  out["scenario"] = {{"name", s.meta.name}, {"file", s.file}, {"date", s.meta.date}};
  out["seed"] = result.seed;
  out["rounds"] = result.rounds;
  out["round_name"] = s.clock.round_name;
  ordered_json tracks = ordered_json::array();
  for (std::size_t t = 0; t < s.tracks.size(); ++t) {
    const TrackResult& r = result.tracks[t];
    const OutcomeSpace& space = simulator.space(static_cast<int>(t));
    ordered_json track;
    track["id"] = s.tracks[t].id;
    track["label"] = s.tracks[t].label;
    track["status"] = to_string(r.status);
    track["agreed"] = r.status == TrackStatus::Agreed;
    track["round"] = r.round;
    track["date"] = s.clock.date_of(r.round).to_string();
    // A single text agreed has no proposing party (-1, the mediator): null.
    track["proposer"] = r.status == TrackStatus::Agreed && r.proposer >= 0
                            ? ordered_json(party_id(s, r.proposer))
                            : ordered_json(nullptr);
    track["walked_away"] = r.status == TrackStatus::WalkAway ? ordered_json(party_id(s, r.actor))
                                                             : ordered_json(nullptr);
    track["terms"] =
        r.status == TrackStatus::Agreed ? terms_json(s, space, r.deal) : ordered_json(nullptr);
    track["utility"] =
        r.status == TrackStatus::Agreed ? utilities_json(s, space, r.deal) : ordered_json(nullptr);
    ordered_json payoff = ordered_json::object();
    for (std::size_t p = 0; p < s.parties.size(); ++p) payoff[s.parties[p].id] = tidy(r.payoff[p]);
    track["payoff"] = payoff;
    // Track conditions (docs/scenario-format.md), only for tracks that have them.
    const TrackLinks& links = s.tracks[t].links;
    if (!links.empty()) {
      auto conditions = [&s](const std::vector<TrackCondition>& list) {
        ordered_json items = ordered_json::array();
        for (const TrackCondition& c : list)
          items.push_back({{"track", s.tracks[c.track].id}, {"state", to_string(c.state)}});
        return items;
      };
      ordered_json cond = ordered_json::object();
      if (!links.opens_when.empty()) cond["opens_when"] = conditions(links.opens_when);
      if (!links.closes_when.empty()) cond["closes_when"] = conditions(links.closes_when);
      if (!links.package.empty()) {
        ordered_json package = ordered_json::array();
        for (const int k : links.package) package.push_back(s.tracks[k].id);
        cond["package"] = package;
      }
      track["conditions"] = cond;
      track["opened_round"] =
          r.opened_round >= 0 ? ordered_json(r.opened_round) : ordered_json(nullptr);
      track["closed_by"] =
          r.closed_by_condition
              ? ordered_json({{"change", to_string(r.closing)}, {"track", s.tracks[r.cause].id}})
              : ordered_json(nullptr);
    }
    tracks.push_back(std::move(track));
  }
  out["tracks"] = std::move(tracks);
  ordered_json parties = ordered_json::array();
  for (std::size_t p = 0; p < s.parties.size(); ++p) {
    parties.push_back({{"id", s.parties[p].id},
                       {"name", s.parties[p].name},
                       {"agent", s.parties[p].agent.model},
                       {"utility", tidy(result.parties[p].utility)},
                       {"costs", tidy(result.parties[p].costs)}});
  }
  out["parties"] = std::move(parties);
  add_world_json(s, result, out);
  // Only scenarios that record what really happened (docs/output.md, "history").
  if (s.history.present) out["history"] = history_json(s, compare_with_history(s, result));
  return out;
}

std::string run_report_text(const Simulator& simulator, const RunResult& result) {
  const Scenario& s = simulator.scenario();
  std::ostringstream out;
  out << s.meta.name << "\n";
  out << "seed " << result.seed << ", " << result.rounds << " " << s.clock.round_name
      << (result.rounds == 1 ? "" : "s") << " from " << s.clock.start.to_string() << "\n";
  for (std::size_t t = 0; t < s.tracks.size(); ++t) {
    const TrackResult& r = result.tracks[t];
    const OutcomeSpace& space = simulator.space(static_cast<int>(t));
    out << "\n"
        << (s.tracks[t].label.empty() ? s.tracks[t].id : s.tracks[t].label) << ": "
        << track_status_text(s, r) << "\n";
    if (r.opened_round >= 0)
      out << "  opened in round " << r.opened_round << " ("
          << s.clock.date_of(r.opened_round).to_string() << "), once its conditions held\n";
    if (r.status == TrackStatus::Agreed) {
      // Packages are symmetric: name every partner, whichever track lists the other.
      std::vector<TrackLinks> links;
      for (const Track& track : s.tracks) links.push_back(track.links);
      const std::vector<int> group = package_groups(links);
      if (group[t] >= 0) {
        out << "  agreed as a package with";
        for (std::size_t k = 0; k < s.tracks.size(); ++k)
          if (k != t && group[k] == group[t]) out << " " << s.tracks[k].id;
        out << "\n";
      }
    }
    if (r.status == TrackStatus::Agreed) {
      std::size_t width = 0;
      for (int k = 0; k < space.issue_count(); ++k)
        width = std::max(width, s.issues[space.issue(k)].label.size());
      for (int k = 0; k < space.issue_count(); ++k) {
        const Issue& issue = s.issues[space.issue(k)];
        out << "  " << issue.label << std::string(width - issue.label.size() + 2, ' ')
            << issue.describe(r.deal.values[k]) << "\n";
      }
    }
    out << "  payoff:";
    for (std::size_t p = 0; p < s.parties.size(); ++p)
      out << "  " << s.parties[p].name << " " << format_number(r.payoff[p], 3);
    out << "\n";
  }
  out << "\nParties (utility over all tracks, costs accrued)\n";
  for (std::size_t p = 0; p < s.parties.size(); ++p)
    out << "  " << s.parties[p].name << " [" << s.parties[p].agent.model << "]: utility "
        << format_number(result.parties[p].utility, 3) << ", costs "
        << format_number(result.parties[p].costs, 3) << "\n";
  out << world_text(s, result);
  out << history_text(s, compare_with_history(s, result));
  return out.str();
}

}  // namespace parley
