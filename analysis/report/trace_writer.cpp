#include "analysis/report/trace_writer.hpp"

#include <nlohmann/json.hpp>

#include "analysis/report/terms_json.hpp"
#include "analysis/report/world_json.hpp"

namespace parley {

using nlohmann::ordered_json;

JsonlTraceWriter::JsonlTraceWriter(const Simulator& simulator, std::ostream& out)
    : simulator_(&simulator), scenario_(&simulator.scenario()), out_(&out) {}

void JsonlTraceWriter::on_move(const Move& move) {
  const Scenario& s = *scenario_;
  ordered_json line;
  line["event"] = "move";
  line["round"] = move.round;
  line["date"] = s.clock.date_of(move.round).to_string();
  line["track"] = s.tracks[move.track].id;
  line["party"] = move.party >= 0 ? ordered_json(s.parties[move.party].id) : ordered_json(nullptr);
  line["action"] = to_string(move.action);
  if (move.deal.size > 0) {
    const OutcomeSpace& space = simulator_->space(move.track);
    line["terms"] = terms_json(s, space, move.deal);
    line["utility"] = utilities_json(s, space, move.deal);
  }
  *out_ << line.dump() << '\n';
}

void JsonlTraceWriter::on_track_closed(int track, const TrackResult& result) {
  const Scenario& s = *scenario_;
  ordered_json line;
  line["event"] = "track-closed";
  line["round"] = result.round;
  line["date"] = s.clock.date_of(result.round).to_string();
  line["track"] = s.tracks[track].id;
  line["status"] = to_string(result.status);
  if (result.status == TrackStatus::MilitaryVictory) line["victor"] = s.parties[result.actor].id;
  ordered_json payoff = ordered_json::object();
  for (std::size_t p = 0; p < s.parties.size(); ++p)
    payoff[s.parties[p].id] = tidy(result.payoff[p]);
  line["payoff"] = payoff;
  *out_ << line.dump() << '\n';
}

void JsonlTraceWriter::on_run_end(const RunResult& result) {
  const Scenario& s = *scenario_;
  ordered_json line;
  line["event"] = "run-end";
  line["seed"] = result.seed;
  line["rounds"] = result.rounds;
  ordered_json parties = ordered_json::object();
  for (std::size_t p = 0; p < s.parties.size(); ++p)
    parties[s.parties[p].id] = {{"utility", tidy(result.parties[p].utility)},
                                {"costs", tidy(result.parties[p].costs)}};
  line["parties"] = parties;
  // The world's part (docs/world.md), only for scenarios that have one, so traces of scenarios
  // without a world are unchanged.
  if (!s.world.cost_kinds.empty() && !result.parties.empty() &&
      !result.parties[0].war_costs.empty()) {
    for (std::size_t p = 0; p < s.parties.size(); ++p) {
      ordered_json costs = ordered_json::object();
      for (std::size_t k = 0; k < s.world.cost_kinds.size(); ++k)
        costs[s.world.cost_kinds[k].id] = tidy(result.parties[p].war_costs[k]);
      line["parties"][s.parties[p].id]["war_costs"] = costs;
      line["parties"][s.parties[p].id]["war_cost_utility"] =
          tidy(result.parties[p].war_cost_utility);
    }
  }
  if (result.world.present) line["war"] = war_json(s, result.world);
  if (!result.implementation.empty()) line["implementation"] = implementation_json(s, result);
  *out_ << line.dump() << '\n';
}

void JsonlTraceWriter::on_event(int round, int event) {
  const Scenario& s = *scenario_;
  const EventSpec& spec = s.world.events[event];
  ordered_json line;
  line["event"] = "world-event";
  line["round"] = round;
  line["date"] = s.clock.date_of(round).to_string();
  line["id"] = spec.id;
  line["kind"] = spec.kind;
  line["effect"] = simulator_->world().event(event).describe(s);
  *out_ << line.dump() << '\n';
}

void JsonlTraceWriter::on_world_round(int round, const WorldState& world) {
  const Scenario& s = *scenario_;
  ordered_json line;
  line["event"] = "world";
  line["round"] = round;
  line["date"] = s.clock.date_of(round).to_string();
  const BattlefieldState& field = world.battlefield;
  line["fighting"] = field.fighting;  // does the war go on after this round?
  if (field.present) {
    line["state"] = field.position;
    line["battles"] = field.last_round == round
                          ? ordered_json{{"up", field.last_up}, {"down", field.last_down}}
                          : ordered_json{{"up", 0}, {"down", 0}};
  }
  ordered_json costs = ordered_json::object();
  ordered_json value = ordered_json::object();
  for (std::size_t p = 0; p < world.parties.size(); ++p) {
    ordered_json by_kind = ordered_json::object();
    for (std::size_t k = 0; k < s.world.cost_kinds.size(); ++k)
      by_kind[s.world.cost_kinds[k].id] = tidy(world.parties[p].last_costs[k]);
    costs[s.parties[p].id] = by_kind;
    if (field.present &&
        (static_cast<int>(p) == field.up_party || static_cast<int>(p) == field.down_party))
      value[s.parties[p].id] = tidy(world.parties[p].war_value);
  }
  if (!world.parties.empty()) line["costs"] = costs;
  if (field.present) line["war_value"] = value;
  *out_ << line.dump() << '\n';
}

void JsonlTraceWriter::on_track_condition(int round, int track, LinkChange change, int cause) {
  const Scenario& s = *scenario_;
  ordered_json line;
  line["event"] = "track-condition";
  line["round"] = round;
  line["date"] = s.clock.date_of(round).to_string();
  line["track"] = s.tracks[track].id;
  line["change"] = to_string(change);
  line["cause"] = s.tracks[cause].id;
  // The condition that acted, as the file states it.
  const TrackLinks& links = s.tracks[track].links;
  const auto& conditions = change == LinkChange::Closed ? links.closes_when : links.opens_when;
  if (change == LinkChange::Opened || change == LinkChange::NeverOpens ||
      change == LinkChange::Closed)
    for (const TrackCondition& c : conditions)
      if (c.track == cause)
        line["condition"] = {{"track", s.tracks[c.track].id}, {"state", to_string(c.state)}};
  *out_ << line.dump() << '\n';
}

}  // namespace parley
