#include "engine/world/events/open_track.hpp"

#include "engine/run_state.hpp"
#include "engine/world/events/event_args.hpp"

namespace parley {

namespace {
class OpenTrack final : public Event {
 public:
  explicit OpenTrack(const EventSpec& spec) : track_(event_int(spec, "track")) {}

  void apply(EventContext& ctx) const override {
    if (ctx.track_status(track_) == TrackStatus::Suspended) ctx.open_track(track_);
  }
  std::string describe(const Scenario& s) const override {
    return concat("track ", s.tracks[track_].id, " opens");
  }

 private:
  int track_;
};
}  // namespace

EventKind open_track_kind() {
  EventKind kind;
  kind.name = "open_track";
  kind.summary = "opens a track that was closed (not yet on the agenda, or suspended)";
  kind.params = {{"track", EventParamType::Track, true, 0.0, 0.0, 0.0, "the track to open"},
                 {"initially_closed", EventParamType::Boolean, false, 1.0, 0.0, 1.0,
                  "the track starts the run suspended, waiting for this event"}};
  kind.create = [](const EventSpec& spec, const Scenario&) -> std::unique_ptr<Event> {
    return std::make_unique<OpenTrack>(spec);
  };
  kind.opens_track = [](const std::map<std::string, double>& args) {
    return static_cast<int>(args.at("track"));
  };
  kind.starts_suspended = [](const std::map<std::string, double>& args) {
    return args.at("initially_closed") != 0.0;
  };
  return kind;
}

}  // namespace parley
