#include "engine/world/events/force_walk_out.hpp"

#include "engine/run_state.hpp"
#include "engine/world/events/event_args.hpp"

namespace parley {

namespace {
class ForceWalkOut final : public Event {
 public:
  explicit ForceWalkOut(const EventSpec& spec)
      : party_(event_int(spec, "party")), track_(event_int(spec, "track")) {}

  void apply(EventContext& ctx) const override {
    const int tracks = static_cast<int>(ctx.scenario().tracks.size());
    for (int t = 0; t < tracks; ++t) {
      if (track_ >= 0 && t != track_) continue;
      if (ctx.track_status(t) == TrackStatus::Open)
        ctx.close_track(t, TrackStatus::WalkAway, party_);
    }
  }
  std::string describe(const Scenario& s) const override {
    return concat(s.parties[party_].name, " walks out of ",
                  track_ >= 0 ? concat("track ", s.tracks[track_].id) : "every open track");
  }

 private:
  int party_;
  int track_;
};
}  // namespace

EventKind force_walk_out_kind() {
  EventKind kind;
  kind.name = "force_walk_out";
  kind.summary = "makes a party walk out of a track (or of all of them)";
  kind.params = {{"party", EventParamType::Party, true, 0.0, 0.0, 0.0, "who walks out"},
                 {"track", EventParamType::Track, false, -1.0, 0.0, 0.0,
                  "of which track; absent: every open track"}};
  kind.create = [](const EventSpec& spec, const Scenario&) -> std::unique_ptr<Event> {
    return std::make_unique<ForceWalkOut>(spec);
  };
  return kind;
}

}  // namespace parley
