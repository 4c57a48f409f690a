#include "engine/world/events/close_track.hpp"

#include "engine/run_state.hpp"
#include "engine/world/events/event_args.hpp"

namespace parley {

namespace {
class CloseTrack final : public Event {
 public:
  explicit CloseTrack(const EventSpec& spec)
      : track_(event_int(spec, "track")), suspend_(event_flag(spec, "suspend")) {}

  void apply(EventContext& ctx) const override {
    const TrackStatus status = ctx.track_status(track_);
    if (suspend_) {
      if (status == TrackStatus::Open) ctx.suspend_track(track_);
      return;
    }
    if (status == TrackStatus::Open || status == TrackStatus::Suspended)
      ctx.close_track(track_, TrackStatus::Closed, -1);
  }
  std::string describe(const Scenario& s) const override {
    return concat("track ", s.tracks[track_].id, suspend_ ? " suspended" : " closed");
  }

 private:
  int track_;
  bool suspend_;
};
}  // namespace

EventKind close_track_kind() {
  EventKind kind;
  kind.name = "close_track";
  kind.summary = "closes a track without agreement, or suspends it until reopened";
  kind.params = {{"track", EventParamType::Track, true, 0.0, 0.0, 0.0, "the track to close"},
                 {"suspend", EventParamType::Boolean, false, 0.0, 0.0, 1.0,
                  "suspend it (an open_track event may reopen it) instead of closing it"}};
  kind.create = [](const EventSpec& spec, const Scenario&) -> std::unique_ptr<Event> {
    return std::make_unique<CloseTrack>(spec);
  };
  return kind;
}

}  // namespace parley
