#pragma once
#include <cstdint>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/agent_registry.hpp"
#include "engine/scenario/scenario.hpp"
#include "play/stepped_negotiation.hpp"

namespace parley {

// A request a table refuses, with the reason in words for the person who made it and the HTTP
// status that says why (400 malformed, 403 not yours, 409 not now).
struct TableError : std::runtime_error {
  TableError(int status_code, const std::string& message)
      : std::runtime_error(message), status(status_code) {}
  int status;
};

// Who plays a party at a table: a person (who joins with the seat's token) or an agent model
// ("" for the scenario's own, or MODEL[:param=value,...] as `parley run --agent` takes it).
struct Seat {
  bool person = true;
  std::string model;
  std::string token;
};

enum class TableStatus { Setup, Running, Paused, Over };
const char* to_string(TableStatus status);

// One table of a classroom: one game of the scenario with its own seed, each party a person or
// an agent. The game is a SteppedNegotiation (the people are its played parties, the agents
// play inside the run), so the rules are the engine's own. Everything that happens is replayed
// from the seed, the injects and the moves, in order: the class store holds nothing else.
//
// Each change comes as a check (const, throws TableError, changes nothing) and an apply: the
// caller writes the change to the store between the two, so only a stored change is applied.
class Table {
 public:
  Table(std::string id, ScenarioPtr scenario, const AgentRegistry& registry, std::uint64_t seed,
        std::vector<Seat> seats);
  ~Table();

  const std::string& id() const { return id_; }
  std::uint64_t seed() const { return seed_; }
  TableStatus status() const { return status_; }
  const std::vector<Seat>& seats() const { return seats_; }
  const Scenario& scenario() const { return *scenario_; }

  // Before the start only: who plays `party` (an agent model is checked against the scenario).
  void check_assign(int party, const Seat& seat) const;
  void assign(int party, Seat seat);

  // The clock: the first start deals the game (agents moving first move now); a paused table
  // takes no moves. Starting a running table or pausing a paused one is refused.
  void check_clock(bool running) const;
  void set_clock(bool running, std::int64_t at_ms);

  // A person's move (a SteppedNegotiation move number): only the party whose turn it is, only a
  // legal move, only while the clock runs.
  void check_move(int party, std::int64_t move) const;
  void apply_move(int party, std::int64_t move, std::int64_t at_ms);
  // The move number of a request from a seat's page: {"action": "propose", "terms": {issue:
  // level or value words}} or {"action": "propose", "text": "issue=value ..."}, or
  // {"action": "accept" | "reject" | "walk_away"}. Throws TableError (400, 409).
  std::int64_t move_of(int party, const nlohmann::json& request) const;

  // An inject: declared event `event` (an index into the scenario's events) fires at the start
  // of the next round of this table. Returns that round; apply replays the game with it.
  int check_inject(int event) const;
  void apply_inject(int event, int round);

  // What a seat's page shows: its own confidential brief and its table, nothing of another
  // party's preferences; and what the instructor sees (every party's points).
  nlohmann::json seat_view(int party, std::int64_t now_ms) const;
  // A seat's own point schedule (points per option, no-deal score per track) with the weights
  // in force now, and its schedule_key, which seat_view repeats: its page fetches it again
  // when a change_weights event changes the key.
  nlohmann::json seat_brief(int party) const;
  nlohmann::json instructor_view(std::int64_t now_ms) const;

  // The game's trace (JSON Lines, as `parley run --trace` writes), complete once it is over.
  std::string trace() const;
  // The game's result (std::logic_error before the end).
  const RunResult& result() const;

 private:
  struct Game;
  struct Inject {
    int event = 0;
    int round = 0;
  };
  std::unique_ptr<Game> build(const std::vector<Inject>& injects) const;
  nlohmann::json timeline(int viewer) const;  // viewer -1: the instructor
  // `utility` (per party), when given: the points as they stood when the deal was made.
  nlohmann::json deal_json(int track, const Deal& deal, int viewer,
                           const std::vector<double>* utility = nullptr) const;
  nlohmann::json round_json() const;
  // How each track ended, with the agreed terms in `viewer`'s points (-1: the instructor's view).
  nlohmann::json result_json(int viewer) const;
  double points(int party, int track, const Deal& deal) const;
  // `party`'s weights in force now: the scenario's before the start, the game's after.
  const std::vector<double>& weights_now(int party) const;
  std::int64_t running_ms(std::int64_t now_ms) const;
  void stop_clock(std::int64_t at_ms);

  std::string id_;
  ScenarioPtr scenario_;
  const AgentRegistry* registry_;
  std::uint64_t seed_;
  std::vector<Seat> seats_;
  TableStatus status_ = TableStatus::Setup;
  std::vector<Inject> injects_;
  std::vector<std::pair<int, std::int64_t>> moves_;  // (party, move), in order
  std::unique_ptr<Game> game_;
  std::int64_t clock_ms_ = 0;        // time the clock ran before the last start
  std::int64_t running_since_ = -1;  // when it last started; -1 while stopped
};

}  // namespace parley
