#pragma once
#include <cstdint>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <vector>

namespace parley {

// The distribution of a round of agreement as a Kaplan–Meier survival curve over integer
// rounds 0, 1, 2, ... A run that agrees in round t is an event at t; a run that ends without
// agreement after round t (the deadline, or whatever the caller treats as censoring) is
// censored at t: it was seen not to agree through round t and is at risk at t.
//
// S(t) = P(T > t) = prod_{r <= t} (1 - d_r / n_r), d_r = events at r, n_r = runs whose time
// is >= r. Only the event and censoring counts of the rounds that have any are kept (a
// horizon of 10^9 rounds costs nothing), so merges are exact and the curve does not depend on
// the split or merge order.
class SurvivalCurve {
 public:
  void add_event(std::int64_t round);     // agreement in `round`
  void add_censored(std::int64_t round);  // no agreement, last observed in `round`
  void merge(const SurvivalCurve& other);

  std::uint64_t events() const;
  std::uint64_t censored() const;
  std::uint64_t count() const { return events() + censored(); }
  // The last round with an observation; -1 when empty.
  std::int64_t last_round() const { return counts_.empty() ? -1 : counts_.rbegin()->first; }

  struct Step {
    std::int64_t round = 0;
    std::uint64_t at_risk = 0;
    std::uint64_t events = 0;
    std::uint64_t censored = 0;
    double survival = 1.0;        // S(round), after this round's events
    double standard_error = 0.0;  // Greenwood: S · sqrt(sum d / (n (n - d)))
  };
  // One step per round with an event or a censoring, in round order.
  std::vector<Step> table() const;

  double survival(std::int64_t round) const;  // S(round); 1 before any event
  // The q-quantile of the round of agreement: the first round t with S(t) <= 1 - q.
  // std::nullopt when the curve never falls that far (too much censoring) or is empty.
  std::optional<std::int64_t> quantile(double q) const;
  std::optional<std::int64_t> median() const { return quantile(0.5); }

  friend bool operator==(const SurvivalCurve&, const SurvivalCurve&) = default;
  friend void to_json(nlohmann::json& json, const SurvivalCurve& curve);
  // {"kind": "survival", "rounds": [...], "events": [...], "censored": [...]}: the rounds
  // with an observation. A state written before (dense "events" and "censored" indexed by
  // round, without "rounds") reads the same.
  friend void from_json(const nlohmann::json& json, SurvivalCurve& curve);

 private:
  struct Counts {
    std::uint64_t events = 0;
    std::uint64_t censored = 0;
    friend bool operator==(const Counts&, const Counts&) = default;
  };
  static void check_round(std::int64_t round);

  std::map<std::int64_t, Counts> counts_;  // rounds with at least one observation
};

// {"runs", "events", "censored", "median", "quantiles": {"p05", "p25", "p50", "p75", "p95"},
//  "steps": [{"round", "at_risk", "events", "censored", "survival", "se"}, ...]};
// quantiles the curve does not reach are null.
nlohmann::json summarize(const SurvivalCurve& curve);

}  // namespace parley
