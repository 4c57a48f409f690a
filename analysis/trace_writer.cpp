#include "analysis/trace_writer.hpp"

#include <nlohmann/json.hpp>

#include "analysis/terms_json.hpp"

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
  *out_ << line.dump() << '\n';
}

}  // namespace parley
