#include "analysis/report/debrief.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/charts/chart.hpp"
#include "analysis/report/points.hpp"
#include "analysis/report/run_pictures.hpp"
#include "analysis/solutions/pareto.hpp"
#include "analysis/statistics/json_number.hpp"
#include "engine/format.hpp"
#include "engine/input_error.hpp"
#include "engine/scenario/display_name.hpp"

namespace parley {

namespace {

using Json = nlohmann::json;

// The deal a trace line's terms describe, on the track's issues.
Deal deal_of(const Scenario& s, const OutcomeSpace& space, const Json& terms,
             const std::string& table) {
  Deal deal;
  deal.size = space.issue_count();
  for (int k = 0; k < space.issue_count(); ++k) {
    const Issue& issue = s.issues[static_cast<std::size_t>(space.issue(k))];
    if (!terms.is_object() || !terms.contains(issue.id) || !terms[issue.id].contains("value"))
      throw InputError(table, 0, 0, "/terms/" + issue.id,
                       "the value of every issue of the track in an accepted offer",
                       "none for " + issue.id);
    deal.values[static_cast<std::size_t>(k)] = number_or(terms[issue.id]["value"]);
  }
  const std::int64_t nearest = space.nearest_outcome(deal);
  const Deal grid = space.deal(nearest);
  bool on_grid = true;
  for (int k = 0; k < deal.size; ++k)
    if (std::abs(grid.values[static_cast<std::size_t>(k)] -
                 deal.values[static_cast<std::size_t>(k)]) > 1e-9)
      on_grid = false;
  if (on_grid) deal = grid;
  return deal;
}

std::string issue_values_text(const Scenario& s, const OutcomeSpace& space, const Deal& deal) {
  std::string text;
  for (int k = 0; k < space.issue_count(); ++k)
    text += (k ? "; " : "") + s.issues[static_cast<std::size_t>(space.issue(k))].describe(
                                  deal.values[static_cast<std::size_t>(k)]);
  return text;
}

// The historical deal of a track, when history settles every one of its issues.
std::optional<Deal> historical_deal(const Scenario& s, const OutcomeSpace& space, int track) {
  if (!s.history.present) return std::nullopt;
  for (const HistoricalTrack& h : s.history.tracks) {
    if (h.track != track || !h.agreed || static_cast<int>(h.terms.size()) != space.issue_count())
      continue;
    Deal deal;
    deal.size = space.issue_count();
    for (int k = 0; k < space.issue_count(); ++k)
      for (const HistoricalTerm& term : h.terms)
        if (term.issue == space.issue(k)) deal.values[static_cast<std::size_t>(k)] = term.value;
    return deal;
  }
  return std::nullopt;
}

std::string pts(double utility) {
  return format_points(to_points(utility));
}

}  // namespace

AgentBaseline agent_baseline(const Simulator& simulator, int runs, std::uint64_t seed) {
  const Scenario& s = simulator.scenario();
  AgentBaseline b;
  b.runs = runs;
  b.seed = seed;
  b.tracks.resize(s.tracks.size());
  std::vector<std::map<std::int64_t, int>> counts(s.tracks.size());
  for (int r = 0; r < runs; ++r) {
    const RunResult result = simulator.run(seed, static_cast<std::uint64_t>(r));
    for (std::size_t t = 0; t < s.tracks.size(); ++t) {
      const TrackResult& tr = result.tracks[t];
      if (tr.status != TrackStatus::Agreed) continue;
      ++b.tracks[t].agreed;
      const std::int64_t k = tr.deal.on_grid()
                                 ? tr.deal.outcome
                                 : simulator.space(static_cast<int>(t)).nearest_outcome(tr.deal);
      ++counts[t][k];
    }
  }
  for (std::size_t t = 0; t < s.tracks.size(); ++t)
    for (const auto& [k, n] : counts[t])  // ascending outcome: ties keep the lowest
      if (n > b.tracks[t].typical_count) {
        b.tracks[t].typical = k;
        b.tracks[t].typical_count = n;
      }
  return b;
}

std::vector<TableOutcome> table_outcomes(const Simulator& simulator,
                                         const std::vector<TrackReference>& references,
                                         const std::vector<DebriefTable>& tables) {
  const Scenario& s = simulator.scenario();
  std::vector<TableOutcome> out;
  for (const DebriefTable& table : tables) {
    TableOutcome o;
    o.name = table.name;
    o.tracks.resize(s.tracks.size());
    std::vector<const Json*> accepted(s.tracks.size(), nullptr);
    for (const Json& line : table.trace) {
      const std::string event = line.value("event", "");
      if (event == "run-end") o.finished = true;
      if (event != "move" && event != "track-closed") continue;
      const std::string id = line.value("track", "");
      const int t = s.track_index(id);
      if (t < 0)
        throw InputError(table.name, 0, 0, "/track",
                         "a track of " + s.meta.name + " (the trace of another scenario?)",
                         "\"" + id + "\"");
      TableTrack& tt = o.tracks[static_cast<std::size_t>(t)];
      if (event == "move") {
        if (line.contains("party") && line["party"].is_string() &&
            s.party_index(line["party"].get<std::string>()) < 0)
          throw InputError(table.name, 0, 0, "/party", "a party of " + s.meta.name,
                           line["party"].dump());
        const std::string action = line.value("action", "");
        if (action == "offer") ++tt.offers;
        if (action == "accept") accepted[static_cast<std::size_t>(t)] = &line;
      } else {
        tt.status = line.value("status", "closed");
        tt.round = line.value("round", -1);
      }
    }
    for (std::size_t t = 0; t < s.tracks.size(); ++t) {
      TableTrack& tt = o.tracks[t];
      const TrackReference& ref = references[t];
      const OutcomeSpace& space = simulator.space(static_cast<int>(t));
      if (tt.status == "agreed" && accepted[t])
        tt.deal = deal_of(s, space, (*accepted[t])["terms"], table.name);
      tt.evaluation =
          tt.deal ? evaluate_deal(ref, space, *tt.deal) : evaluate_point(ref, ref.set.disagreement);
      tt.joint_points = to_points(tt.evaluation.utilities.sum());
    }
    out.push_back(std::move(o));
  }
  return out;
}

ReportPage debrief_page(const Simulator& simulator, const std::vector<DebriefTable>& tables,
                        const AgentBaseline& baseline) {
  const Scenario& s = simulator.scenario();
  std::vector<TrackReference> refs;
  for (std::size_t t = 0; t < s.tracks.size(); ++t)
    refs.push_back(track_reference(simulator, static_cast<int>(t)));
  const std::vector<TableOutcome> outcomes = table_outcomes(simulator, refs, tables);

  ReportPage page;
  page.title = "Class debrief: " + s.meta.name;
  page.subtitle =
      std::to_string(tables.size()) + (tables.size() == 1 ? " table" : " tables") +
      ". Each table's deal against the Pareto frontier and the Nash and Kalai\u2013Smorodinsky "
      "points (from the no-deal scores a run starts from, as parley analyze computes them), "
      "against the scenario's agents (their most frequent deal in " +
      format_thousands(baseline.runs) + " runs, seed " + std::to_string(baseline.seed) +
      ") and against history. Points are utility times 100.";
  int finished = 0;
  for (const TableOutcome& o : outcomes) finished += o.finished ? 1 : 0;
  page.facts.push_back(
      {"tables", std::to_string(tables.size()) + " (" + std::to_string(finished) + " finished)"});
  for (std::size_t t = 0; t < s.tracks.size(); ++t) {
    int agreed = 0;
    double joint = 0.0;
    for (const TableOutcome& o : outcomes) {
      agreed += o.tracks[t].deal ? 1 : 0;
      joint += o.tracks[t].joint_points;
    }
    page.facts.push_back(
        {display_name(s.tracks[t]),
         std::to_string(agreed) + " of " + std::to_string(outcomes.size()) + " tables agreed" +
             (outcomes.empty()
                  ? ""
                  : "; mean joint points " +
                        format_number(joint / static_cast<double>(outcomes.size()), 1)) +
             "; the agents agreed in " + std::to_string(baseline.tracks[t].agreed) + " of " +
             format_thousands(baseline.runs) + " runs"});
  }

  // The class table, one row per table and track, with the references as rows of their own.
  ReportSection cls;
  cls.heading = "The class, table by table";
  cls.text =
      "Click a column's header to sort by it. Joint points: the parties' points added. Distance "
      "to the frontier and to the Nash point: straight-line distance in the parties' points "
      "(0 on the frontier). Inequality: the Gini coefficient of the parties' points (0 equal, "
      "towards 1 all to one party). A track without a deal is measured at the no-deal scores.";
  PageTable table;
  table.header = {"table", "track", "outcome", "closed on"};
  for (const Party& p : s.parties) table.header.push_back(p.id + " points");
  for (const char* h :
       {"joint points", "distance to frontier (points)", "distance to Nash (points)",
        "inequality (Gini)", "Pareto-optimal", "offers"})
    table.header.push_back(h);
  auto add_row = [&](const std::string& name, std::size_t t, const std::string& outcome,
                     const std::string& date, int round, const DealEvaluation& e, int offers) {
    std::vector<std::string> row{name, s.tracks[t].id, outcome, date};
    std::vector<std::string> keys{"", "", "", round >= 0 ? std::to_string(round) : "999999"};
    for (Eigen::Index p = 0; p < e.utilities.size(); ++p) {
      row.push_back(pts(e.utilities[p]));
      keys.push_back("");
    }
    row.push_back(format_number(to_points(e.utilities.sum()), 1));
    row.push_back(format_number(to_points(e.measures.distance_to_frontier), 1));
    row.push_back(e.measures.distance_to_nash
                      ? format_number(to_points(*e.measures.distance_to_nash), 1)
                      : "none");
    row.push_back(format_number(e.gini, 3));
    row.push_back(e.measures.pareto_optimal ? "yes" : "no");
    row.push_back(offers >= 0 ? std::to_string(offers) : "");
    keys.resize(row.size());
    table.rows.push_back(row);
    table.sort_keys.push_back(keys);
  };
  for (const TableOutcome& o : outcomes)
    for (std::size_t t = 0; t < s.tracks.size(); ++t) {
      const TableTrack& tt = o.tracks[t];
      const OutcomeSpace& space = simulator.space(static_cast<int>(t));
      const std::string outcome =
          tt.deal ? issue_values_text(s, space, *tt.deal)
                  : (tt.status == "open" ? (o.finished ? "never opened" : "still open")
                                         : "no deal (" + tt.status + ")");
      add_row(o.name, t, outcome, tt.round >= 0 ? s.clock.date_of(tt.round).to_string() : "",
              tt.round, tt.evaluation, tt.offers);
    }
  for (std::size_t t = 0; t < s.tracks.size(); ++t) {
    const OutcomeSpace& space = simulator.space(static_cast<int>(t));
    if (baseline.tracks[t].typical) {
      const Deal deal = space.deal(*baseline.tracks[t].typical);
      add_row("(agents' typical deal)", t, issue_values_text(s, space, deal), "", -1,
              evaluate_deal(refs[t], space, deal), -1);
    }
    if (const auto h = historical_deal(s, space, static_cast<int>(t))) {
      std::string date;
      for (const HistoricalTrack& ht : s.history.tracks)
        if (ht.track == static_cast<int>(t)) date = ht.date;
      add_row("(history)", t, issue_values_text(s, space, *h), date, -1,
              evaluate_deal(refs[t], space, *h), -1);
    }
  }
  table.section = page.sections.size();
  page.tables.push_back(std::move(table));
  page.sections.push_back(std::move(cls));

  // Per track: every deal in utility space.
  if (s.parties.size() >= 2) {
    const std::string a = s.parties[0].id;
    const std::string b = s.parties[1].id;
    for (std::size_t t = 0; t < s.tracks.size(); ++t) {
      const OutcomeSpace& space = simulator.space(static_cast<int>(t));
      const TrackReference& ref = refs[t];
      ReportSection sec;
      sec.heading = "Deals on " + display_name(s.tracks[t]);
      XYChart x;
      x.title = "The tables' deals in utility space: " + display_name(s.tracks[t]);
      x.caption = "Every possible deal (grey) by the points it gives " + a + " and " + b +
                  "; the line is the Pareto frontier. Coloured dots: the tables' deals (a "
                  "table without a deal sits at the no-deal scores). Markers: the Nash and "
                  "Kalai\u2013Smorodinsky points, the no-deal scores, the agents' typical deal "
                  "and the historical one.";
      if (s.parties.size() > 2)
        x.caption += " (The first two of the " + std::to_string(s.parties.size()) + " parties.)";
      x.x_title = a + " points (0\u2013100)";
      x.y_title = b + " points (0\u2013100)";
      x.series_title = "";
      x.x_domain = std::make_pair(0.0, 100.0);
      x.y_domain = std::make_pair(0.0, 100.0);
      x.line_points = false;
      const std::int64_t n = ref.set.outcomes();
      const std::int64_t stride =
          std::max<std::int64_t>(1, (n + kMaxDrawnOutcomes - 1) / kMaxDrawnOutcomes);
      if (stride > 1)
        x.caption +=
            " Showing one deal in " + std::to_string(stride) + " of " + format_thousands(n) + ".";
      for (std::int64_t o = 0; o < n; o += stride)
        x.cloud.push_back(
            {to_points(ref.set.utilities(o, 0)), to_points(ref.set.utilities(o, 1)), "", "", ""});
      std::vector<std::int64_t> frontier = ref.efficiency.frontier_outcomes();
      std::sort(frontier.begin(), frontier.end(), [&](std::int64_t l, std::int64_t r) {
        return ref.set.utilities(l, 0) < ref.set.utilities(r, 0) ||
               (ref.set.utilities(l, 0) == ref.set.utilities(r, 0) &&
                ref.set.utilities(l, 1) > ref.set.utilities(r, 1));
      });
      for (std::int64_t o : frontier)
        x.lines.push_back({to_points(ref.set.utilities(o, 0)), to_points(ref.set.utilities(o, 1)),
                           "Pareto frontier", "", ""});
      for (const TableOutcome& o : outcomes) {
        const TableTrack& tt = o.tracks[t];
        x.dots.push_back(
            {to_points(tt.evaluation.utilities[0]), to_points(tt.evaluation.utilities[1]),
             tt.deal ? "a table's deal" : "a table without a deal", "",
             o.name + (tt.deal ? ": " + issue_values_text(s, space, *tt.deal) : ": no deal")});
      }
      if (ref.nash)
        x.markers.push_back({to_points(ref.set.utilities(*ref.nash, 0)),
                             to_points(ref.set.utilities(*ref.nash, 1)), "Nash"});
      if (ref.kalai_smorodinsky)
        x.markers.push_back({to_points(ref.set.utilities(*ref.kalai_smorodinsky, 0)),
                             to_points(ref.set.utilities(*ref.kalai_smorodinsky, 1)),
                             "Kalai\u2013Smorodinsky"});
      x.markers.push_back(
          {to_points(ref.set.disagreement[0]), to_points(ref.set.disagreement[1]), "no deal"});
      if (baseline.tracks[t].typical)
        x.markers.push_back({to_points(ref.set.utilities(*baseline.tracks[t].typical, 0)),
                             to_points(ref.set.utilities(*baseline.tracks[t].typical, 1)),
                             "agents"});
      if (const auto h = historical_deal(s, space, static_cast<int>(t)))
        x.markers.push_back(
            {to_points(space.utility(0, *h)), to_points(space.utility(1, *h)), "history"});
      sec.charts.push_back(xy_chart(x));
      page.sections.push_back(std::move(sec));
    }
  }

  // Per table: the offers round by round, as each party values them.
  ReportSection timelines;
  timelines.heading = "Offers, table by table";
  timelines.text = "Each offer as each party values it, " + s.clock.round_name + " by " +
                   s.clock.round_name +
                   ": one line per party, the symbol's shape says who made the offer; the "
                   "diamonds mark the deal accepted.";
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    for (std::size_t t = 0; t < s.tracks.size(); ++t) {
      if (outcomes[i].tracks[t].offers == 0) continue;
      XYChart x;
      x.title = outcomes[i].name + ": " + display_name(s.tracks[t]);
      x.caption = "Offers at " + outcomes[i].name + " on " + display_name(s.tracks[t]) + ".";
      x.x_title = s.clock.round_name + " of the talks";
      x.y_title = "points of the offer (0\u2013100)";
      x.series_title = "points to";
      x.shape_title = "offer made by";
      x.x_integer = true;
      x.y_domain = std::make_pair(0.0, 100.0);
      const OutcomeSpace& space = simulator.space(static_cast<int>(t));
      for (std::size_t p = 0; p < s.parties.size(); ++p)
        for (const Json& line : tables[i].trace) {
          if (line.value("event", "") != "move" || line.value("track", "") != s.tracks[t].id ||
              line.value("action", "") != "offer")
            continue;
          const Deal deal = deal_of(s, space, line["terms"], tables[i].name);
          const std::string by = line["party"].is_string() ? line["party"].get<std::string>() : "";
          x.lines.push_back({number_or(line["round"]),
                             to_points(space.utility(static_cast<int>(p), deal)), s.parties[p].id,
                             by,
                             "offer by " + by + " on " + line.value("date", "") + ": " +
                                 issue_values_text(s, space, deal)});
        }
      if (const auto& deal = outcomes[i].tracks[t].deal)
        for (std::size_t p = 0; p < s.parties.size(); ++p)
          x.markers.push_back({static_cast<double>(outcomes[i].tracks[t].round),
                               to_points(space.utility(static_cast<int>(p), *deal)),
                               "deal (" + s.parties[p].id + ")"});
      timelines.charts.push_back(xy_chart(x));
    }
  }
  if (!timelines.charts.empty()) page.sections.push_back(std::move(timelines));
  return page;
}

}  // namespace parley
