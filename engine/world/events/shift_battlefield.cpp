#include "engine/world/events/shift_battlefield.hpp"

#include <algorithm>

#include "engine/run_state.hpp"
#include "engine/world/events/event_args.hpp"

namespace parley {

namespace {
class ShiftBattlefield final : public Event {
 public:
  explicit ShiftBattlefield(const EventSpec& spec) : by_(event_int(spec, "by")) {}

  void apply(EventContext& ctx) const override {
    BattlefieldState& field = ctx.state().world.battlefield;
    if (!field.fighting) return;
    field.position = std::clamp(field.position + by_, 0, field.states);
  }
  std::string describe(const Scenario& /*scenario*/) const override {
    return concat("the front moves ", signed_number(by_), " states");
  }

 private:
  int by_;
};
}  // namespace

EventKind shift_battlefield_kind() {
  EventKind kind;
  kind.name = "shift_battlefield";
  kind.summary = "moves the battlefield's control state (a breakthrough, a retreat)";
  kind.params = {{"by", EventParamType::Integer, true, 0.0, -1e6, 1e6,
                  "states toward N (the up party's victory); negative toward 0"}};
  kind.validate = [](const std::map<std::string, double>& /*args*/,
                     const Scenario& scenario) -> std::optional<EventArgError> {
    if (!scenario.world.battlefield.present)
      return EventArgError{"by", "a scenario with a world.battlefield", "none"};
    return std::nullopt;
  };
  kind.create = [](const EventSpec& spec, const Scenario&) -> std::unique_ptr<Event> {
    return std::make_unique<ShiftBattlefield>(spec);
  };
  return kind;
}

}  // namespace parley
