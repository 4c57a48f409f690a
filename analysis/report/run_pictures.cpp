#include "analysis/report/run_pictures.hpp"

#include <algorithm>
#include <map>

#include "analysis/solutions/bargaining_solutions.hpp"
#include "analysis/solutions/pareto.hpp"
#include "analysis/solutions/utility_set.hpp"
#include "analysis/statistics/json_number.hpp"
#include "engine/format.hpp"
#include "engine/input_error.hpp"
#include "engine/scenario/display_name.hpp"
#include "engine/scenario/outcome_space.hpp"

namespace parley {

namespace {

using Json = nlohmann::json;

struct Context {
  const Scenario& scenario;
  const std::vector<Json>& trace;
  std::string round_name;
  int rounds = 0;  // from run-end
};

std::string party_id_of(const Scenario& s, int p) {
  return s.parties[static_cast<std::size_t>(p)].id;
}

int party_of(const Context& c, const std::string& id, const std::string& trace_name) {
  for (std::size_t p = 0; p < c.scenario.parties.size(); ++p)
    if (c.scenario.parties[p].id == id) return static_cast<int>(p);
  throw InputError(trace_name, 0, 0, "", "a trace of this scenario (its party ids)",
                   "party \"" + id + "\", which the scenario does not have");
}

Chart dance_chart(const Context& c, const Track& track) {
  XYChart x;
  x.title = "Negotiation dance: " + display_name(track);
  x.caption = "Each offer as each party values it, " + c.round_name + " by " + c.round_name +
              ": each party has a line for its own offers (circles or triangles by who made "
              "them); a party's own line falling toward its line of the other's offers is "
              "concession. The diamonds are the deal accepted, if any.";
  x.x_title = c.round_name + " of the talks";
  x.y_title = "utility of the offer (0\u20131)";
  x.series_title = "utility to";
  x.shape_title = "offer made by";
  x.x_integer = true;
  x.y_domain = std::make_pair(0.0, 1.0);
  // One line per valuing party, every offer on the track in order.
  for (const auto& p : c.scenario.parties) {
    for (const auto& line : c.trace) {
      if (line["event"] != "move" || line.value("track", "") != track.id) continue;
      if (line.value("action", "") != "offer" || !line.contains("utility")) continue;
      const Json& u = line["utility"];
      if (!u.contains(p.id)) continue;
      const std::string by = line["party"].is_string() ? line["party"].get<std::string>() : "";
      x.lines.push_back({number_or(line["round"]), number_or(u[p.id]), p.id, by,
                         "offer by " + by + " on " + line.value("date", "")});
    }
  }
  for (const auto& line : c.trace)
    if (line["event"] == "move" && line.value("track", "") == track.id &&
        line.value("action", "") == "accept" && line.contains("utility"))
      for (const auto& [pid, u] : line["utility"].items())
        x.markers.push_back({number_or(line["round"]), number_or(u), "deal (" + pid + ")"});
  return xy_chart(x);
}

const Json* closing_of(const Context& c, const Track& track) {
  for (const auto& line : c.trace)
    if (line["event"] == "track-closed" && line.value("track", "") == track.id) return &line;
  return nullptr;
}

// The world line of the last round at or before `round` (the value of fighting on in force).
const Json* world_at(const Context& c, int round) {
  const Json* found = nullptr;
  for (const auto& line : c.trace)
    if (line["event"] == "world" && line.value("round", 0) <= round) found = &line;
  return found;
}

std::optional<Chart> space_chart(const Context& c, int t) {
  const Scenario& s = c.scenario;
  if (s.parties.size() < 2) return std::nullopt;
  const Track& track = s.tracks[static_cast<std::size_t>(t)];
  const OutcomeSpace space(s, t);
  const UtilitySet set = utility_set(space, s);
  const std::string a = party_id_of(s, 0), b = party_id_of(s, 1);
  XYChart x;
  x.title = "Utility space: " + display_name(track);
  x.caption = "Every possible deal (grey) by what it gives " + a + " and " + b +
              "; the line is the Pareto frontier. A deal on it wastes nothing; the Nash and "
              "Kalai\u2013Smorodinsky points are where theory expects one.";
  if (s.parties.size() > 2)
    x.caption += " (The first two of the " + std::to_string(s.parties.size()) + " parties.)";
  x.x_title = "utility to " + a + " (0\u20131)";
  x.y_title = "utility to " + b + " (0\u20131)";
  x.series_title = "";
  x.x_domain = std::make_pair(0.0, 1.0);
  x.y_domain = std::make_pair(0.0, 1.0);
  x.line_points = false;
  const std::int64_t n = set.outcomes();
  const std::int64_t stride =
      std::max<std::int64_t>(1, (n + kMaxDrawnOutcomes - 1) / kMaxDrawnOutcomes);
  if (stride > 1)
    x.caption +=
        " Showing one deal in " + std::to_string(stride) + " of " + format_thousands(n) + ".";
  for (std::int64_t o = 0; o < n; o += stride)
    x.cloud.push_back({set.utilities(o, 0), set.utilities(o, 1), "", "", ""});
  const std::vector<std::int64_t> on_frontier = pareto_frontier(set);
  auto frontier = on_frontier;
  std::sort(frontier.begin(), frontier.end(), [&](std::int64_t l, std::int64_t r) {
    return set.utilities(l, 0) < set.utilities(r, 0) ||
           (set.utilities(l, 0) == set.utilities(r, 0) &&
            set.utilities(l, 1) > set.utilities(r, 1));
  });
  for (std::int64_t o : frontier)
    x.lines.push_back({set.utilities(o, 0), set.utilities(o, 1), "Pareto frontier", "", ""});
  if (auto o = nash_solution(set, on_frontier))
    x.markers.push_back({set.utilities(*o, 0), set.utilities(*o, 1), "Nash"});
  if (auto o = kalai_smorodinsky_solution(set, on_frontier))
    x.markers.push_back({set.utilities(*o, 0), set.utilities(*o, 1), "Kalai\u2013Smorodinsky"});
  x.markers.push_back({set.disagreement[0], set.disagreement[1], "reservation"});
  const Json* closed = closing_of(c, track);
  const int close_round = closed ? closed->value("round", c.rounds) : c.rounds;
  if (const Json* w = world_at(c, close_round); w && w->contains("war_value") &&
                                                (*w)["war_value"].contains(a) &&
                                                (*w)["war_value"].contains(b))
    x.markers.push_back(
        {number_or((*w)["war_value"][a]), number_or((*w)["war_value"][b]), "fighting on"});
  for (const auto& line : c.trace)
    if (line["event"] == "move" && line.value("track", "") == track.id &&
        line.value("action", "") == "accept" && line.contains("utility") &&
        line["utility"].contains(a) && line["utility"].contains(b))
      x.markers.push_back({number_or(line["utility"][a]), number_or(line["utility"][b]), "deal"});
  return xy_chart(x);
}

Chart timeline(const Context& c) {
  TimelineChart x;
  x.title = "Timeline of the talks";
  x.caption =
      "When each track was on the table and how it closed; triangles are events: "
      "look for tracks that close just after an event.";
  x.x_title = c.round_name + " of the talks";
  x.status_title = "how it closed";
  for (const auto& track : c.scenario.tracks) {
    int first = -1;
    for (const auto& line : c.trace)
      if (line["event"] == "move" && line.value("track", "") == track.id) {
        first = line.value("round", 0);
        break;
      }
    const Json* closed = closing_of(c, track);
    const std::string status = closed ? closed->value("status", "") : "open at the end";
    const int end = closed ? closed->value("round", c.rounds) : c.rounds;
    x.spans.push_back({display_name(track), static_cast<double>(first < 0 ? end : first),
                       static_cast<double>(end), status,
                       status + " in " + c.round_name + " " + std::to_string(end)});
  }
  for (const auto& line : c.trace) {
    if (line["event"] == "world-event")
      x.instants.push_back(
          {"event: " + line.value("id", ""), number_or(line["round"]), line.value("effect", "")});
  }
  return timeline_chart(x);
}

void world_charts(const Context& c, ReportSection& section) {
  const Scenario& s = c.scenario;
  std::vector<const Json*> worlds;
  for (const auto& line : c.trace)
    if (line["event"] == "world") worlds.push_back(&line);
  if (worlds.empty()) return;
  const auto& bf = s.world.battlefield;
  if (bf.present) {
    const std::string up = party_id_of(s, bf.up_party), down = party_id_of(s, bf.down_party);
    XYChart x;
    x.title = "Battlefield";
    x.caption = "The front's control state after each " + c.round_name + "'s battles (0: " + down +
                " wins the war, " + std::to_string(bf.states) + ": " + up +
                " wins); dots are decisive battles: a run of them in one direction is a "
                "side breaking through.";
    x.x_title = c.round_name + " of the talks";
    x.y_title = "control state (0 = " + down + " wins, " + std::to_string(bf.states) + " = " + up +
                " wins)";
    x.series_title = "";
    x.x_integer = true;
    x.line_points = false;
    x.y_domain = std::make_pair(0.0, static_cast<double>(bf.states));
    for (const Json* w : worlds) {
      const double r = number_or((*w)["round"]), st = number_or((*w)["state"]);
      x.lines.push_back({r, st, "control state", "", ""});
      if (w->contains("battles")) {
        const double upn = number_or((*w)["battles"]["up"]),
                     downn = number_or((*w)["battles"]["down"]);
        if (upn > 0) x.dots.push_back({r, st, "battle won by " + up, "", format_number(upn, 0)});
        if (downn > 0)
          x.dots.push_back({r, st, "battle won by " + down, "", format_number(downn, 0)});
      }
    }
    section.charts.push_back(xy_chart(x));
  }
  XYChart v;
  v.title = "Value of fighting on";
  v.caption =
      "What each side expects from the war instead of a deal (its reservation on the "
      "war's tracks): a deal needs terms worth more to both than this line.";
  v.x_title = c.round_name + " of the talks";
  v.y_title = "value of fighting on (utility, 0\u20131)";
  v.series_title = "party";
  v.x_integer = true;
  v.line_points = false;
  for (const Json* w : worlds)
    if (w->contains("war_value"))
      for (const auto& [pid, val] : (*w)["war_value"].items())
        v.lines.push_back({number_or((*w)["round"]), number_or(val), pid, "", ""});
  if (!v.lines.empty()) {
    std::stable_sort(v.lines.begin(), v.lines.end(),
                     [](const XYPoint& l, const XYPoint& r) { return l.series < r.series; });
    section.charts.push_back(xy_chart(v));
  }
  for (const auto& kind : s.world.cost_kinds) {
    XYChart x;
    const std::string name = kind.label.empty() ? kind.id : kind.label;
    x.title = "Costs of the war: " + name;
    x.caption = "Each party's total since the talks began: the slope is the price of every " +
                c.round_name + " without a ceasefire.";
    x.x_title = c.round_name + " of the talks";
    x.y_title = "total" + (kind.unit.empty() ? std::string() : " (" + kind.unit + ")");
    x.series_title = "party";
    x.x_integer = true;
    x.line_points = false;
    for (const auto& p : s.parties) {
      double total = 0.0;
      bool any = false;
      for (const Json* w : worlds) {
        if (!w->contains("costs") || !(*w)["costs"].contains(p.id) ||
            !(*w)["costs"][p.id].contains(kind.id))
          continue;
        total += number_or((*w)["costs"][p.id][kind.id]);
        any = true;
        x.lines.push_back({number_or((*w)["round"]), total, p.id, "", ""});
      }
      if (any && total == 0.0)  // a party without this kind of cost: no flat line at zero
        x.lines.erase(std::remove_if(x.lines.begin(), x.lines.end(),
                                     [&](const XYPoint& q) { return q.series == p.id; }),
                      x.lines.end());
    }
    if (!x.lines.empty()) section.charts.push_back(xy_chart(x));
  }
}

std::optional<ReportSection> history_section(const Context& c) {
  const Scenario& s = c.scenario;
  if (!s.history.present) return std::nullopt;
  TimelineChart x;
  x.title = "This run beside history";
  x.caption =
      "For each track history records, the bar ends where it was agreed (or ran out), "
      "in history and in this run: bars of equal length and colour are a match.";
  x.x_title = c.round_name + " of the talks";
  x.status_title = "outcome";
  for (const auto& h : s.history.tracks) {
    const Track& track = s.tracks[static_cast<std::size_t>(h.track)];
    x.spans.push_back({display_name(track) + " \u00b7 history", 0.0,
                       static_cast<double>(h.agreed ? h.round : c.rounds),
                       h.agreed ? "agreed" : "not agreed",
                       h.how + (h.agreed ? " (" + h.date + ")" : "")});
    const Json* closed = closing_of(c, track);
    const bool agreed = closed && closed->value("status", "") == "agreed";
    const int end = closed ? closed->value("round", c.rounds) : c.rounds;
    x.spans.push_back(
        {display_name(track) + " \u00b7 this run", 0.0,
         static_cast<double>(agreed ? end : c.rounds), agreed ? "agreed" : "not agreed",
         closed ? closed->value("status", "") + " in " + c.round_name + " " + std::to_string(end)
                : "open at the end"});
  }
  return ReportSection{"History beside the simulation", s.history.summary, {timeline_chart(x)}};
}

}  // namespace

ReportPage run_pictures(const Scenario& scenario, const std::vector<Json>& trace,
                        const std::string& trace_name) {
  Context c{scenario, trace, scenario.clock.round_name, 0};
  const Json* end = nullptr;
  for (const auto& line : trace) {
    if (line["event"] == "run-end") end = &line;
    if (line.contains("track") && line["track"].is_string() &&
        scenario.track_index(line["track"].get<std::string>()) < 0)
      throw InputError(trace_name, 0, 0, "/track", "a trace of this scenario (its track ids)",
                       "track \"" + line["track"].get<std::string>() +
                           "\", which the scenario does not have: pass the scenario the trace "
                           "was run with (--scenario)");
    if (line.contains("party") && line["party"].is_string())
      party_of(c, line["party"].get<std::string>(), trace_name);
  }
  c.rounds = end ? end->value("rounds", 0) : 0;

  ReportPage page;
  page.title = "Run: " + scenario.meta.name;
  page.subtitle = "parley report of the trace " + trace_name;
  if (end) page.facts.push_back({"seed", std::to_string(end->value("seed", 0LL))});
  page.facts.push_back({"length", std::to_string(c.rounds) + " " + c.round_name + "s"});
  for (const auto& p : scenario.parties) page.facts.push_back({p.id, p.name});
  for (const auto& track : scenario.tracks) {
    const Json* closed = closing_of(c, track);
    page.facts.push_back(
        {display_name(track), closed ? closed->value("status", "") + " in " + c.round_name + " " +
                                           std::to_string(closed->value("round", 0))
                                     : "open at the end"});
  }

  ReportSection dance{"The negotiation dance",
                      "Round by round, every offer on each track and what it is worth to each "
                      "party (utility 0\u20131 on that track).",
                      {}};
  ReportSection space{"The utility space",
                      "What each track could give the parties, and where this run's deal fell.",
                      {}};
  for (std::size_t t = 0; t < scenario.tracks.size(); ++t) {
    const Track& track = scenario.tracks[t];
    bool offers = false;
    for (const auto& line : trace)
      offers = offers || (line["event"] == "move" && line.value("track", "") == track.id &&
                          line.value("action", "") == "offer");
    if (offers) dance.charts.push_back(dance_chart(c, track));
    if (auto chart = space_chart(c, static_cast<int>(t))) space.charts.push_back(*chart);
  }
  if (!dance.charts.empty()) page.sections.push_back(std::move(dance));
  if (!space.charts.empty()) page.sections.push_back(std::move(space));
  ReportSection when{"Timeline", "", {timeline(c)}};
  world_charts(c, when);
  page.sections.push_back(std::move(when));
  if (auto h = history_section(c)) page.sections.push_back(std::move(*h));
  return page;
}

}  // namespace parley
