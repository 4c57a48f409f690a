#include "engine/world/private_type.hpp"

#include "engine/random/random.hpp"
#include "engine/run_state.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/world/battlefield.hpp"
#include "engine/world/pressure.hpp"

namespace parley {

namespace {
bool in_war(const Scenario& s, int party) {
  const BattlefieldSpec& b = s.world.battlefield;
  return b.present && !s.world.parties.empty() && (party == b.up_party || party == b.down_party);
}

// The type's discount in force at the start of the run: its own (or the party's) times the
// factors of the active pressure levers on the party (engine/world/pressure.hpp).
double type_discount(const Scenario& s, const RunState& state, int party, const PartyType& type) {
  double d = is_set(type.discount) ? type.discount : state.preferences[party].discount;
  const auto& levers = s.world.pressure;
  for (std::size_t l = 0; l < levers.size(); ++l)
    if (state.world.lever_active[l] && levers[l].party == party) d *= levers[l].discount_factor;
  return d;
}

// The type's expected utility cost of one round of fighting: expected_cost_per_round with the
// type's scale on every cost kind.
double type_expected_cost(const Scenario& s, const RunState& state, int party,
                          const PartyType& type) {
  const PartyWorldState& w = state.world.parties[party];
  const double scale = is_set(type.war_cost_scale) ? type.war_cost_scale : 1.0;
  double c = 0.0;
  for (std::size_t k = 0; k < w.cost.size(); ++k) {
    const int kind = static_cast<int>(k);
    const double units =
        scale * w.cost_scale[k] * pressure_cost_multiplier(s, state, party, kind) * w.cost[k].mean +
        w.cost_shift[k] + pressure_cost_add(s, state, party, kind);
    c += w.utility_per_unit[k] * units;
  }
  return c;
}

void compute_view(const Scenario& s, RunState& state, int party, const PartyType& type,
                  TypeView& view) {
  const BattlefieldSpec& b = s.world.battlefield;
  view.probability = type.probability;
  view.discount = type_discount(s, state, party, type);
  view.up_win_probability = kUnset;
  if (in_war(s, party))
    view.up_win_probability = !is_set(type.win_probability)
                                  ? state.world.battlefield.win_probability
                              : party == b.up_party ? type.win_probability
                                                    : 1.0 - type.win_probability;
  const std::size_t n_tracks = s.tracks.size();
  view.reservation.resize(n_tracks);
  for (std::size_t t = 0; t < n_tracks; ++t) {
    const double own = t < type.reservation.size() ? type.reservation[t] : kUnset;
    view.reservation[t] = is_set(own) ? own : state.preferences[party].reservation[t];
  }
  view.war_value.clear();
  view.opponent_war_value.clear();
  if (!in_war(s, party)) return;

  BattlefieldState field = state.world.battlefield;
  field.win_probability = view.up_win_probability;
  const BattlefieldSolution& own = state.battlefield_cache.solve(
      field, type_discount(s, state, party, type), state.world.scratch);
  const std::vector<double>& win = party == b.up_party ? own.up : own.down;
  const std::vector<double>& loss = party == b.up_party ? own.down : own.up;
  const std::vector<double>& duration = own.duration;
  const PartyWorldState& w = state.world.parties[party];
  const double victory = is_set(type.victory_value) ? type.victory_value : w.victory_value;
  const double defeat = is_set(type.defeat_value) ? type.defeat_value : w.defeat_value;
  const double cost = type_expected_cost(s, state, party, type);
  view.war_value.resize(win.size());
  for (std::size_t k = 0; k < win.size(); ++k)
    view.war_value[k] = victory * win[k] + defeat * loss[k] - cost * duration[k];
  for (const int t : s.world.war_tracks)
    view.reservation[t] = view.war_value[static_cast<std::size_t>(field.position)];

  // The other side under these odds, with its own discount, costs and war values.
  const int other = party == b.up_party ? b.down_party : b.up_party;
  const PartyType none;
  const BattlefieldSolution& theirs = state.battlefield_cache.solve(
      field, type_discount(s, state, other, none), state.world.scratch);
  const std::vector<double>& other_win = other == b.up_party ? theirs.up : theirs.down;
  const std::vector<double>& other_loss = other == b.up_party ? theirs.down : theirs.up;
  const PartyWorldState& ow = state.world.parties[other];
  const double other_cost = type_expected_cost(s, state, other, none);
  view.opponent_war_value.resize(theirs.up.size());
  for (std::size_t k = 0; k < theirs.up.size(); ++k)
    view.opponent_war_value[k] = ow.victory_value * other_win[k] + ow.defeat_value * other_loss[k] -
                                 other_cost * theirs.duration[k];
}
}  // namespace

double TypePriors::reservation(int party, int type, int track, int position) const {
  const TypeView& view = parties[party][type];
  if (war_track[track] && !view.war_value.empty() && position >= 0 &&
      position < static_cast<int>(view.war_value.size()))
    return view.war_value[position];
  return view.reservation[track];
}

bool has_private_types(const Scenario& scenario) {
  for (const Party& p : scenario.parties)
    if (!p.types.empty()) return true;
  return false;
}

void apply_private_type(const Scenario& scenario, int party, int type, RunState& state) {
  const PartyType& t = scenario.parties[party].types[type];
  Preferences& prefs = state.preferences[party];
  if (is_set(t.cost_per_round)) prefs.cost_per_round = t.cost_per_round;
  if (is_set(t.discount)) prefs.discount = t.discount;
  for (std::size_t k = 0; k < t.reservation.size() && k < prefs.reservation.size(); ++k)
    if (is_set(t.reservation[k])) prefs.reservation[k] = t.reservation[k];
  if (static_cast<std::size_t>(party) < state.world.parties.size()) {
    PartyWorldState& w = state.world.parties[party];
    if (is_set(t.war_cost_scale))
      for (double& scale : w.cost_scale) scale *= t.war_cost_scale;
    if (is_set(t.victory_value)) w.victory_value = t.victory_value;
    if (is_set(t.defeat_value)) w.defeat_value = t.defeat_value;
  }
  if (is_set(t.win_probability)) {
    BattlefieldState& field = state.world.battlefield;
    field.win_probability = party == field.up_party ? t.win_probability : 1.0 - t.win_probability;
  }
  state.drawn_types[party] = type;
}

void draw_private_types(const Scenario& scenario, std::uint64_t seed, std::uint64_t run_index,
                        RunState& state) {
  const std::size_t n = scenario.parties.size();
  TypePriors& priors = state.type_priors;
  priors.parties.resize(n);
  priors.war_track.assign(scenario.tracks.size(), 0);
  for (const int t : scenario.world.war_tracks) priors.war_track[t] = 1;
  state.drawn_types.assign(n, -1);
  // The priors first, from the run's values before any type is written into them.
  for (std::size_t p = 0; p < n; ++p) {
    const auto& types = scenario.parties[p].types;
    priors.parties[p].resize(types.size());
    for (std::size_t k = 0; k < types.size(); ++k)
      compute_view(scenario, state, static_cast<int>(p), types[k], priors.parties[p][k]);
  }
  RandomStream rng(seed, run_index, kStreamTypes);
  for (std::size_t p = 0; p < n; ++p) {
    const auto& types = scenario.parties[p].types;
    if (types.empty()) continue;
    const double u = rng.uniform();
    int drawn = -1;
    double cumulative = 0.0;
    for (std::size_t k = 0; k < types.size(); ++k) {
      if (types[k].probability <= 0.0) continue;
      drawn = static_cast<int>(k);  // the last possible type absorbs rounding
      cumulative += types[k].probability;
      if (u < cumulative) break;
    }
    if (drawn < 0) continue;
    apply_private_type(scenario, static_cast<int>(p), drawn, state);
  }
}

}  // namespace parley
