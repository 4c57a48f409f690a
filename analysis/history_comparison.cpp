#include "analysis/history_comparison.hpp"

#include <sstream>

#include "analysis/terms_json.hpp"
#include "engine/format.hpp"

namespace parley {

using nlohmann::ordered_json;

namespace {
std::string track_name(const Scenario& s, int track) {
  const Track& t = s.tracks[track];
  return t.label.empty() ? t.id : t.label;
}

// The level a value of an issue falls on, so a historical 75,823 and a simulated 76,000 on a
// grid of thousands compare equal.
bool same_level(const Issue& issue, double a, double b) {
  return issue.nearest_level(a) == issue.nearest_level(b);
}

std::string signed_rounds(int difference, const std::string& round_name) {
  if (difference == 0) return "the same " + round_name;
  const int n = difference < 0 ? -difference : difference;
  return std::to_string(n) + " " + round_name + (n == 1 ? "" : "s") +
         (difference < 0 ? " earlier" : " later");
}
}  // namespace

HistoryComparison compare_with_history(const Scenario& s, const RunResult& result) {
  HistoryComparison c;
  const HistorySpec& h = s.history;
  c.present = h.present;
  if (!h.present) return c;
  c.pattern_match = true;
  int last_round = -1;
  for (const HistoricalTrack& ht : h.tracks) {
    TrackComparison tc;
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
      const Track& track = s.tracks[ht.track];
      for (const HistoricalTerm& term : ht.terms)
        for (std::size_t k = 0; k < track.issues.size(); ++k) {
          if (track.issues[k] != term.issue) continue;
          ++tc.terms_compared;
          if (same_level(s.issues[term.issue], term.value, r.deal.values[k])) ++tc.terms_matched;
        }
    }
    if (ht.agreed && ht.round >= last_round) {
      last_round = ht.round;
      c.last_track = ht.track;
    }
    c.tracks.push_back(tc);
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
  return c;
}

ordered_json history_json(const Scenario& s, const HistoryComparison& c) {
  if (!c.present) return nullptr;
  const HistorySpec& h = s.history;
  ordered_json out;
  out["summary"] = h.summary;
  out["end"] = h.end_date.empty() ? ordered_json(nullptr) : ordered_json(h.end_date);
  ordered_json tracks = ordered_json::array();
  for (const TrackComparison& tc : c.tracks) {
    const HistoricalTrack& ht = *tc.history;
    ordered_json historical;
    historical["agreed"] = ht.agreed;
    historical["date"] = ht.agreed ? ordered_json(ht.date) : ordered_json(nullptr);
    historical["round"] = ht.agreed ? ordered_json(ht.round) : ordered_json(nullptr);
    ordered_json terms = ordered_json::object();
    for (const HistoricalTerm& term : ht.terms)
      terms[s.issues[term.issue].id] = {{"value", tidy(term.value)}, {"text", term.text}};
    historical["terms"] = std::move(terms);
    historical["how"] = ht.how;
    const bool agreed = tc.simulated == TrackStatus::Agreed;
    ordered_json simulated;
    simulated["status"] = to_string(tc.simulated);
    simulated["agreed"] = agreed;
    simulated["round"] = tc.simulated_round;
    simulated["date"] = s.clock.date_of(tc.simulated_round).to_string();
    ordered_json track;
    track["id"] = s.tracks[tc.track].id;
    track["historical"] = std::move(historical);
    track["simulated"] = std::move(simulated);
    track["status_match"] = tc.status_match;
    track["round_difference"] =
        agreed && ht.agreed ? ordered_json(tc.round_difference) : ordered_json(nullptr);
    track["terms_matched"] = tc.terms_matched;
    track["terms_compared"] = tc.terms_compared;
    tracks.push_back(std::move(track));
  }
  out["tracks"] = std::move(tracks);
  out["pattern_match"] = c.pattern_match;
  out["order_match"] = c.order_match;
  out["last_agreed"] = c.last_track >= 0 ? ordered_json(s.tracks[c.last_track].id) : nullptr;
  out["last_match"] = c.last_match;
  return out;
}

std::string history_text(const Scenario& s, const HistoryComparison& c) {
  if (!c.present) return {};
  const HistorySpec& h = s.history;
  const std::string& unit = s.clock.round_name;
  std::ostringstream out;
  out << "\nHistory (what really happened)\n";
  if (!h.summary.empty()) out << "  " << h.summary << "\n";
  for (const TrackComparison& tc : c.tracks) {
    const HistoricalTrack& ht = *tc.history;
    const bool agreed = tc.simulated == TrackStatus::Agreed;
    out << "  " << track_name(s, tc.track) << ": history "
        << (ht.agreed ? "agreed on " + ht.date + " (round " + std::to_string(ht.round) + ")"
                      : std::string("not agreed"))
        << (ht.how.empty() ? "" : ", " + ht.how) << "\n";
    out << "    this run: "
        << (agreed ? "agreed in round " + std::to_string(tc.simulated_round) + " (" +
                         s.clock.date_of(tc.simulated_round).to_string() + ")"
                   : std::string("not agreed (") + to_string(tc.simulated) + ")");
    if (agreed && ht.agreed) out << ", " << signed_rounds(tc.round_difference, unit);
    out << (tc.status_match ? "  [as in history]" : "  [differs]") << "\n";
    if (agreed && ht.agreed && tc.terms_compared > 0) {
      const Track& track = s.tracks[tc.track];
      for (const HistoricalTerm& term : ht.terms)
        for (std::size_t k = 0; k < track.issues.size(); ++k) {
          if (track.issues[k] != term.issue) continue;
          const Issue& issue = s.issues[term.issue];
          out << "    " << issue.label << ": history " << term.text << "; this run "
              << issue.describe(tc.deal.values[k]) << "\n";
        }
      out << "    terms: " << tc.terms_matched << " of " << tc.terms_compared << " as in history\n";
    }
  }
  out << "  Pattern of agreements: " << (c.pattern_match ? "as in history" : "differs") << "\n";
  if (c.last_track >= 0)
    out << "  Agreed last in history: " << track_name(s, c.last_track) << "; in this run "
        << (c.last_match ? "also last" : "not last") << "\n";
  if (!c.order_match) out << "  Order of agreements: differs from history\n";
  for (const HistoricalFact& fact : h.facts) out << "  - " << fact.text << "\n";
  return out.str();
}

// ---------------------------------------------------------------------------------------------

HistoryTally::HistoryTally(const Scenario& scenario)
    : status_match_(scenario.history.tracks.size()), terms_match_(scenario.history.tracks.size()) {}

void HistoryTally::add(const HistoryComparison& c) {
  if (!c.present) return;
  for (std::size_t k = 0; k < c.tracks.size() && k < status_match_.size(); ++k) {
    const TrackComparison& tc = c.tracks[k];
    status_match_[k].add(tc.status_match);
    if (!tc.history->terms.empty())
      terms_match_[k].add(tc.terms_compared > 0 && tc.terms_matched == tc.terms_compared);
  }
  pattern_.add(c.pattern_match);
  order_.add(c.order_match);
  if (c.last_track >= 0) last_.add(c.last_match);
}

void HistoryTally::merge(const HistoryTally& other) {
  for (std::size_t k = 0; k < status_match_.size() && k < other.status_match_.size(); ++k) {
    status_match_[k].merge(other.status_match_[k]);
    terms_match_[k].merge(other.terms_match_[k]);
  }
  pattern_.merge(other.pattern_);
  order_.merge(other.order_);
  last_.merge(other.last_);
}

nlohmann::json HistoryTally::state() const {
  nlohmann::json out;
  out["status_match"] = status_match_;
  out["terms_match"] = terms_match_;
  out["pattern"] = pattern_;
  out["order"] = order_;
  out["last"] = last_;
  return out;
}

HistoryTally HistoryTally::from_state(const nlohmann::json& state) {
  HistoryTally t;
  t.status_match_ = state.at("status_match").get<std::vector<Proportion>>();
  t.terms_match_ = state.at("terms_match").get<std::vector<Proportion>>();
  t.pattern_ = state.at("pattern").get<Proportion>();
  t.order_ = state.at("order").get<Proportion>();
  t.last_ = state.at("last").get<Proportion>();
  return t;
}

ordered_json HistoryTally::summary(const Scenario& s) const {
  if (!s.history.present) return nullptr;
  ordered_json out;
  out["summary"] = s.history.summary;
  ordered_json tracks = ordered_json::array();
  for (std::size_t k = 0; k < s.history.tracks.size() && k < status_match_.size(); ++k) {
    const HistoricalTrack& ht = s.history.tracks[k];
    ordered_json track;
    track["id"] = s.tracks[ht.track].id;
    track["historical_agreed"] = ht.agreed;
    track["historical_date"] = ht.agreed ? ordered_json(ht.date) : ordered_json(nullptr);
    track["status_match"] = summarize(status_match_[k]);
    track["terms_match"] =
        ht.terms.empty() ? ordered_json(nullptr) : ordered_json(summarize(terms_match_[k]));
    tracks.push_back(std::move(track));
  }
  out["tracks"] = std::move(tracks);
  out["pattern_match"] = summarize(pattern_);
  out["order_match"] = summarize(order_);
  out["last_match"] = last_.trials() > 0 ? ordered_json(summarize(last_)) : ordered_json(nullptr);
  return out;
}

}  // namespace parley
