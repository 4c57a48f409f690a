#include "analysis/report/brief.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "analysis/report/points.hpp"
#include "analysis/solutions/bargaining_solutions.hpp"
#include "analysis/solutions/disagreement_point.hpp"
#include "analysis/solutions/pareto.hpp"
#include "analysis/solutions/utility_set.hpp"
#include "engine/format.hpp"
#include "engine/scenario/display_name.hpp"

namespace parley {

namespace {

// The most frontier outcomes the instructor's brief lists per track (evenly spaced beyond).
constexpr std::size_t kFrontierRows = 30;

// What the public brief says when the scenario has no meta.situation.
constexpr const char* kNoSituation =
    "This scenario has no description of the situation for the parties' briefs: ask your "
    "instructor for the background.";

const Party& party_of(const Scenario& s, int p) {
  return s.parties.at(static_cast<std::size_t>(p));
}

std::string percent(double share) {
  return format_number(std::round(share * 1000.0) / 10.0, 1) + "%";
}

std::string lowercase_first(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}

std::string date_of_round(const Scenario& s, int round) {
  return s.clock.date_of(round).to_string();
}

std::string plural(long long n, const std::string& word) {
  return format_thousands(n) + " " + word + (n == 1 ? "" : "s");
}

// The issue's range or options in plain words.
std::string issue_range(const Issue& issue) {
  switch (issue.kind) {
    case IssueKind::Options: {
      std::string text = "one of: ";
      for (std::size_t i = 0; i < issue.options.size(); ++i)
        text += (i ? "; " : "") + issue.options[i];
      return text;
    }
    case IssueKind::Flag:
      return "yes or no";
    case IssueKind::Quantity:
      return "from " + issue.describe(issue.min) + " to " + issue.describe(issue.max) +
             ", in steps of " + issue.describe(issue.step);
    case IssueKind::Share:
      return "a share from " + issue.describe(issue.min) + " to " + issue.describe(issue.max);
  }
  return {};
}

void public_part(Document& doc, const Scenario& s) {
  doc.heading(2, "Public brief (every party reads this)");
  doc.heading(3, "The situation");
  // Only the student-facing text: meta.description and the history may tell how it ended.
  if (!s.meta.situation.empty())
    doc.paragraph(s.meta.situation);
  else
    doc.paragraph(kNoSituation);
  doc.paragraph("The talks begin on " + s.clock.start.to_string() + ". One round is one " +
                s.clock.round_name + " (" + plural(s.clock.days_per_round, "day") + ").");

  doc.heading(3, "The parties");
  std::vector<std::string> parties;
  for (const Party& p : s.parties) parties.push_back(p.name + " (" + p.id + ")");
  for (const Mediator& m : s.mediators)
    parties.push_back(m.name + " (" + m.id + "), a mediator" +
                      (m.role.empty() ? "" : " with the role of " + m.role) +
                      ", with no stake in the terms");
  doc.list(parties);

  doc.heading(3, "What is negotiated");
  if (s.tracks.size() > 1)
    doc.paragraph("The talks run on " + std::to_string(s.tracks.size()) +
                  " tracks side by side; each track is agreed on its own, and every issue of "
                  "a track must be settled for a deal on it.");
  for (const Track& t : s.tracks) {
    doc.heading(4, display_name(t));
    std::vector<std::string> items;
    for (int i : t.issues) {
      const Issue& issue = s.issues[static_cast<std::size_t>(i)];
      std::string item = issue.label + " — " + issue_range(issue) + ".";
      if (!issue.brief.empty()) item += " " + issue.brief;
      items.push_back(item);
    }
    doc.list(items);
  }

  doc.heading(3, "The rules");
  std::vector<std::string> rules;
  const ProtocolSpec& pr = s.protocol;
  const std::string opener = party_of(s, pr.opener).name;
  switch (pr.kind) {
    case ProtocolKind::Alternating:
      rules.push_back(
          "Alternating offers: on each track one party proposes a deal and the other accepts "
          "or rejects it; after a rejection the other party proposes. " +
          opener + " makes the first offer.");
      break;
    case ProtocolKind::Stacked:
      rules.push_back(
          "Offers go round the table in turn: a proposal stands when every other party has "
          "accepted it; the first party to reject it proposes next. " +
          opener + " makes the first offer.");
      break;
    case ProtocolKind::SingleText:
      rules.push_back(
          "A single negotiating text: a mediator drafts one text at a time and every party "
          "accepts it or asks for a new draft.");
      break;
    case ProtocolKind::Attrition:
      rules.push_back(
          "A war of attrition: each round both parties state a claim, then decide at the same "
          "time whether to hold out or give way; whoever holds out while the other gives way "
          "wins its claim, and every round of holding out costs both sides.");
      break;
  }
  if (pr.deadline_rounds > 0)
    rules.push_back("Deadline: a track not agreed after " + plural(pr.deadline_rounds, "round") +
                    " closes without a deal (on " + date_of_round(s, pr.deadline_rounds) + ").");
  else
    rules.push_back("No fixed deadline: the talks stop after at most " +
                    plural(pr.max_rounds, "round") + " (" + date_of_round(s, pr.max_rounds) +
                    ") if they have not ended before.");
  if (pr.breakdown_probability > 0)
    rules.push_back("After each rejection the talks on that track may break down for good: a " +
                    percent(pr.breakdown_probability) + " chance.");
  rules.push_back(pr.walk_away ? "A party answering an offer may walk away from the track and "
                                 "take its no-deal score."
                               : "Nobody may walk away: a track ends with a deal, the deadline "
                                 "or a breakdown.");
  rules.push_back(pr.complete_information
                      ? "Complete information: every party's point schedule is public."
                      : "Each party's point schedule and no-deal score are confidential.");
  if (s.world.battlefield.present)
    rules.push_back(
        "The war goes on while the parties talk; the state of the front is public, round by "
        "round. An agreement on " +
        [&] {
          std::string names;
          for (std::size_t i = 0; i < s.world.ceasefire_tracks.size(); ++i)
            names += (i ? " or " : "") +
                     display_name(s.tracks[static_cast<std::size_t>(s.world.ceasefire_tracks[i])]);
          return names.empty() ? std::string("a ceasefire track") : names;
        }() +
        " stops the fighting.");
  if (!s.world.events.empty())
    rules.push_back(
        "News may change the situation during the talks; it is announced as it "
        "happens.");
  doc.list(rules);
}

// Points of the levels of one issue, as a table for `party`.
void issue_schedule(Document& doc, const OutcomeSpace& space, int party, int k) {
  const Scenario& s = space.scenario();
  const Issue& issue = s.issues[static_cast<std::size_t>(space.issue(k))];
  const ValueFunction& value =
      party_of(s, party).preferences.values[static_cast<std::size_t>(space.issue(k))];
  std::vector<std::vector<std::string>> rows{{issue.label, "points"}};
  for (int level : schedule_levels(issue, value))
    rows.push_back({issue.describe(issue.value_at(level)),
                    format_points(issue_points(space, party, k, issue.value_at(level)))});
  doc.table(rows);
  if (issue.levels() > static_cast<int>(rows.size()) - 1)
    doc.paragraph("Between two listed values the points lie between theirs, on a straight line.");
}

// "more is better", "fewer is better", or where the best value is.
std::string wish(const Issue& issue, const ValueFunction& value) {
  int best = 0;
  int worst = 0;
  for (int l = 1; l < issue.levels(); ++l) {
    if (value(issue.value_at(l)) > value(issue.value_at(best)) + 1e-12) best = l;
    if (value(issue.value_at(l)) < value(issue.value_at(worst)) - 1e-12) worst = l;
  }
  if (value(issue.value_at(best)) - value(issue.value_at(worst)) < 1e-12)
    return "you do not mind how it is settled";
  const std::string b = issue.describe(issue.value_at(best));
  const std::string w = issue.describe(issue.value_at(worst));
  if (issue.kind == IssueKind::Quantity || issue.kind == IssueKind::Share) {
    if (best == issue.levels() - 1 && worst == 0) return "the more the better (best " + b + ")";
    if (best == 0 && worst == issue.levels() - 1) return "the less the better (best " + b + ")";
  }
  return "best for you: " + b + "; worst: " + w;
}

// A party's confidential brief: schedule, no-deal score, priorities, what it knows.
void confidential_part(Document& doc, const Simulator& sim, int party, int level,
                       const std::string& heading) {
  const Scenario& s = sim.scenario();
  const Party& me = party_of(s, party);
  const Preferences& prefs = me.preferences;
  doc.heading(level, heading);
  doc.paragraph("You play " + me.name + " (" + me.id +
                "). Your score is in points: on each track your best possible deal is worth "
                "100 points, and an issue's points add up to the track's.");

  // The stakes of each track, for the priorities below.
  double total_weight = 0.0;
  for (const Track& t : s.tracks)
    for (int i : t.issues) total_weight += prefs.weights[static_cast<std::size_t>(i)];

  std::vector<std::string> priorities;
  for (std::size_t ti = 0; ti < s.tracks.size(); ++ti) {
    const Track& track = s.tracks[ti];
    const OutcomeSpace& space = sim.space(static_cast<int>(ti));
    doc.heading(level + 1, "Your point schedule: " + display_name(track));
    for (int k = 0; k < space.issue_count(); ++k) issue_schedule(doc, space, party, k);
    const DisagreementPoint d = run_disagreement_point(sim, static_cast<int>(ti));
    const double no_deal = to_points(d.values[party]);
    std::string text = "Your no-deal score on this track: " + format_points(no_deal) +
                       " points — what you get if it closes without a deal. Accept nothing "
                       "worth less.";
    if (d.source == DisagreementSource::ValueOfFightingOn)
      text +=
          " It is the value of fighting on at the start of the talks: it changes with the "
          "war.";
    doc.paragraph(text);

    // Priorities in words: issues by weight.
    std::vector<int> order(static_cast<std::size_t>(space.issue_count()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      return issue_weight_points(space, party, a) > issue_weight_points(space, party, b);
    });
    std::string p = display_name(track);
    if (s.tracks.size() > 1 && total_weight > 0)
      p += " carries " + percent(space.track_weight(party) / total_weight) + " of your stakes.";
    else
      p += ".";
    for (std::size_t r = 0; r < order.size(); ++r) {
      const int k = order[r];
      const Issue& issue = s.issues[static_cast<std::size_t>(space.issue(k))];
      p += " " + issue.label + " gives up to " +
           format_points(issue_weight_points(space, party, k)) + " points" +
           (r == 0 && order.size() > 1 &&
                    issue_weight_points(space, party, k) >
                        issue_weight_points(space, party, order[1]) + 1e-9
                ? ", more than any other issue"
                : "") +
           ": " + wish(issue, prefs.values[static_cast<std::size_t>(space.issue(k))]) + ".";
    }
    priorities.push_back(p);
  }

  doc.heading(level + 1, "Your priorities");
  doc.list(priorities);

  std::vector<std::string> time;
  if (prefs.discount < 1.0)
    time.push_back("A deal is worth " + percent(1.0 - prefs.discount) +
                   " less to you for every round it comes later.");
  if (prefs.cost_per_round > 0.0)
    time.push_back("Every round a track stays open costs you " +
                   format_points(to_points(prefs.cost_per_round)) + " points.");
  if (static_cast<std::size_t>(party) < s.world.parties.size()) {
    const PartyWarSpec& war = s.world.parties[static_cast<std::size_t>(party)];
    for (std::size_t c = 0; c < war.costs.size() && c < s.world.cost_kinds.size(); ++c) {
      const PartyCost& cost = war.costs[c];
      if (cost.per_round.mean <= 0.0) continue;
      const CostKind& kind = s.world.cost_kinds[c];
      time.push_back("Each " + s.clock.round_name + " of war costs you about " +
                     format_thousands(std::llround(cost.per_round.mean)) + " " +
                     (kind.unit.empty() ? "" : kind.unit + " (") + lowercase_first(kind.label) +
                     (kind.unit.empty() ? "" : ")") + ".");
    }
  }
  if (!me.types.empty()) {
    std::string t = "Your type is drawn in secret when play begins, and only you are told it: ";
    for (std::size_t i = 0; i < me.types.size(); ++i) {
      const PartyType& type = me.types[i];
      t += (i ? "; " : "") + (type.label.empty() ? type.id : type.label) + " (" +
           percent(type.probability) + ")";
      for (std::size_t tr = 0; tr < type.reservation.size() && tr < s.tracks.size(); ++tr)
        if (is_set(type.reservation[tr]))
          t += ", no-deal score on " + display_name(s.tracks[tr]) + " " +
               format_points(to_points(type.reservation[tr])) + " points";
    }
    time.push_back(t + ".");
  }
  if (!time.empty()) {
    doc.heading(level + 1, "Time and your own situation");
    doc.list(time);
  }

  doc.heading(level + 1, "What you know and what you do not");
  std::vector<std::string> know{
      "You know: your own point schedule and no-deal scores, the public brief, every offer and "
      "answer made at your table, and news as it is announced."};
  if (s.world.battlefield.present) know.push_back("You see the state of the front each round.");
  std::string unknown = "You do not know: ";
  unknown += s.protocol.complete_information
                 ? "the other parties' costs of war or private types."
                 : "the other parties' point schedules, their no-deal scores, their costs or "
                   "what they will accept. Judge them by their offers.";
  know.push_back(unknown);
  for (std::size_t q = 0; q < s.parties.size(); ++q) {
    if (static_cast<int>(q) == party || s.parties[q].types.empty()) continue;
    std::string t = s.parties[q].name + " is of one of these types, drawn in secret: ";
    for (std::size_t i = 0; i < s.parties[q].types.size(); ++i) {
      const PartyType& type = s.parties[q].types[i];
      t += (i ? "; " : "") + (type.label.empty() ? type.id : type.label) + " (" +
           percent(type.probability) + ")";
    }
    know.push_back(t + ". You know these chances, not which one.");
  }
  if (!s.world.events.empty()) know.push_back("You do not know what news will come, or when.");
  doc.list(know);
}

// The other parties' schedules, when the rules make them public.
void public_schedules(Document& doc, const Simulator& sim, int party) {
  const Scenario& s = sim.scenario();
  doc.heading(3, "The other parties' schedules (public under these rules)");
  for (std::size_t q = 0; q < s.parties.size(); ++q) {
    if (static_cast<int>(q) == party) continue;
    for (std::size_t t = 0; t < s.tracks.size(); ++t) {
      doc.heading(4, s.parties[q].name + ": " + display_name(s.tracks[t]));
      const OutcomeSpace& space = sim.space(static_cast<int>(t));
      for (int k = 0; k < space.issue_count(); ++k)
        issue_schedule(doc, space, static_cast<int>(q), k);
      doc.paragraph(
          "No-deal score: " +
          format_points(to_points(
              run_disagreement_point(sim, static_cast<int>(t)).values[static_cast<long>(q)])) +
          " points.");
    }
  }
}

std::vector<std::string> outcome_row(const Simulator& sim, int track, const Deal& deal,
                                     const std::string& first) {
  const Scenario& s = sim.scenario();
  const OutcomeSpace& space = sim.space(track);
  std::vector<std::string> row;
  if (!first.empty()) row.push_back(first);
  for (int k = 0; k < space.issue_count(); ++k)
    row.push_back(s.issues[static_cast<std::size_t>(space.issue(k))].describe(deal.values[k]));
  for (std::size_t p = 0; p < s.parties.size(); ++p)
    row.push_back(format_points(to_points(space.utility(static_cast<int>(p), deal))));
  return row;
}

std::vector<std::string> outcome_header(const Simulator& sim, int track, const std::string& first) {
  const Scenario& s = sim.scenario();
  const OutcomeSpace& space = sim.space(track);
  std::vector<std::string> row;
  if (!first.empty()) row.push_back(first);
  for (int k = 0; k < space.issue_count(); ++k)
    row.push_back(s.issues[static_cast<std::size_t>(space.issue(k))].label);
  for (const Party& p : s.parties) row.push_back(p.id + " points");
  return row;
}

void analysis_part(Document& doc, const Simulator& sim) {
  const Scenario& s = sim.scenario();
  doc.heading(2, "Analysis (instructor only)");
  doc.paragraph(
      "Points are each party's utility times 100. The Pareto frontier holds the deals no other "
      "deal beats for one party without costing another; the Nash point maximises the product "
      "of the parties' gains over their no-deal scores (Nash 1950), the Kalai–Smorodinsky point "
      "gives every party the same share of its largest possible gain (Kalai & Smorodinsky "
      "1975). `parley analyze` computes the same points.");
  for (std::size_t ti = 0; ti < s.tracks.size(); ++ti) {
    const int track = static_cast<int>(ti);
    const OutcomeSpace& space = sim.space(track);
    UtilitySet set = utility_set(space, s);
    const DisagreementPoint d = run_disagreement_point(sim, track);
    set.disagreement = d.values;
    const std::vector<std::int64_t> frontier = pareto_frontier(set);
    doc.heading(3, display_name(s.tracks[ti]));
    std::string no_deal = "No-deal scores (" + std::string(describe(d.source)) + "): ";
    for (std::size_t p = 0; p < s.parties.size(); ++p)
      no_deal += (p ? ", " : "") + s.parties[p].id + " " +
                 format_points(to_points(d.values[static_cast<long>(p)]));
    doc.paragraph(no_deal + " points. " + plural(space.size(), "possible deal") + ", " +
                  format_thousands(static_cast<long long>(frontier.size())) +
                  " on the Pareto frontier.");

    std::vector<std::vector<std::string>> rows{outcome_header(sim, track, "solution")};
    const std::optional<std::int64_t> nash = nash_solution(set, frontier);
    const std::optional<std::int64_t> ks = kalai_smorodinsky_solution(set, frontier);
    if (nash) rows.push_back(outcome_row(sim, track, space.deal(*nash), "Nash"));
    if (ks) rows.push_back(outcome_row(sim, track, space.deal(*ks), "Kalai–Smorodinsky"));
    if (rows.size() > 1)
      doc.table(rows);
    else
      doc.paragraph(
          "No deal is worth its no-deal score to every party: no Nash or "
          "Kalai–Smorodinsky point.");

    doc.heading(4, "Pareto frontier");
    // Frontier outcomes ordered along the first party's points, so the table reads as a curve.
    std::vector<std::int64_t> along = frontier;
    std::stable_sort(along.begin(), along.end(), [&](std::int64_t a, std::int64_t b) {
      return set.utilities(a, 0) > set.utilities(b, 0);
    });
    std::vector<std::int64_t> shown;
    if (along.size() <= kFrontierRows) {
      shown = along;
    } else {
      for (std::size_t i = 0; i < kFrontierRows; ++i)
        shown.push_back(along[i * (along.size() - 1) / (kFrontierRows - 1)]);
      doc.paragraph(std::to_string(kFrontierRows) + " of the " +
                    format_thousands(static_cast<long long>(along.size())) +
                    " frontier deals, evenly spaced; `parley analyze --format json` lists all.");
    }
    std::vector<std::vector<std::string>> frows{outcome_header(sim, track, "")};
    for (std::int64_t k : shown) frows.push_back(outcome_row(sim, track, space.deal(k), ""));
    doc.table(frows);
  }

  if (!s.world.events.empty()) {
    doc.heading(3, "News the scenario can fire (injects)");
    std::vector<std::string> items;
    for (const EventSpec& e : s.world.events) {
      std::string when =
          e.is_random()
              ? percent(e.hazard) + " chance each round from " + date_of_round(s, e.from_round)
              : date_of_round(s, e.round) + " (round " + std::to_string(e.round) + ")";
      std::string item = when + ": " + (e.label.empty() ? e.id : e.label) + " [" + e.kind + "]";
      if (e.unless_agreed >= 0)
        item += ", unless " + display_name(s.tracks[static_cast<std::size_t>(e.unless_agreed)]) +
                " is agreed by then";
      items.push_back(item + ".");
    }
    doc.list(items);
  }

  std::vector<std::string> backgrounds;
  for (const Issue& issue : s.issues)
    if (!issue.description.empty()) backgrounds.push_back(issue.label + ": " + issue.description);
  if (!s.meta.description.empty() || !backgrounds.empty()) {
    doc.heading(3, "The scenario's background (not in the parties' briefs)");
    if (!s.meta.description.empty()) doc.paragraph(s.meta.description);
    if (!backgrounds.empty()) doc.list(backgrounds);
  }

  if (s.history.present) {
    doc.heading(3, "What happened");
    if (!s.history.summary.empty()) doc.paragraph(s.history.summary);
    for (const HistoricalTrack& h : s.history.tracks) {
      const Track& track = s.tracks[static_cast<std::size_t>(h.track)];
      std::string line = display_name(track) + ": " +
                         (h.agreed ? "agreed on " + h.date : std::string("not agreed")) +
                         (h.how.empty() ? "" : " (" + h.how + ")") + ".";
      doc.paragraph(line);
      if (!h.agreed || h.terms.empty()) continue;
      const OutcomeSpace& space = sim.space(h.track);
      std::vector<std::vector<std::string>> rows{{"issue", "term"}};
      for (const HistoricalTerm& term : h.terms)
        rows.push_back({s.issues[static_cast<std::size_t>(term.issue)].label,
                        s.issues[static_cast<std::size_t>(term.issue)].describe(term.value)});
      // Points only when history settles every issue of the track.
      if (static_cast<int>(h.terms.size()) == space.issue_count()) {
        Deal deal;
        deal.size = space.issue_count();
        for (int k = 0; k < space.issue_count(); ++k)
          for (const HistoricalTerm& term : h.terms)
            if (term.issue == space.issue(k)) deal.values[static_cast<std::size_t>(k)] = term.value;
        deal.outcome = space.nearest_outcome(deal);
        for (std::size_t p = 0; p < s.parties.size(); ++p)
          rows.push_back({s.parties[p].id + " points",
                          format_points(to_points(space.utility(static_cast<int>(p), deal)))});
      }
      doc.table(rows);
    }
    std::vector<std::string> facts;
    for (const HistoricalFact& f : s.history.facts) facts.push_back(f.text);
    if (!facts.empty()) doc.list(facts);
  }
}

}  // namespace

std::vector<std::string> brief_warnings(const Scenario& s) {
  std::vector<std::string> out;
  const std::string where = s.file.empty() ? std::string("scenario") : s.file;
  if (s.meta.situation.empty())
    out.push_back(where +
                  ": warning: no meta.situation: the parties' briefs cannot describe the "
                  "situation (docs/scenario-format.md, Texts for the briefs)");
  std::string bare;
  for (const Issue& issue : s.issues)
    if (issue.brief.empty()) bare += (bare.empty() ? "" : ", ") + issue.id;
  if (!bare.empty())
    out.push_back(where + ": warning: no brief text for issue" +
                  (bare.find(',') == std::string::npos ? " " : "s ") + bare +
                  ": the parties' briefs show only the label and the options");
  return out;
}

Brief party_brief(const Simulator& simulator, int party) {
  const Scenario& s = simulator.scenario();
  const Party& me = party_of(s, party);
  Brief brief;
  brief.document = Document(s.meta.name + ": brief for " + me.name);
  public_part(brief.document, s);
  brief.document.page_break();
  confidential_part(brief.document, simulator, party, 2,
                    "Confidential brief: " + me.name + " (for your eyes only)");
  if (s.protocol.complete_information && s.parties.size() > 1)
    public_schedules(brief.document, simulator, party);
  return brief;
}

Brief instructor_brief(const Simulator& simulator, int party) {
  const Scenario& s = simulator.scenario();
  if (party >= 0) (void)party_of(s, party);
  Brief brief;
  brief.document = Document(s.meta.name + ": instructor's brief");
  public_part(brief.document, s);
  std::vector<int> order;
  if (party >= 0) order.push_back(party);
  for (int p = 0; p < static_cast<int>(s.parties.size()); ++p)
    if (p != party) order.push_back(p);
  for (int p : order) {
    brief.document.page_break();
    confidential_part(brief.document, simulator, p, 2,
                      "Confidential brief: " + party_of(s, p).name);
  }
  brief.document.page_break();
  analysis_part(brief.document, simulator);
  return brief;
}

}  // namespace parley
