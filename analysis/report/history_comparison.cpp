#include "analysis/report/history_comparison.hpp"

#include <sstream>
#include <stdexcept>

#include "analysis/report/terms_json.hpp"
#include "analysis/report/text_table.hpp"
#include "engine/format.hpp"

namespace parley {

using nlohmann::ordered_json;

namespace {
// The level a value of an issue falls on, so a historical 75,823 and a simulated 76,000 on a
// grid of thousands compare equal.
bool same_level(const Issue& issue, double a, double b) {
  return issue.nearest_level(a) == issue.nearest_level(b);
}

// The position of an issue on a track (its index in the track's deals), -1 if not on it.
int position_on_track(const Track& track, int issue) {
  for (std::size_t k = 0; k < track.issues.size(); ++k)
    if (track.issues[k] == issue) return static_cast<int>(k);
  return -1;
}

std::string plural(int n, const std::string& unit) {
  return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
}

std::string signed_rounds(int difference, const std::string& round_name) {
  if (difference == 0) return "the same " + round_name;
  return plural(difference < 0 ? -difference : difference, round_name) +
         (difference < 0 ? " earlier" : " later");
}

// "2025-06-08 (exchange 2)": the date first, as analysts read history.
std::string when(const Scenario& s, int round) {
  return s.clock.date_of(round).to_string() + " (" + s.clock.round_name + " " +
         std::to_string(round) + ")";
}
}  // namespace

HistoryComparison compare_with_history(const Scenario& s, const RunResult& result) {
  HistoryComparison c;
  compare_with_history(s, result, c);
  return c;
}

void compare_with_history(const Scenario& s, const RunResult& result, HistoryComparison& c) {
  const HistorySpec& h = s.history;
  c.present = h.present;
  c.tracks.resize(h.tracks.size());
  c.pattern_match = true;
  c.last_track = -1;
  c.last_match = false;
  int last_round = -1;
  for (std::size_t k = 0; k < h.tracks.size(); ++k) {
    const HistoricalTrack& ht = h.tracks[k];
    TrackComparison& tc = c.tracks[k];
    tc = TrackComparison{};
    tc.track = ht.track;
    tc.history = &ht;
    const TrackResult& r = result.tracks[ht.track];
    tc.simulated = r.status;
    tc.simulated_round = r.round;
    tc.deal = r.deal;
    const bool agreed = r.status == TrackStatus::Agreed;
    tc.status_match = agreed == ht.agreed;
    c.pattern_match = c.pattern_match && tc.status_match;
    if (agreed && ht.agreed) {
      tc.round_difference = r.round - ht.round;
      for (const HistoricalTerm& term : ht.terms) {
        const int at = position_on_track(s.tracks[ht.track], term.issue);
        if (at < 0) continue;
        ++tc.terms_compared;
        if (same_level(s.issues[term.issue], term.value, r.deal.values[at])) ++tc.terms_matched;
      }
    }
    if (ht.agreed && ht.round >= last_round) {
      last_round = ht.round;
      c.last_track = ht.track;
    }
  }
  c.order_match = true;
  for (const TrackComparison& a : c.tracks)
    for (const TrackComparison& b : c.tracks) {
      const bool both_a = a.history->agreed && a.simulated == TrackStatus::Agreed;
      const bool both_b = b.history->agreed && b.simulated == TrackStatus::Agreed;
      if (both_a && both_b && a.history->round < b.history->round &&
          a.simulated_round > b.simulated_round)
        c.order_match = false;
    }
  if (c.last_track >= 0) {
    const TrackResult& last = result.tracks[c.last_track];
    c.last_match = last.status == TrackStatus::Agreed;
    for (const TrackResult& other : result.tracks)
      if (other.status == TrackStatus::Agreed && other.round > last.round) c.last_match = false;
  }
}

ordered_json history_json(const Scenario& s, const HistoryComparison& c) {
  if (!c.present) return nullptr;
  const HistorySpec& h = s.history;
  ordered_json out;
  out["summary"] = h.summary;
  out["end"] = h.end_date.empty() ? ordered_json(nullptr) : ordered_json(h.end_date);
  out["source"] = h.source;
  ordered_json tracks = ordered_json::array();
  for (const TrackComparison& tc : c.tracks) {
    const HistoricalTrack& ht = *tc.history;
    const bool agreed = tc.simulated == TrackStatus::Agreed;
    const bool both = agreed && ht.agreed;
    ordered_json historical;
    historical["agreed"] = ht.agreed;
    historical["date"] = ht.agreed ? ordered_json(ht.date) : ordered_json(nullptr);
    historical["round"] = ht.agreed ? ordered_json(ht.round) : ordered_json(nullptr);
    historical["how"] = ht.how;
    historical["source"] = ht.source;
    historical["note"] = ht.note;
    ordered_json simulated;
    simulated["status"] = to_string(tc.simulated);
    simulated["agreed"] = agreed;
    simulated["round"] = tc.simulated_round;
    simulated["date"] = s.clock.date_of(tc.simulated_round).to_string();
    ordered_json terms = ordered_json::array();
    const Track& track = s.tracks[tc.track];
    for (const HistoricalTerm& term : ht.terms) {
      const Issue& issue = s.issues[term.issue];
      const int at = position_on_track(track, term.issue);
      ordered_json row;
      row["issue"] = issue.id;
      row["historical"] = {{"value", tidy(term.value)}, {"text", term.text}};
      if (agreed && at >= 0) {
        const double value = tc.deal.values[at];
        row["simulated"] = {{"value", tidy(value)}, {"text", issue.describe(value)}};
        row["match"] = same_level(issue, term.value, value);
      } else {
        row["simulated"] = nullptr;
        row["match"] = nullptr;
      }
      terms.push_back(std::move(row));
    }
    ordered_json row;
    row["id"] = track.id;
    row["label"] = track.label;
    row["historical"] = std::move(historical);
    row["simulated"] = std::move(simulated);
    row["status_match"] = tc.status_match;
    row["round_difference"] = both ? ordered_json(tc.round_difference) : ordered_json(nullptr);
    row["terms"] = std::move(terms);
    row["terms_compared"] = tc.terms_compared;
    row["terms_matched"] = tc.terms_matched;
    tracks.push_back(std::move(row));
  }
  out["tracks"] = std::move(tracks);
  out["pattern_match"] = c.pattern_match;
  out["order_match"] = c.order_match;
  out["last_agreed"] = c.last_track >= 0 ? ordered_json(s.tracks[c.last_track].id) : nullptr;
  out["last_match"] = c.last_track >= 0 ? ordered_json(c.last_match) : nullptr;
  ordered_json facts = ordered_json::array();
  for (const HistoricalFact& fact : h.facts)
    facts.push_back({{"text", fact.text}, {"source", fact.source}});
  out["facts"] = std::move(facts);
  return out;
}

std::string history_text(const Scenario& s, const HistoryComparison& c) {
  if (!c.present) return {};
  const HistorySpec& h = s.history;
  const std::string& unit = s.clock.round_name;
  std::ostringstream out;
  out << "\nHistory: what really happened, beside this run\n";
  if (!h.summary.empty()) out << wrap_text(h.summary, "  ", "  ");
  out << "\n";
  TextTable table({"track", "in history", "in this run", "status", "timing"}, 5);
  int matching = 0;
  for (const TrackComparison& tc : c.tracks) {
    const HistoricalTrack& ht = *tc.history;
    const bool agreed = tc.simulated == TrackStatus::Agreed;
    matching += tc.status_match ? 1 : 0;
    const std::string simulated =
        agreed ? "agreed " : "not agreed: " + std::string(to_string(tc.simulated)) + " ";
    table.row({s.tracks[tc.track].id,
               ht.agreed ? "agreed " + ht.date + " (" + unit + " " + std::to_string(ht.round) + ")"
                         : std::string("not agreed"),
               simulated + when(s, tc.simulated_round),
               tc.status_match ? "as in history" : "differs",
               agreed && ht.agreed ? signed_rounds(tc.round_difference, unit) : "-"});
  }
  out << table.text();

  for (const TrackComparison& tc : c.tracks) {
    const HistoricalTrack& ht = *tc.history;
    if (ht.terms.empty()) continue;
    const bool agreed = tc.simulated == TrackStatus::Agreed;
    out << "\n  Terms on " << s.tracks[tc.track].id << "\n";
    TextTable terms({"issue", "in history", "in this run", ""}, 4);
    for (const HistoricalTerm& term : ht.terms) {
      const Issue& issue = s.issues[term.issue];
      const int at = position_on_track(s.tracks[tc.track], term.issue);
      const bool simulated = agreed && at >= 0;
      const double value = simulated ? tc.deal.values[at] : 0.0;
      terms.row({issue.label.empty() ? issue.id : issue.label, term.text,
                 simulated ? issue.describe(value) : "no agreement",
                 !simulated                             ? ""
                 : same_level(issue, term.value, value) ? "as in history"
                                                        : "differs"});
    }
    out << terms.text("    ");
    if (agreed)
      out << "    " << tc.terms_matched << " of " << tc.terms_compared << " as in history\n";
  }

  out << "\n  Pattern of agreements: "
      << (c.pattern_match ? "as in history"
                          : "differs (" + std::to_string(matching) + " of " +
                                std::to_string(c.tracks.size()) + " tracks as in history)")
      << "\n";
  if (c.last_track >= 0)
    out << "  Agreed last in history: " << s.tracks[c.last_track].id << "; in this run "
        << (c.last_match ? "also last" : "not last") << "\n";
  if (!c.order_match) out << "  Order of agreements: differs from history\n";
  bool hows = false;
  for (const TrackComparison& tc : c.tracks) hows = hows || !tc.history->how.empty();
  if (hows) {
    out << "  How the tracks ended in history:\n";
    for (const TrackComparison& tc : c.tracks)
      if (!tc.history->how.empty())
        out << wrap_text(tc.history->how, "    " + s.tracks[tc.track].id + ": ", "      ");
  }
  if (!h.facts.empty()) {
    out << "  Facts:\n";
    for (const HistoricalFact& fact : h.facts) out << wrap_text(fact.text, "    - ", "      ");
  }
  return out.str();
}

// ---------------------------------------------------------------------------------------------

HistoryOutline history_outline(const Scenario& s) {
  HistoryOutline o;
  const HistorySpec& h = s.history;
  o.present = h.present;
  if (!h.present) return o;
  o.summary = h.summary;
  o.round_name = s.clock.round_name;
  int last_round = -1;
  for (const HistoricalTrack& ht : h.tracks) {
    if (ht.agreed && ht.round >= last_round) {
      last_round = ht.round;
      o.last_track = static_cast<int>(o.tracks.size());
    }
    o.tracks.push_back({s.tracks[ht.track].id, ht.agreed, ht.date, ht.round, ht.how,
                        static_cast<int>(ht.terms.size())});
  }
  return o;
}

nlohmann::json to_json(const HistoryOutline& o) {
  nlohmann::json tracks = nlohmann::json::array();
  for (const HistoryOutline::Track& t : o.tracks)
    tracks.push_back({{"id", t.id},
                      {"agreed", t.agreed},
                      {"date", t.date},
                      {"round", t.round},
                      {"how", t.how},
                      {"terms", t.terms}});
  return {{"present", o.present},
          {"summary", o.summary},
          {"round_name", o.round_name},
          {"tracks", tracks},
          {"last_track", o.last_track}};
}

HistoryOutline history_outline_from_json(const nlohmann::json& json) {
  HistoryOutline o;
  o.present = json.at("present").get<bool>();
  o.summary = json.at("summary").get<std::string>();
  o.round_name = json.at("round_name").get<std::string>();
  for (const auto& t : json.at("tracks"))
    o.tracks.push_back({t.at("id").get<std::string>(), t.at("agreed").get<bool>(),
                        t.at("date").get<std::string>(), t.at("round").get<int>(),
                        t.at("how").get<std::string>(), t.at("terms").get<int>()});
  o.last_track = json.at("last_track").get<int>();
  return o;
}

HistoryTally::HistoryTally(const HistoryOutline& outline)
    : status_match_(outline.tracks.size()),
      terms_match_(outline.tracks.size()),
      round_difference_(outline.tracks.size()) {}

void HistoryTally::add(const HistoryComparison& c) {
  if (!c.present) return;
  for (std::size_t k = 0; k < c.tracks.size() && k < status_match_.size(); ++k) {
    const TrackComparison& tc = c.tracks[k];
    status_match_[k].add(tc.status_match);
    if (!tc.history->terms.empty())
      terms_match_[k].add(tc.terms_compared > 0 && tc.terms_matched == tc.terms_compared);
    if (tc.history->agreed && tc.simulated == TrackStatus::Agreed)
      round_difference_[k].add(tc.round_difference);
  }
  pattern_.add(c.pattern_match);
  order_.add(c.order_match);
  if (c.last_track >= 0) last_.add(c.last_match);
}

void HistoryTally::merge(const HistoryTally& other) {
  if (status_match_.size() != other.status_match_.size())
    throw std::invalid_argument("history tallies of different scenarios cannot merge");
  for (std::size_t k = 0; k < status_match_.size(); ++k) {
    status_match_[k].merge(other.status_match_[k]);
    terms_match_[k].merge(other.terms_match_[k]);
    round_difference_[k].merge(other.round_difference_[k]);
  }
  pattern_.merge(other.pattern_);
  order_.merge(other.order_);
  last_.merge(other.last_);
}

nlohmann::json HistoryTally::state() const {
  nlohmann::json out;
  out["status_match"] = status_match_;
  out["terms_match"] = terms_match_;
  out["round_difference"] = round_difference_;
  out["pattern"] = pattern_;
  out["order"] = order_;
  out["last"] = last_;
  return out;
}

HistoryTally HistoryTally::from_state(const nlohmann::json& state) {
  HistoryTally t;
  t.status_match_ = state.at("status_match").get<std::vector<Proportion>>();
  t.terms_match_ = state.at("terms_match").get<std::vector<Proportion>>();
  t.round_difference_ = state.at("round_difference").get<std::vector<Moments>>();
  if (t.terms_match_.size() != t.status_match_.size() ||
      t.round_difference_.size() != t.status_match_.size())
    throw std::invalid_argument("history tally: per-track counts of different lengths");
  t.pattern_ = state.at("pattern").get<Proportion>();
  t.order_ = state.at("order").get<Proportion>();
  t.last_ = state.at("last").get<Proportion>();
  return t;
}

nlohmann::json HistoryTally::summary(const HistoryOutline& o) const {
  if (!o.present) return nullptr;
  nlohmann::json tracks = nlohmann::json::array();
  for (std::size_t k = 0; k < o.tracks.size() && k < status_match_.size(); ++k) {
    const HistoryOutline::Track& t = o.tracks[k];
    nlohmann::json track;
    track["id"] = t.id;
    track["historical"] = {{"agreed", t.agreed},
                           {"date", t.agreed ? nlohmann::json(t.date) : nlohmann::json(nullptr)},
                           {"round", t.agreed ? nlohmann::json(t.round) : nlohmann::json(nullptr)},
                           {"how", t.how}};
    track["status_match"] = summarize(status_match_[k]);
    track["terms_match"] = t.terms > 0 ? summarize(terms_match_[k]) : nlohmann::json(nullptr);
    track["round_difference"] =
        t.agreed ? summarize(round_difference_[k]) : nlohmann::json(nullptr);
    tracks.push_back(std::move(track));
  }
  return {{"summary", o.summary},
          {"round_name", o.round_name},
          {"runs", pattern_.trials()},
          {"tracks", tracks},
          {"pattern_match", summarize(pattern_)},
          {"order_match", summarize(order_)},
          {"last_agreed",
           o.last_track >= 0 ? nlohmann::json(o.tracks[o.last_track].id) : nlohmann::json(nullptr)},
          {"last_match", o.last_track >= 0 ? summarize(last_) : nlohmann::json(nullptr)}};
}

}  // namespace parley
