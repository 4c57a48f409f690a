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

// "day 65 (2025-07-19)": a round in the scenario's own word for it, with its date, so that
// one moment has one name in every line of a report.
std::string when_text(const Scenario& s, int round) {
  return s.clock.round_name + " " + std::to_string(round) + " (" +
         s.clock.date_of(round).to_string() + ")";
}

// "on day 3 (2025-06-05)", "in week 89 (1953-03-24)": the preposition English uses.
std::string at_text(const Scenario& s, int round) {
  return (s.clock.round_name == "day" ? "on " : "in ") + when_text(s, round);
}

// "AGREED on day 3 (2025-06-05), offered by RU" and the like.
std::string track_status_text(const Scenario& s, const TrackResult& r) {
  const std::string when = at_text(s, r.round);
  switch (r.status) {
    case TrackStatus::Agreed:
      return "AGREED " + when + ", " +
             (r.proposer >= 0 ? "offered by " + s.parties[r.proposer].id
                              : std::string("the mediator's single text"));
    case TrackStatus::Deadline:
      return "no agreement: deadline reached after " + when_text(s, r.round);
    case TrackStatus::Breakdown:
      return "no agreement: talks broke down " + when;
    case TrackStatus::WalkAway:
      return "no agreement: " + s.parties[r.actor].id + " walked away " + when;
    case TrackStatus::MilitaryVictory:
      return "no agreement: " + s.parties[r.actor].id + " won the war " + when;
    case TrackStatus::Closed:
      if (r.closed_by_condition) {
        const std::string other =
            s.tracks[r.cause].label.empty() ? s.tracks[r.cause].id : s.tracks[r.cause].label;
        if (r.closing == LinkChange::NeverOpens)
          return "no agreement: never opened, closed " + when + " (" + other +
                 " can no longer meet its condition)";
        if (r.closing == LinkChange::PackageFell)
          return "no agreement: its deal fell with its package " + when + " (" + other + " failed)";
        return "no agreement: closed by its condition on " + other + " " + when;
      }
      return "no agreement: closed by an event " + when;
    case TrackStatus::Suspended:
      return "no agreement: suspended (or never opened) at the end, " + when_text(s, r.round);
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

// Does party p have cost kind k at all: given in the file, or accrued (a lever or an event can
// add a kind the file leaves at zero)? Kinds a party does not have are not printed for it.
bool has_cost_kind(const Scenario& s, const RunResult& result, std::size_t p, std::size_t k) {
  if (result.parties[p].war_costs.size() > k && result.parties[p].war_costs[k] != 0.0) return true;
  if (s.world.parties.size() <= p || s.world.parties[p].costs.size() <= k) return false;
  const PartyCost& c = s.world.parties[p].costs[k];
  return c.per_round.mean != 0.0 || c.per_round.max != 0.0 || !c.source.empty();
}

// What an event kind does, in words (the kind names are the file format's, not the reader's).
std::string event_kind_words(const std::string& kind) {
  if (kind == "open_track") return "a track opens";
  if (kind == "close_track") return "a track closes";
  if (kind == "change_costs") return "costs change";
  if (kind == "change_odds") return "the odds of battle change";
  if (kind == "change_reservation") return "what a party will accept changes";
  if (kind == "change_weights") return "a party's priorities change";
  if (kind == "set_pressure") return "outside pressure changes";
  if (kind == "shift_battlefield") return "the front moves";
  if (kind == "force_walk_out") return "a party walks out";
  return kind;
}

std::string world_text(const Scenario& s, const RunResult& result) {
  std::ostringstream out;
  if (result.world.present) {
    const WorldResult& w = result.world;
    const BattlefieldSpec& b = s.world.battlefield;
    out << "\nWar: ";
    if (w.victor >= 0)
      out << s.parties[w.victor].id << " won militarily " << at_text(s, w.end_round);
    else if (w.ceasefire)
      out << "ceasefire from " << when_text(s, w.end_round);
    else
      out << "still fighting at the end";
    out << ", after " << format_count(w.rounds_fought, s.clock.round_name) << " of fighting\n";
    // The battlefield's control states, in words: 0 is one side's victory, N the other's.
    out << "  front line at " << w.position << " on a scale from 0 (" << s.parties[b.down_party].id
        << " wins) to " << b.states << " (" << s.parties[b.up_party].id << " wins); it started at "
        << b.start << "\n";
  }
  if (!result.world.events.empty()) out << "\nEvents\n";
  for (const FiredEvent& f : result.world.events) {
    const EventSpec& e = s.world.events[f.event];
    out << "  " << when_text(s, f.round) << ": " << (e.label.empty() ? e.id : e.label) << " ("
        << event_kind_words(e.kind) << ")\n";
  }
  if (!s.world.cost_kinds.empty() && !result.parties.empty() &&
      !result.parties[0].war_costs.empty()) {
    out << "\nWar costs until the fighting stopped or the run ended\n";
    for (std::size_t p = 0; p < s.parties.size(); ++p) {
      std::string kinds;
      for (std::size_t k = 0; k < s.world.cost_kinds.size(); ++k) {
        if (!has_cost_kind(s, result, p, k)) continue;
        const CostKind& kind = s.world.cost_kinds[k];
        kinds += (kinds.empty() ? "" : ", ") + (kind.label.empty() ? kind.id : kind.label) + " " +
                 format_quantity(result.parties[p].war_costs[k], kind.unit);
      }
      out << "  " << s.parties[p].id << ": " << (kinds.empty() ? "none" : kinds) << " (worth "
          << format_utility(result.parties[p].war_cost_utility) << " in utility)\n";
    }
  }
  if (!result.implementation.empty()) {
    out << "\nImplementation of what was signed\n";
    for (const ImplementationResult& r : result.implementation) {
      const ImplementationSpec& spec = s.world.implementation[r.item];
      out << "  " << (spec.label.empty() ? spec.id : spec.label) << ": ";
      if (!r.signed_) {
        out << "not signed\n";
        continue;
      }
      out << "signed " << at_text(s, r.signed_round) << ", ";
      if (!r.carried_out) {
        out << "not carried out\n";
        continue;
      }
      // Carried out means every side did all of its part; anything less is said as such.
      bool full = true;
      for (const double f : r.fraction) full = full && f >= 0.9995;
      out << (full ? "carried out in full by " : "only partly carried out by ")
          << when_text(s, r.carried_out_round);
      if (!full) {
        out << ":";
        for (std::size_t p = 0; p < s.parties.size(); ++p) {
          const double f = r.fraction[p];
          out << (p ? "," : "") << " " << s.parties[p].id << " did "
              << (f <= 0.0      ? std::string("none")
                  : f >= 0.9995 ? std::string("all")
                                : format_percent(f))
              << " of its part";
        }
      }
      out << "\n";
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
  out << "seed " << result.seed << ", " << format_count(result.rounds, s.clock.round_name)
      << " from " << s.clock.start.to_string() << "\n";
  // Short party ids in every line below; their names once, here.
  out << "\nParties\n";
  for (std::size_t p = 0; p < s.parties.size(); ++p)
    out << "  " << s.parties[p].id << " = " << s.parties[p].name << ", played by the "
        << s.parties[p].agent.model << " agent\n";
  for (std::size_t t = 0; t < s.tracks.size(); ++t) {
    const TrackResult& r = result.tracks[t];
    const OutcomeSpace& space = simulator.space(static_cast<int>(t));
    out << "\n"
        << (s.tracks[t].label.empty() ? s.tracks[t].id : s.tracks[t].label) << ": "
        << track_status_text(s, r) << "\n";
    if (r.opened_round >= 0)
      out << "  opened " << at_text(s, r.opened_round) << ", once its conditions held\n";
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
    out << "  utility of this outcome:";
    for (std::size_t p = 0; p < s.parties.size(); ++p)
      out << (p ? "," : "") << " " << s.parties[p].id << " " << format_utility(r.payoff[p]);
    out << "\n";
  }
  out << "\nUtility over all tracks (each party's own scale, 0 to 1)\n";
  const bool war_costs = !s.world.cost_kinds.empty() && !result.parties.empty() &&
                         !result.parties[0].war_costs.empty();
  for (std::size_t p = 0; p < s.parties.size(); ++p) {
    out << "  " << s.parties[p].id << " " << format_utility(result.parties[p].utility);
    // The cost of talking (per round, from the preferences) only where a party has one; the
    // war's costs have their own section below.
    if (result.parties[p].costs != 0.0)
      out << ", after a cost of talking of " << format_utility(result.parties[p].costs);
    if (war_costs) out << " (war costs below)";
    out << "\n";
  }
  out << world_text(s, result);
  out << history_text(s, compare_with_history(s, result));
  return out.str();
}

}  // namespace parley
