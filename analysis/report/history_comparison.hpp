#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analysis/statistics/moments.hpp"
#include "analysis/statistics/proportion.hpp"
#include "engine/run_result.hpp"
#include "engine/scenario/scenario.hpp"

namespace parley {

// The simulated outcome set beside the historical one (Scenario::history): per recorded track,
// whether it was agreed in both or in neither, how far apart in rounds, and whether the
// historical terms were reached; for the run, whether the pattern of agreements and their
// order match history. docs/output.md, "history", states each field.
struct TrackComparison {
  int track = 0;
  const HistoricalTrack* history = nullptr;
  TrackStatus simulated = TrackStatus::Open;
  int simulated_round = -1;
  Deal deal;                  // the simulated terms (agreed tracks)
  bool status_match = false;  // agreed in both, or in neither
  int round_difference = 0;   // simulated round - historical round, when agreed in both
  int terms_compared = 0;     // historical terms of a track agreed in both
  int terms_matched = 0;      // ... at the same level of the issue in the run
};

struct HistoryComparison {
  bool present = false;
  std::vector<TrackComparison> tracks;  // history's order
  bool pattern_match = false;           // every recorded track's status matches
  bool order_match = false;             // no two tracks agreed in both close in the reverse order
  int last_track = -1;                  // the track history agreed last (-1: none agreed)
  bool last_match = false;              // the run agreed it too, and nothing later
};

HistoryComparison compare_with_history(const Scenario& scenario, const RunResult& result);
// The same into `out`, reusing its storage: a sweep compares every run without allocating.
void compare_with_history(const Scenario& scenario, const RunResult& result,
                          HistoryComparison& out);

// The `history` object of `parley run --format json` (null without a history block), and the
// "History" section of its text (empty without one).
nlohmann::ordered_json history_json(const Scenario& scenario, const HistoryComparison& c);
std::string history_text(const Scenario& scenario, const HistoryComparison& c);

// What a sweep's summary says about the history, kept with the sweep's layout (state.json) so
// `parley merge` and `parley summary` need no scenario file.
struct HistoryOutline {
  struct Track {
    std::string id;
    bool agreed = false;
    std::string date;  // empty when not agreed
    int round = -1;    // -1 when not agreed
    std::string how;
    int terms = 0;  // historical terms recorded
    friend bool operator==(const Track&, const Track&) = default;
  };
  bool present = false;
  std::string summary;
  std::string round_name;     // what a round is on the scenario's clock ("week")
  std::vector<Track> tracks;  // history's order
  int last_track = -1;        // index into `tracks` of the track agreed last (-1: none)

  friend bool operator==(const HistoryOutline&, const HistoryOutline&) = default;
};
HistoryOutline history_outline(const Scenario& scenario);
nlohmann::json to_json(const HistoryOutline& outline);
HistoryOutline history_outline_from_json(const nlohmann::json& json);

// The share of a sweep's runs matching history, per recorded track and for the whole pattern,
// and how far the simulated round of agreement falls from the historical one. Integer counts
// and exact moments: merges are exact in any order (docs/architecture.md, rule 5).
class HistoryTally {
 public:
  HistoryTally() = default;
  explicit HistoryTally(const HistoryOutline& outline);

  void add(const HistoryComparison& c);
  void merge(const HistoryTally& other);  // the same scenario's (std::invalid_argument otherwise)

  nlohmann::json state() const;
  static HistoryTally from_state(const nlohmann::json& state);
  // The `history` object of summary.json (docs/sweep.md); null when `outline` is not present.
  nlohmann::json summary(const HistoryOutline& outline) const;

  friend bool operator==(const HistoryTally&, const HistoryTally&) = default;

 private:
  std::vector<Proportion> status_match_;   // per recorded track
  std::vector<Proportion> terms_match_;    // per recorded track: runs agreeing on all its terms
  std::vector<Moments> round_difference_;  // per recorded track: runs agreeing in both
  Proportion pattern_;
  Proportion order_;
  Proportion last_;
};

}  // namespace parley
