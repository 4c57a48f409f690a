#include "analysis/run_report.hpp"

#include <algorithm>
#include <sstream>

#include "analysis/terms_json.hpp"
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
      return "AGREED in " + when + ", offered by " + s.parties[r.proposer].name;
    case TrackStatus::Deadline:
      return "no agreement: deadline reached after " + when;
    case TrackStatus::Breakdown:
      return "no agreement: talks broke down in " + when;
    case TrackStatus::WalkAway:
      return "no agreement: " + s.parties[r.actor].name + " walked away in " + when;
    case TrackStatus::MilitaryVictory:
      return "no agreement: " + s.parties[r.actor].name + " won the war in " + when;
    case TrackStatus::Closed:
      return "no agreement: closed by an event in " + when;
    case TrackStatus::Suspended:
      return "no agreement: suspended (or never opened) at the end, " + when;
    case TrackStatus::Open:
      return "open";
  }
  return {};
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
    track["proposer"] = r.status == TrackStatus::Agreed ? ordered_json(party_id(s, r.proposer))
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
  return out.str();
}

}  // namespace parley
