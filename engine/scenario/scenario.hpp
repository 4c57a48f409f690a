#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/scenario/calendar.hpp"
#include "engine/scenario/history.hpp"
#include "engine/scenario/issue.hpp"
#include "engine/scenario/preferences.hpp"
#include "engine/scenario/track_links.hpp"
#include "engine/scenario/uncertainty.hpp"
#include "engine/world/private_type.hpp"
#include "engine/world/world_spec.hpp"

namespace parley {

// A cited source, so every number in a scenario can be traced to where it came from.
struct Source {
  std::string id;
  std::string citation;
  std::string url;
};

// Which agent model plays a party, with its parameters (validated against the registry).
struct AgentSpec {
  std::string model;
  std::map<std::string, double> params;  // only the ones the file sets; defaults come later
  // Model "program" only: the program that plays the party and its arguments (a scenario that
  // names one loads only with permission, LoadOptions::allow_programs).
  std::vector<std::string> command;
};

struct Party {
  std::string id;
  std::string name;
  AgentSpec agent;
  Preferences preferences;
  // Private types drawn per run from this prior (engine/world/private_type.hpp); empty: none.
  std::vector<PartyType> types;
  // Per track, the deadline this party treats as final, in rounds like
  // ProtocolSpec::deadline_rounds (the track must be agreed before this round), when it believes
  // one earlier than the protocol's: its own `deadline` and a mediator's deadline (every track),
  // an ultimatum it believes (the ultimatum's track) (docs/agents.md, "Deadlines that bite").
  // 0 or empty: the protocol's.
  std::vector<int> believed_deadline;
};

// A mediator has no stake in the terms; in format version 1 it is recorded (host, chair) but
// does not act.
struct Mediator {
  std::string id;
  std::string name;
  std::string role;
};

// A group of issues agreed on its own. A deal on a track gives a value to each of its issues.
struct Track {
  std::string id;
  std::string label;
  std::vector<int> issues;  // indices into Scenario::issues
  TrackLinks links;         // conditions on other tracks (engine/scenario/track_links.hpp)
};

enum class ProtocolKind { Alternating, Stacked, SingleText, Attrition };
const char* to_string(ProtocolKind kind);

// The rules of the rounds (docs/model.md, "Protocol").
enum class SingleTextRevision { Criticism, NashFloors };
const char* to_string(SingleTextRevision revision);

struct ProtocolSpec {
  ProtocolKind kind = ProtocolKind::Alternating;
  int opener = 0;                      // index of the party that makes the first offer
  int deadline_rounds = 0;             // offers per track before it closes; 0 means no deadline
  double breakdown_probability = 0.0;  // after each rejection, per track
  bool walk_away = false;              // may a responder leave for its reservation value?
  bool complete_information = false;   // are all parties' preferences public?
  int max_rounds = 10000;              // safety stop when there is no deadline
  // Single-text only (engine/protocols/single_text.hpp, docs/mediation.md): the mediator holding
  // the pen (index into Scenario::mediators, -1: unnamed), and whether it starts over when no text
  // is left rather than declare deadlock.
  int mediator = -1;
  bool restart_text = false;
  // Alternating only: the opener makes every offer (Powell 2004's bargaining while fighting:
  // the uninformed side proposes, the other accepts or fights on) instead of the parties taking
  // turns.
  bool opener_always_proposes = false;
  // Attrition only (engine/protocols/war_of_attrition.hpp): when both parties quit in the same
  // round, either nobody wins the prize (the track closes without a deal) or a fair coin of
  // nature's names the winner.
  bool tie_coin = false;
  // How the mediator revises its text after a veto (docs/mediation.md): towards the parties'
  // criticism (the procedure as practised), or to the Nash point of what the vetoes leave.
  SingleTextRevision revision = SingleTextRevision::Criticism;
  double text_step = 0.25;  // criticism: the first move on an issue, as a share of its range
};

struct ScenarioMeta {
  std::string name;
  std::string description;  // what happened and what the scenario models: for the instructor
  // The situation as the parties saw it when the talks began, without the outcome: the opening
  // of every party's brief (analysis/report/brief.hpp). Empty: the scenario has none.
  std::string situation;
  std::string date;  // the date of the talks, YYYY-MM-DD
  std::vector<Source> sources;
};

// The whole case, loaded from one file, validated, then immutable (shared as const).
struct Scenario {
  int format_version = 1;
  std::string file;  // where it was loaded from, for messages
  ScenarioMeta meta;
  RoundClock clock;
  std::vector<Party> parties;
  std::vector<Mediator> mediators;
  std::vector<Issue> issues;
  std::vector<Track> tracks;
  ProtocolSpec protocol;
  WorldSpec world;  // battlefield, costs, pressure, events, implementation (docs/world.md)
  // The uncertainty block: numbers a sweep draws per run (docs/sweep.md); no parameters: none.
  UncertaintySpec uncertainty;
  HistorySpec history;  // what really happened, for comparison (engine/scenario/history.hpp)
  // What the file says that can never take effect (engine/load/reach_check.hpp), one located
  // line each: the commands print them, and refuse the file with --strict.
  std::vector<std::string> warnings;

  int party_index(const std::string& id) const;  // -1 when absent
  int issue_index(const std::string& id) const;
  int track_index(const std::string& id) const;
};

using ScenarioPtr = std::shared_ptr<const Scenario>;

}  // namespace parley
