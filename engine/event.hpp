#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/run_result.hpp"
#include "engine/world/world_spec.hpp"

namespace parley {

struct Scenario;
struct RunState;

// What one parameter of an event kind is: the loader reads ids of parties, tracks, issues, cost
// kinds and pressure levers and stores their indices; booleans are stored as 0 or 1.
enum class EventParamType { Number, Integer, Boolean, Party, Track, Issue, CostKind, Lever };
const char* to_string(EventParamType type);

struct EventParam {
  std::string name;
  EventParamType type = EventParamType::Number;
  bool required = false;
  double default_value = 0.0;  // when not required
  double min = -1e300;         // numbers and integers
  double max = 1e300;
  std::string doc;
};

// The run as an event may change it. The simulator implements the track operations, which
// settle and trace a closing track exactly as the protocols' own closings are.
class EventContext {
 public:
  EventContext(const Scenario& scenario, RunState& state, int round)
      : scenario_(&scenario), state_(&state), round_(round) {}
  virtual ~EventContext() = default;

  const Scenario& scenario() const { return *scenario_; }
  RunState& state() const { return *state_; }
  int round() const { return round_; }

  virtual TrackStatus track_status(int track) const = 0;
  // Open a Suspended track: it plays from this round, the opener proposing.
  virtual void open_track(int track) = 0;
  // Suspend an open track (it plays no rounds until opened again).
  virtual void suspend_track(int track) = 0;
  // Close an open or suspended track without agreement, as `status` (Closed, WalkAway, ...),
  // `actor` the party that caused it or -1; it is paid its reservation values.
  virtual void close_track(int track, TrackStatus status, int actor) = 0;
  // A party's weights changed: tell its agents (Agent::on_preferences_changed).
  virtual void preferences_changed(int party) = 0;

 protected:
  const Scenario* scenario_;
  RunState* state_;
  int round_;
};

// One event of a scenario, its parameters bound once (no string lookups when it fires).
class Event {
 public:
  virtual ~Event() = default;
  // Apply the effect at the start of round ctx.round(), before the tracks play.
  virtual void apply(EventContext& ctx) const = 0;
  // What it does, in words, for traces and reports: "Russia's casualties x1.5".
  virtual std::string describe(const Scenario& scenario) const = 0;
};

// An error in an event's arguments found by a kind's own check: which parameter, and the
// `expected ..., found ...` halves of the message.
struct EventArgError {
  std::string param;
  std::string expected;
  std::string found;
};

// An event kind registered by name, with its documented parameters (the agent registry's
// shape, docs/architecture.md rule 4). Adding a kind is one file pair under engine/world/events/
// and one test.
struct EventKind {
  std::string name;
  std::string summary;
  std::vector<EventParam> params;
  // Needs per-run copies of the outcome spaces (it changes utilities).
  bool changes_utilities = false;
  // Checks that need the scenario (beyond each parameter's type and range); may be empty.
  std::function<std::optional<EventArgError>(const std::map<std::string, double>& args,
                                             const Scenario& scenario)>
      validate;
  std::function<std::unique_ptr<Event>(const EventSpec& spec, const Scenario& scenario)> create;
  // The track this event opens (so a track it targets starts Suspended), or -1; may be empty.
  std::function<int(const std::map<std::string, double>& args)> opens_track;
  // Whether the track this event opens starts suspended (open_track's `initially_closed`).
  std::function<bool(const std::map<std::string, double>& args)> starts_suspended;
};

class EventKindRegistry {
 public:
  void add(EventKind kind);
  const EventKind* find(const std::string& name) const;
  std::vector<const EventKind*> kinds() const;  // name order
  std::vector<std::string> names() const;

 private:
  std::map<std::string, EventKind> kinds_;
};

// Fill the kind's defaults into `resolved` and check `given` (references already resolved to
// indices): unknown names, missing required parameters, integers and booleans, ranges; then the
// kind's own `validate`. Returns the first problem, or nothing.
std::optional<EventArgError> resolve_event_args(const EventKind& kind,
                                                const std::map<std::string, double>& given,
                                                const Scenario& scenario,
                                                std::map<std::string, double>& resolved);

// The kinds shipped in engine/world/events/, registered once.
const EventKindRegistry& builtin_event_kinds();

}  // namespace parley
