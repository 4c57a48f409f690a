#include "engine/world/world.hpp"

#include <algorithm>
#include <cmath>

#include "engine/input_error.hpp"
#include "engine/run_state.hpp"
#include "engine/world/battlefield.hpp"
#include "engine/world/cost_distribution.hpp"
#include "engine/world/pressure.hpp"
#include "engine/world/war_value.hpp"

namespace parley {

World::World(const Scenario& scenario, const EventKindRegistry& kinds) : scenario_(&scenario) {
  const WorldSpec& spec = scenario.world;
  steps_ = spec.steps();
  starts_suspended_.assign(scenario.tracks.size(), 0);
  for (std::size_t i = 0; i < spec.events.size(); ++i) {
    const EventSpec& e = spec.events[i];
    const std::string pointer = "/events/" + std::to_string(i);
    const EventKind* kind = kinds.find(e.kind);
    if (!kind) {
      std::string known;
      for (const std::string& name : kinds.names()) known += (known.empty() ? "" : ", ") + name;
      throw InputError(scenario.file, 0, 0, pointer + "/kind", "an event kind (" + known + ")",
                       "'" + e.kind + "'");
    }
    // Events built in code (tests, sweeps) may leave defaults out; the loader fills them.
    EventSpec bound = e;
    if (const auto error = resolve_event_args(*kind, e.args, scenario, bound.args))
      throw InputError(scenario.file, 0, 0, pointer + "/" + error->param, error->expected,
                       error->found);
    kinds_.push_back(kind);
    events_.push_back(kind->create(bound, scenario));
    changes_utilities_ = changes_utilities_ || kind->changes_utilities;
    if (kind->opens_track && kind->starts_suspended && kind->starts_suspended(bound.args))
      starts_suspended_[kind->opens_track(bound.args)] = 1;
  }
}

bool World::has_implementation() const {
  return !scenario_->world.implementation.empty();
}

const std::vector<int>& World::ceasefire_tracks() const {
  return scenario_->world.ceasefire_tracks;
}

void World::init(RunState& baseline) const {
  const Scenario& s = *scenario_;
  const WorldSpec& spec = s.world;
  WorldState& w = baseline.world;
  const std::size_t kinds = spec.cost_kinds.size();
  const BattlefieldSpec& b = spec.battlefield;
  BattlefieldState& field = w.battlefield;
  field.present = b.present;
  field.states = b.states;
  field.win_probability = b.win_probability;
  field.decisive_probability = b.decisive_probability;
  field.battles_per_round = b.battles_per_round;
  field.up_party = b.up_party;
  field.down_party = b.down_party;
  field.position = b.start;
  // Every party has a side of the world once there is a war, a cost or a lever; a scenario built
  // in code may leave WorldSpec::parties short, and the defaults stand in.
  const bool sided = b.present || kinds > 0 || !spec.pressure.empty();
  w.parties.assign(sided ? s.parties.size() : 0, PartyWorldState{});
  for (std::size_t p = 0; p < w.parties.size(); ++p) {
    const PartyWarSpec ps = p < spec.parties.size() ? spec.parties[p] : PartyWarSpec{};
    PartyWorldState& pw = w.parties[p];
    pw.cost.resize(kinds);
    pw.utility_per_unit.assign(kinds, 0.0);
    for (std::size_t k = 0; k < kinds && k < ps.costs.size(); ++k) {
      pw.cost[k] = ps.costs[k].per_round;
      pw.utility_per_unit[k] = ps.costs[k].utility_per_unit;
    }
    pw.cost_scale.assign(kinds, 1.0);
    pw.cost_shift.assign(kinds, 0.0);
    pw.cost_multiplier.assign(kinds, 1.0);
    pw.cost_add.assign(kinds, 0.0);
    pw.samplers.resize(kinds);
    pw.victory_value = ps.victory_value;
    pw.defeat_value = ps.defeat_value;
    pw.reservation_offset.assign(s.tracks.size(), 0.0);
    pw.last_costs.assign(kinds, 0.0);
    pw.accrued.assign(kinds, 0.0);
  }
  w.lever_active.resize(spec.pressure.size());
  for (std::size_t l = 0; l < spec.pressure.size(); ++l)
    w.lever_active[l] = spec.pressure[l].active ? 1 : 0;
  w.event_fires.assign(spec.events.size(), 0);
  if (!steps_) return;
  // Solve the chain once here so that runs whose parameters are the scenario's find the
  // solution in place (update_war_values re-solves only when they differ).
  RunState probe = baseline;
  begin(probe);
  for (std::size_t p = 0; p < w.parties.size(); ++p) {
    w.parties[p].win_weight = probe.world.parties[p].win_weight;
    w.parties[p].loss_weight = probe.world.parties[p].loss_weight;
    w.parties[p].duration = probe.world.parties[p].duration;
    w.parties[p].solved_for = probe.world.parties[p].solved_for;
  }
}

void World::begin(RunState& state) const {
  WorldState& w = state.world;
  BattlefieldState& field = w.battlefield;
  field.fighting = true;
  field.victor = -1;
  field.end_round = -1;
  field.rounds_fought = 0;
  field.last_round = -1;
  field.last_up = 0;
  field.last_down = 0;
  for (std::size_t p = 0; p < w.parties.size(); ++p) {
    PartyWorldState& pw = w.parties[p];
    pw.base_discount = state.preferences[p].discount;
    std::fill(pw.last_costs.begin(), pw.last_costs.end(), 0.0);
    std::fill(pw.accrued.begin(), pw.accrued.end(), 0.0);
    pw.accrued_utility = 0.0;
    pw.discount_weight = 1.0;
    // The distributions are fixed for the run (events scale costs, they do not redraw them).
    pw.samplers.resize(pw.cost.size());
    for (std::size_t k = 0; k < pw.cost.size(); ++k) pw.samplers[k] = CostSampler::of(pw.cost[k]);
  }
  std::fill(w.event_fires.begin(), w.event_fires.end(), 0);
  apply_pressure(*scenario_, state);
  update_war_values(*scenario_, state);
}

bool World::may_open_later(int track, int round, const RunState& state) const {
  const auto& events = scenario_->world.events;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const EventKind& kind = *kinds_[i];
    if (!kind.opens_track || kind.opens_track(events[i].args) != track) continue;
    const EventSpec& e = events[i];
    if (!e.is_random()) {
      if (e.round >= round) return true;
      continue;
    }
    const bool fires_left = e.max_fires == 0 || state.world.event_fires[i] < e.max_fires;
    if (fires_left && e.hazard > 0.0 && (e.until_round < 0 || e.until_round >= round)) return true;
  }
  return false;
}

void World::fire_events(EventContext& ctx, RandomStream& rng, TraceSink* trace,
                        std::vector<FiredEvent>& fired) const {
  const auto& events = scenario_->world.events;
  RunState& state = ctx.state();
  const int round = ctx.round();
  bool any = false;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const EventSpec& e = events[i];
    bool due = false;
    if (!e.is_random()) {
      due = e.round == round;
    } else if (round >= e.from_round && (e.until_round < 0 || round <= e.until_round) &&
               (e.max_fires == 0 || state.world.event_fires[i] < e.max_fires)) {
      // Drawn in every round of the window, whatever the condition below, so a condition
      // never shifts the stream.
      due = rng.uniform() < e.hazard;
    }
    if (!due) continue;
    if (e.unless_agreed >= 0 && ctx.track_status(e.unless_agreed) == TrackStatus::Agreed) continue;
    ++state.world.event_fires[i];
    fired.push_back(FiredEvent{static_cast<int>(i), round});
    if (trace) trace->on_event(round, static_cast<int>(i));
    events_[i]->apply(ctx);
    any = true;
  }
  if (!any) return;
  apply_pressure(*scenario_, state);
  update_war_values(*scenario_, state);
}

void World::step(int round, RunState& state, RandomStream& rng) const {
  WorldState& w = state.world;
  BattlefieldState& field = w.battlefield;
  if (!field.fighting) {
    for (PartyWorldState& pw : w.parties)
      std::fill(pw.last_costs.begin(), pw.last_costs.end(), 0.0);
  } else {
    if (field.present) fight_round(field, round, rng);
    for (std::size_t p = 0; p < w.parties.size(); ++p) {
      PartyWorldState& pw = w.parties[p];
      double utility = 0.0;
      for (std::size_t k = 0; k < pw.samplers.size(); ++k) {
        const double units = pw.cost_multiplier[k] * pw.samplers[k].draw(rng) + pw.cost_add[k];
        pw.last_costs[k] = units;
        pw.accrued[k] += units;
        utility += pw.utility_per_unit[k] * units;
      }
      pw.accrued_utility += pw.discount_weight * utility;
      pw.discount_weight *= state.preferences[p].discount;
    }
  }
  update_reservations(*scenario_, state);
}

// ---------------------------------------------------------------------------------------------

WorldRun::WorldRun(const World& world, const Scenario& scenario, RunState& state,
                   std::vector<TrackRun>& tracks, std::uint64_t seed, std::uint64_t run_index,
                   TraceSink* trace, Settle settle)
    : EventContext(scenario, state, 0),
      world_(&world),
      tracks_(&tracks),
      world_rng_(seed, run_index, kStreamWorld),
      events_rng_(seed, run_index, kStreamEvents),
      trace_(trace),
      settle_(settle) {}

bool WorldRun::before_round(int round) {
  round_ = round;
  world_->fire_events(*this, events_rng_, trace_, fired_);
  return !end_if_won(round);
}

bool WorldRun::after_round(int round) {
  round_ = round;
  BattlefieldState& field = state_->world.battlefield;
  if (field.fighting) {
    for (const int t : world_->ceasefire_tracks())
      if ((*tracks_)[t].result.status == TrackStatus::Agreed) {
        field.fighting = false;
        field.end_round = round;
        ceasefire_ = true;
        break;
      }
  }
  world_->step(round, *state_, world_rng_);
  if (field.present)
    for (TrackRun& tr : *tracks_)
      if (tr.result.status == TrackStatus::Open || tr.result.status == TrackStatus::Suspended)
        for (auto& agent : tr.agents) agent->observe_world(field);
  if (trace_) trace_->on_world_round(round, state_->world);
  return !end_if_won(round);
}

bool WorldRun::end_if_won(int round) {
  BattlefieldState& field = state_->world.battlefield;
  if (!field.present) return false;
  if (field.fighting && (field.position <= 0 || field.position >= field.states)) {
    // An event moved the front onto an absorbing state.
    field.fighting = false;
    field.victor = field.position >= field.states ? field.up_party : field.down_party;
    field.end_round = round;
    update_war_values(*scenario_, *state_);
  }
  if (field.victor < 0) return false;
  for (TrackRun& tr : *tracks_)
    if (tr.result.status == TrackStatus::Open || tr.result.status == TrackStatus::Suspended)
      close_track(tr.track, TrackStatus::MilitaryVictory, field.victor);
  return true;
}

bool WorldRun::live(int round) const {
  for (const TrackRun& tr : *tracks_) {
    if (tr.result.status == TrackStatus::Open) return true;
    if (tr.result.status == TrackStatus::Suspended &&
        world_->may_open_later(tr.track, round, *state_))
      return true;
  }
  return false;
}

void WorldRun::finish(int last_round) {
  round_ = std::max(last_round, 0);
  for (TrackRun& tr : *tracks_) {
    if (tr.result.status != TrackStatus::Suspended) continue;
    tr.result.round = round_;
    settle_(tr);
  }
}

void WorldRun::report(RunResult& result) {
  const WorldState& w = state_->world;
  for (std::size_t p = 0; p < w.parties.size() && p < result.parties.size(); ++p) {
    result.parties[p].war_costs = w.parties[p].accrued;
    result.parties[p].war_cost_utility = w.parties[p].accrued_utility;
  }
  const BattlefieldState& field = w.battlefield;
  result.world.present = field.present;
  result.world.position = field.present ? field.position : -1;
  result.world.victor = field.victor;
  result.world.end_round = field.end_round;
  result.world.ceasefire = ceasefire_;
  result.world.rounds_fought = field.rounds_fought;
  result.world.events = std::move(fired_);
}

TrackStatus WorldRun::track_status(int track) const {
  return (*tracks_)[track].result.status;
}

void WorldRun::open_track(int track) {
  TrackRun& tr = (*tracks_)[track];
  if (tr.result.status != TrackStatus::Suspended) return;
  tr.result.status = TrackStatus::Open;
  tr.proposer = state_->protocol.opener;
}

void WorldRun::suspend_track(int track) {
  TrackRun& tr = (*tracks_)[track];
  if (tr.result.status == TrackStatus::Open) tr.result.status = TrackStatus::Suspended;
}

void WorldRun::close_track(int track, TrackStatus status, int actor) {
  TrackRun& tr = (*tracks_)[track];
  if (tr.result.status != TrackStatus::Open && tr.result.status != TrackStatus::Suspended) return;
  if (status == TrackStatus::WalkAway)
    publish(tr, Move{round_, track, actor, Action::WalkAway, Deal{}}, trace_);
  tr.result.status = status;
  tr.result.round = round_;
  tr.result.actor = actor;
  settle_(tr);
}

void WorldRun::preferences_changed(int party) {
  for (TrackRun& tr : *tracks_) tr.agents[party]->on_preferences_changed();
}

}  // namespace parley
