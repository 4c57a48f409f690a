#include "engine/world/events/set_pressure.hpp"

#include "engine/run_state.hpp"
#include "engine/world/events/event_args.hpp"

namespace parley {

namespace {
class SetPressure final : public Event {
 public:
  explicit SetPressure(const EventSpec& spec)
      : lever_(event_int(spec, "lever")), active_(event_flag(spec, "active")) {}

  void apply(EventContext& ctx) const override {
    ctx.state().world.lever_active[lever_] = active_ ? 1 : 0;
  }
  std::string describe(const Scenario& s) const override {
    return concat("pressure ", s.world.pressure[lever_].id, active_ ? " on" : " off");
  }

 private:
  int lever_;
  bool active_;
};
}  // namespace

EventKind set_pressure_kind() {
  EventKind kind;
  kind.name = "set_pressure";
  kind.summary = "switches a third party's pressure lever (sanctions, aid) on or off";
  kind.params = {{"lever", EventParamType::Lever, true, 0.0, 0.0, 0.0, "which pressure lever"},
                 {"active", EventParamType::Boolean, false, 1.0, 0.0, 1.0, "on (true) or off"}};
  kind.create = [](const EventSpec& spec, const Scenario&) -> std::unique_ptr<Event> {
    return std::make_unique<SetPressure>(spec);
  };
  return kind;
}

}  // namespace parley
