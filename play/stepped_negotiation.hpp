#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "engine/agent_registry.hpp"
#include "engine/external_agent.hpp"
#include "engine/run_result.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/simulator.hpp"

namespace parley {

// A negotiation stepped one move at a time from outside: the one implementation of "a party
// played from outside" behind every front end (a person at a terminal, a Python loop, a
// reinforcement-learning environment). The run is the engine's own Simulator::run; the chosen
// parties' agents are ExternalAgents whose source suspends the run until the caller moves, so
// the protocol loop is never written twice. The run lives on its own stack, switched to and
// from on the caller's thread: no threads, and a move costs two context switches.
//
// Moves are numbered for learning code: offering outcome k of track t is offset(t) + k, then
// come accept, reject and walk away (move_count() moves in all).
class SteppedNegotiation {
 public:
  enum class Phase { Propose, Respond };
  // What the party to move must decide, with what it may know (docs/architecture.md, rule 2).
  // Valid until the next step() or reset().
  struct Decision {
    int party = 0;
    int track = 0;
    Phase phase = Phase::Propose;
    PartyView view;
  };

  // `parties`: those whose decisions come from step(); `tracks`: the tracks on which they
  // do (empty: every track). Elsewhere the scenario's own agents play.
  SteppedNegotiation(ScenarioPtr scenario, const AgentRegistry& registry, std::vector<int> parties,
                     std::vector<int> tracks = {});
  ~SteppedNegotiation();
  SteppedNegotiation(const SteppedNegotiation&) = delete;
  SteppedNegotiation& operator=(const SteppedNegotiation&) = delete;

  // Starts run `run` with `seed` (abandoning one under way) and plays it to the first decision
  // of a played party, or to its end. `trace`, when given, receives the run's moves and events
  // as Simulator::run sends them (a person's game saved as a standard trace); it must outlive
  // the run.
  void reset(std::uint64_t seed, std::uint64_t run = 0, TraceSink* trace = nullptr);
  bool done() const { return finished_; }
  // The decision awaited (std::logic_error when the run is over or not started).
  const Decision& decision() const;
  // Makes the awaited decision and plays on to the next one, or to the end. A move that is not
  // legal now throws std::invalid_argument and changes nothing.
  void step(std::int64_t move);
  // The run's result (std::logic_error before the end).
  const RunResult& result() const;

  std::int64_t move_count() const { return accept_move() + 3; }
  std::int64_t offset(int track) const { return offsets_[static_cast<std::size_t>(track)]; }
  std::int64_t accept_move() const { return offsets_.back(); }
  std::int64_t reject_move() const { return accept_move() + 1; }
  std::int64_t walk_away_move() const { return accept_move() + 2; }
  // The moves legal now, ascending (empty when the run is over).
  std::vector<std::int64_t> legal_moves() const;
  bool legal(std::int64_t move) const;

  // The agent model a played party shows in reports: played on every track, or on some.
  static constexpr const char* kPlayedModel = "played";
  static constexpr const char* kMixedModel = "played-on-some-tracks";

  const Simulator& simulator() const { return *simulator_; }
  // The run's own numbers as they stand now (engine/run_state.hpp): every party's preferences
  // after the events so far (a change_weights event changes a party's weights from its round
  // on), the drawn private types, the world. Only a played party's own entries may be shown to
  // it (docs/architecture.md, rule 2). Meaningful after reset(); kept when the run ends.
  const RunState& state() const { return state_; }
  // The outcome space of `track` with the weights in force now (the run's own copy when an
  // event can change weights, else the simulator's).
  const OutcomeSpace& space_now(int track) const {
    return state_.spaces.empty() ? simulator_->space(track)
                                 : state_.spaces[static_cast<std::size_t>(track)];
  }
  const Scenario& scenario() const { return simulator_->scenario(); }
  bool played(int party, int track) const;

 private:
  class Source;
  struct Coroutine;
  friend class Source;
  void resume();                  // switch into the run until it waits or ends
  void await(Decision decision);  // called on the run's stack: switch back out
  void body();                    // the run's stack: Simulator::run
  void abandon();

  AgentRegistry registry_;  // the given models and the played ones; outlives the simulator
  std::unique_ptr<Simulator> simulator_;
  std::vector<int> played_parties_;
  std::vector<int> played_tracks_;
  std::vector<std::int64_t> offsets_;  // per track, then the total
  std::unique_ptr<Coroutine> coroutine_;
  std::uint64_t seed_ = 0;
  std::uint64_t run_ = 0;
  TraceSink* trace_ = nullptr;
  bool started_ = false;
  bool finished_ = true;
  bool abandoning_ = false;
  Decision decision_;
  std::int64_t answer_ = -1;
  std::optional<RunResult> result_;
  RunState state_;
  std::exception_ptr error_;
};

}  // namespace parley
