#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analysis/statistics/moments.hpp"
#include "analysis/statistics/proportion.hpp"
#include "engine/agent_registry.hpp"
#include "engine/scenario/scenario.hpp"

namespace parley {

// A tournament in the manner of ANAC and NegMAS (docs/cli.md, "parley tournament"): every model
// plays every role (party) of every scenario against every model in the other roles, over
// seeds 1..seeds. A game is one run of one scenario with one model per party.
struct TournamentOptions {
  std::vector<std::string> models;  // MODEL[:param=value,...], as --agent takes them after '='
  std::uint64_t seeds = 10;
  int threads = 1;
  std::uint64_t max_games = 10'000'000;  // refuse larger tournaments (InputError)
};

// One model's record, over every game it played a role in.
struct ModelRecord {
  std::string model;
  std::uint64_t games = 0;    // roles played (a self-play game counts once per role)
  Moments utility;            // its party's utility over all tracks
  Proportion agreement;       // per track played: agreed or not
  Proportion pareto_optimal;  // per agreed track: the deal is Pareto-optimal
  Moments distance_to_nash;   // per agreed track with a Nash point: Euclidean, utility space
};

// A scenario-assignment pair the tournament could not play, and why (a model that cannot play
// the scenario: it needs complete information, a single share issue, ...).
struct SkippedPairing {
  std::string scenario;
  std::vector<std::string> models;  // per party
  std::string reason;
};

struct TournamentResult {
  std::vector<std::string> scenarios;  // file names, as given
  std::vector<ModelRecord> records;    // in --models order
  std::vector<SkippedPairing> skipped;
  std::uint64_t games = 0;  // runs played
  // Indices into records, best first: by mean utility, then agreement rate, then name.
  std::vector<std::size_t> ranking() const;
};

// Plays the tournament. Scenarios are loaded and checked first; every pairing a model cannot
// play is skipped and listed. Results are reduced in game order, so they are the same for any
// thread count. Throws InputError on a bad model text or an over-large tournament.
TournamentResult run_tournament(const std::vector<ScenarioPtr>& scenarios,
                                const TournamentOptions& options, const AgentRegistry& registry);

// The result as JSON (docs/output.md, "parley tournament") and as a readable table.
nlohmann::ordered_json tournament_json(const TournamentResult& result,
                                       const TournamentOptions& options);
std::string tournament_text(const TournamentResult& result, const TournamentOptions& options);

}  // namespace parley
