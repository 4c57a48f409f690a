#include "engine/world/events/change_reservation.hpp"

#include <algorithm>

#include "engine/run_state.hpp"
#include "engine/world/events/event_args.hpp"

namespace parley {

namespace {
bool is_war_track(const Scenario& s, int track) {
  const auto& war = s.world.war_tracks;
  return std::find(war.begin(), war.end(), track) != war.end();
}

class ChangeReservation final : public Event {
 public:
  ChangeReservation(const EventSpec& spec, const Scenario& scenario)
      : party_(event_int(spec, "party")),
        track_(event_int(spec, "track")),
        to_(event_number(spec, "to")),
        by_(event_number(spec, "by")),
        war_(is_war_track(scenario, track_)) {}

  void apply(EventContext& ctx) const override {
    RunState& state = ctx.state();
    double& r = state.preferences[party_].reservation[track_];
    if (war_ && !state.world.parties.empty()) {
      state.world.parties[party_].reservation_offset[track_] += by_;
      r += by_;  // the world rewrites it from the offset after the events of this round
      return;
    }
    r = (to_ >= 0.0 ? to_ : r) + by_;
  }
  std::string describe(const Scenario& s) const override {
    std::string out = concat(s.parties[party_].name, "'s reservation on ", s.tracks[track_].id);
    if (to_ >= 0.0) out += concat(" = ", format_number(to_, 6));
    if (by_ != 0.0) out += concat(" ", signed_number(by_));
    return out;
  }

 private:
  int party_;
  int track_;
  double to_;
  double by_;
  bool war_;
};
}  // namespace

EventKind change_reservation_kind() {
  EventKind kind;
  kind.name = "change_reservation";
  kind.summary = "changes what no deal on a track is worth to a party";
  kind.params = {{"party", EventParamType::Party, true, 0.0, 0.0, 0.0, "whose reservation"},
                 {"track", EventParamType::Track, true, 0.0, 0.0, 0.0, "on which track"},
                 {"to", EventParamType::Number, false, -1.0, -1.0, 1.0,
                  "the new reservation in [0, 1]; -1 keeps the current one (not on war tracks)"},
                 {"by", EventParamType::Number, false, 0.0, -1.0, 1.0,
                  "added to the reservation (on war tracks: for the rest of the run)"}};
  kind.validate = [](const std::map<std::string, double>& args,
                     const Scenario& scenario) -> std::optional<EventArgError> {
    const double to = args.at("to");
    if (to != -1.0 && to < 0.0)
      return EventArgError{"to", "-1 or a reservation in [0, 1]", format_number(to, 6)};
    if (to != -1.0 && is_war_track(scenario, static_cast<int>(args.at("track"))))
      return EventArgError{"to", "only `by` on a war track (its reservation is the war's value)",
                           format_number(to, 6)};
    if (to == -1.0 && args.at("by") == 0.0)
      return EventArgError{"by", "a `to` or a `by` other than 0", "neither"};
    return std::nullopt;
  };
  kind.create = [](const EventSpec& spec, const Scenario& scenario) -> std::unique_ptr<Event> {
    return std::make_unique<ChangeReservation>(spec, scenario);
  };
  return kind;
}

}  // namespace parley
