#pragma once
#include <cstdint>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "engine/agent_registry.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/trace.hpp"
#include "play/stepped_negotiation.hpp"

namespace parley {

// A person, or two taking turns, playing parties at a terminal (`parley play`, docs/classroom.md)
// against the scenario's agents, on the one stepped negotiation (play/stepped_negotiation.hpp).
// Each decision shows the date, the news that fired since the player's last turn, the offers on
// the table with the player's points for each, the no-deal score and the time left; the player
// accepts, rejects, walks away or proposes (issue=value ..., or a numbered suggestion near the
// points of their last offer). Input is read a line at a time: a malformed line gets a message
// and another try; the end of input ends the game cleanly. The player sees what the party's
// agent would (docs/architecture.md, rule 2): their own preferences and type, the public moves,
// the public state of the war and the news, never another party's preferences.
struct TerminalGameOptions {
  std::vector<int> players;  // the parties played here (two or more: people take turns)
  std::uint64_t seed = 1;
  // With several players, clear the screen and wait for Enter when the keyboard changes hands.
  bool clear_between_players = true;
};

class TerminalGame {
 public:
  TerminalGame(ScenarioPtr scenario, const AgentRegistry& registry, TerminalGameOptions options);
  ~TerminalGame();

  // The simulator the run uses (the played parties' models are "played"), for a trace writer.
  const Simulator& simulator() const { return negotiation_.simulator(); }

  // Plays the game, reading `in` and writing `out`; `trace` (may be null) receives the run.
  // Returns true when the run ended, false when the input ended or the player quit first.
  bool play(std::istream& in, std::ostream& out, TraceSink* trace);
  const RunResult& result() const { return negotiation_.result(); }

 private:
  class Recorder;
  struct Screen;
  bool handle_line(const std::string& line, std::ostream& out);
  void show_decision(std::ostream& out);
  void show_help(std::ostream& out) const;
  void show_schedule(std::ostream& out) const;
  void show_end(std::ostream& out) const;
  std::vector<std::int64_t> suggestions() const;
  std::string party_name(int party) const;
  std::string terms(int track, const Deal& deal) const;
  std::string terms_block(int track, const Deal& deal, int indent) const;
  double points(int party, int track, const Deal& deal) const;

  ScenarioPtr scenario_;
  TerminalGameOptions options_;
  SteppedNegotiation negotiation_;
  std::unique_ptr<Recorder> recorder_;
  int last_player_ = -1;
  std::vector<std::size_t> news_seen_;  // per played party: events already shown
  // Per party: the weights its points were last shown with (a change_weights event changes them).
  std::vector<std::vector<double>> weights_seen_;
  std::vector<std::int64_t> shown_suggestions_;
  // A counter-offer typed while answering: rejected now, proposed at the next turn.
  std::optional<std::int64_t> pending_;
  int pending_party_ = -1;
  int pending_track_ = -1;
  bool quit_ = false;
};

}  // namespace parley
