#include "engine/simulator.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <optional>

#include "engine/input_error.hpp"
#include "engine/world/implementation.hpp"
#include "engine/world/linked_tracks.hpp"
#include "engine/world/private_type.hpp"

namespace parley {

namespace {
// Each agent draws from its own stream, so adding randomness to one agent never shifts
// another's draws, nor nature's.
std::uint64_t agent_stream_purpose(int track, int party) {
  return 1000 + static_cast<std::uint64_t>(track) * 256 + static_cast<std::uint64_t>(party);
}

std::uint64_t next_simulator_id() {
  static std::atomic<std::uint64_t> last{0};
  return ++last;
}

// A track's result as a new run starts it, its payoff storage kept.
void restart(TrackResult& result, int parties) {
  result.status = TrackStatus::Open;
  result.round = -1;
  result.proposer = -1;
  result.actor = -1;
  result.deal = Deal{};
  result.payoff.assign(static_cast<std::size_t>(parties), 0.0);
  result.opened_round = -1;
  result.closed_by_condition = false;
  result.closing = LinkChange::Closed;
  result.cause = -1;
}
}  // namespace

Simulator::Simulator(ScenarioPtr scenario, const AgentRegistry& registry)
    : scenario_(std::move(scenario)) {
  const Scenario& s = *scenario_;
  spaces_.reserve(s.tracks.size());
  for (std::size_t t = 0; t < s.tracks.size(); ++t) spaces_.emplace_back(s, static_cast<int>(t));
  baseline_.protocol = s.protocol;
  for (const Party& party : s.parties) {
    const AgentModel* model = registry.find(party.agent.model);
    std::map<std::string, double> params;
    const auto error = registry.resolve(party.agent.model, party.agent.params, params);
    if (!model || error)
      throw InputError(s.file, 0, 0, "", "a registered agent model with valid parameters",
                       error.value_or(party.agent.model));
    models_.push_back(model);
    baseline_.preferences.push_back(party.preferences);
    baseline_.agent_params.push_back(std::move(params));
  }
  protocol_ = make_protocol(s.protocol.kind, static_cast<int>(s.parties.size()));
  world_ = std::make_unique<World>(s, builtin_event_kinds());
  world_->init(baseline_);
  if (world_->changes_utilities()) baseline_.spaces = spaces_;
  // The models' tables, from the scenario's own values.
  const int n_parties = static_cast<int>(s.parties.size());
  tables_.resize(s.tracks.size() * s.parties.size());
  for (int t = 0; t < static_cast<int>(s.tracks.size()); ++t)
    for (int p = 0; p < n_parties; ++p) {
      if (!models_[p]->prepare) continue;
      AgentSetup setup;
      fill_setup(setup, baseline_, t, p);
      setup.space = &spaces_[t];
      tables_[static_cast<std::size_t>(t * n_parties + p)] = models_[p]->prepare(setup);
    }
  id_ = next_simulator_id();
}

void Simulator::fill_setup(AgentSetup& setup, const RunState& state, int t, int p) const {
  const Scenario& s = *scenario_;
  const ProtocolSpec& rules = state.protocol;
  const int n_parties = static_cast<int>(s.parties.size());
  setup.party = p;
  setup.party_count = n_parties;
  setup.opener = rules.opener;
  setup.track = t;
  setup.space = state.spaces.empty() ? &spaces_[t] : &state.spaces[t];
  setup.own = &state.preferences[p];
  setup.reservation = state.preferences[p].reservation[t];
  setup.deadline_rounds = rules.deadline_rounds;
  const auto& believed = s.parties[p].believed_deadline;
  setup.believed_deadline = believed.empty() ? 0 : believed[static_cast<std::size_t>(t)];
  setup.breakdown_probability = rules.breakdown_probability;
  setup.walk_away_allowed = rules.walk_away;
  setup.opener_always_proposes = rules.opener_always_proposes;
  setup.tie_coin = rules.tie_coin;
  setup.complete_information = rules.complete_information;
  // assign() keeps the vectors' storage from run to run.
  setup.public_preferences.assign(n_parties, nullptr);
  setup.public_reservation.assign(n_parties, 0.0);
  for (int q = 0; q < n_parties; ++q) {
    if (q != p && !rules.complete_information) continue;
    setup.public_preferences[q] = &state.preferences[q];
    setup.public_reservation[q] = state.preferences[q].reservation[t];
  }
  setup.params = &state.agent_params[p];
  setup.agent = &s.parties[p].agent;
  setup.rng = nullptr;
  setup.world = nullptr;
  const auto& war = s.world.war_tracks;
  setup.war_track = std::find(war.begin(), war.end(), t) != war.end();
  setup.own_type = -1;
  setup.type_priors = nullptr;
  const auto slot = static_cast<std::size_t>(t * n_parties + p);
  setup.tables = slot < tables_.size() ? tables_[slot].get() : nullptr;
}

RunResult Simulator::run(std::uint64_t seed, std::uint64_t run_index, TraceSink* trace) const {
  RunState state = baseline_;
  return run(seed, run_index, state, trace);
}

RunResult Simulator::run(std::uint64_t seed, std::uint64_t run_index, RunState& state,
                         TraceSink* trace) const {
  RunResult result;
  run(seed, run_index, state, result, trace);
  return result;
}

void Simulator::run(std::uint64_t seed, std::uint64_t run_index, RunState& state, RunResult& result,
                    TraceSink* trace) const {
  const Scenario& s = *scenario_;
  const ProtocolSpec& rules = state.protocol;
  const int n_parties = static_cast<int>(s.parties.size());
  const int n_tracks = static_cast<int>(s.tracks.size());

  // Private types are drawn first (docs/world.md, "Private types and learning"): the world
  // begins from the drawn values.
  const bool typed = has_private_types(s);
  if (typed) draw_private_types(s, seed, run_index, state);
  // The world (docs/world.md) sets the war tracks' reservations before the agents see them.
  const bool world_steps = world_->steps();
  if (world_steps) world_->begin(state);

  // Agents, their streams and their setups live for the whole run, and in `state.reuse` from run
  // to run: the first run of this simulator on this state builds them, later ones make them new
  // (Agent::reset). Nothing below allocates per round.
  RunReuse& reuse = state.reuse;
  const auto slots = static_cast<std::size_t>(n_tracks * n_parties);
  if (reuse.simulator != id_) {
    reuse.tracks.clear();
    reuse.tracks.resize(static_cast<std::size_t>(n_tracks));
    reuse.streams.clear();
    reuse.streams.reserve(slots);  // stable addresses: setups point at them
    for (std::size_t i = 0; i < slots; ++i) reuse.streams.emplace_back(seed, run_index, 0);
    reuse.setups.clear();
    reuse.setups.resize(slots);
    reuse.simulator = id_;
  }
  std::vector<TrackRun>& tracks = reuse.tracks;
  for (int t = 0; t < n_tracks; ++t) {
    TrackRun& tr = tracks[t];
    tr.track = t;
    tr.space = state.spaces.empty() ? &spaces_[t] : &state.spaces[t];
    tr.proposer = rules.opener;
    restart(tr.result, n_parties);
    if (world_steps && world_->track_starts_suspended(t)) tr.result.status = TrackStatus::Suspended;
    tr.text = Deal{};
    tr.floor.clear();
    tr.text_step.fill(0);
    tr.text_moved.fill(0);
    tr.criticism.clear();
    tr.agents.resize(static_cast<std::size_t>(n_parties));
    for (int p = 0; p < n_parties; ++p) {
      const auto slot = static_cast<std::size_t>(t * n_parties + p);
      RandomStream& stream = reuse.streams[slot];
      stream = RandomStream(seed, run_index, agent_stream_purpose(t, p));
      AgentSetup& setup = reuse.setups[slot];
      fill_setup(setup, state, t, p);
      setup.rng = &stream;
      setup.world = world_steps ? &state.world : nullptr;
      setup.own_type = typed ? state.drawn_types[p] : -1;
      setup.type_priors = typed ? &state.type_priors : nullptr;
      std::unique_ptr<Agent>& agent = tr.agents[static_cast<std::size_t>(p)];
      if (agent && agent->reset(setup)) continue;
      agent.reset();  // the last run's agent goes before its successor is made, as it used to
      agent = models_[p]->create(setup);
    }
  }

  RandomStream nature(seed, run_index, kStreamProtocol);
  const int deadline = rules.deadline_rounds;
  const int last_round = deadline > 0 ? deadline : rules.max_rounds;
  int open = n_tracks;
  int round = 0;
  auto settle_closed = [this, &state, trace](TrackRun& tr) {
    settle(state, tr, tr.result);
    if (trace) trace->on_track_closed(tr.track, tr.result);
  };
  std::optional<WorldRun> world;
  if (world_steps)
    world.emplace(*world_, s, state, tracks, seed, run_index, trace,
                  WorldRun::Settle::of(settle_closed));
  // Track conditions (engine/world/linked_tracks.hpp), only for scenarios that have them.
  std::optional<LinkedTracks> links;
  if (LinkedTracks::needed(s)) {
    links.emplace(s, tracks, seed, run_index, rules.opener, trace,
                  WorldRun::Settle::of(settle_closed));
    links->begin();
  }
  auto any_open = [&tracks] {
    return std::any_of(tracks.begin(), tracks.end(),
                       [](const TrackRun& tr) { return tr.result.status == TrackStatus::Open; });
  };
  for (; (world ? world->live(round) : (links ? any_open() : open > 0)) ||
         (links && links->pending());
       ++round) {
    if (round >= last_round) break;
    if (world && !world->before_round(round)) {
      ++round;
      break;
    }
    for (TrackRun& tr : tracks) {
      if (tr.result.status != TrackStatus::Open) continue;
      protocol_->play_round(tr, round, rules, nature, trace);
      if (tr.result.status != TrackStatus::Open) {
        --open;
        if (links && links->hold(tr, round)) continue;
        settle(state, tr, tr.result);
        if (trace) trace->on_track_closed(tr.track, tr.result);
      }
    }
    // Conditions act before the world steps, so a package agreed this round stops the fighting
    // this round as any agreement on a ceasefire track does.
    if (links) links->update(round);
    if (world && !world->after_round(round)) {
      ++round;
      break;
    }
  }
  if (links) links->finish(round - 1, world.has_value());
  if (world) world->finish(round - 1);
  // Tracks still open when the deadline (or the safety stop) passes close without a deal.
  for (TrackRun& tr : tracks) {
    if (tr.result.status != TrackStatus::Open) continue;
    tr.result.status = TrackStatus::Deadline;
    tr.result.round = last_round - 1;
    if (trace) trace->on_move(Move{last_round - 1, tr.track, -1, Action::Deadline, Deal{}});
    settle(state, tr, tr.result);
    if (trace) trace->on_track_closed(tr.track, tr.result);
  }

  result.seed = seed;
  result.run = run_index;
  result.rounds = round;
  // assign() and copy-assignment keep the result's storage from run to run.
  result.parties.assign(n_parties, PartyResult{});
  for (int p = 0; p < n_parties; ++p) {
    double stake = 0.0;
    for (int t = 0; t < n_tracks; ++t) stake += tracks[t].space->track_weight(p);
    const Preferences& prefs = state.preferences[p];
    for (int t = 0; t < n_tracks; ++t) {
      const double share = tracks[t].space->track_weight(p) / stake;
      result.parties[p].utility += share * tracks[t].result.payoff[p];
      result.parties[p].costs += share * prefs.cost_per_round * tracks[t].result.round;
    }
  }
  result.tracks.resize(tracks.size());
  for (std::size_t t = 0; t < tracks.size(); ++t) result.tracks[t] = tracks[t].result;
  result.world = WorldResult{};
  result.implementation.clear();
  if (world) world->report(result);
  if (world_->has_implementation())
    carry_out(s, result.tracks, seed, run_index, result.implementation);
  if (trace) trace->on_run_end(result);
}

// Payoffs (docs/model.md): a track closing in round t is worth discount^t times the deal's
// utility (or the reservation value without a deal), less cost_per_round times t.
void Simulator::settle(const RunState& state, const TrackRun& track, TrackResult& result) const {
  for (std::size_t p = 0; p < state.preferences.size(); ++p) {
    const Preferences& prefs = state.preferences[p];
    const double value = result.status == TrackStatus::Agreed
                             ? track.space->utility(static_cast<int>(p), result.deal)
                             : prefs.reservation[track.track];
    result.payoff[p] =
        std::pow(prefs.discount, result.round) * value - prefs.cost_per_round * result.round;
  }
}

}  // namespace parley
