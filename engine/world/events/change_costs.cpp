#include "engine/world/events/change_costs.hpp"

#include "engine/run_state.hpp"
#include "engine/world/events/event_args.hpp"

namespace parley {

namespace {
class ChangeCosts final : public Event {
 public:
  explicit ChangeCosts(const EventSpec& spec)
      : party_(event_int(spec, "party")),
        cost_(event_int(spec, "cost")),
        multiplier_(event_number(spec, "multiplier")),
        add_(event_number(spec, "add")) {}

  void apply(EventContext& ctx) const override {
    PartyWorldState& w = ctx.state().world.parties[party_];
    w.cost_scale[cost_] *= multiplier_;
    w.cost_shift[cost_] = w.cost_shift[cost_] * multiplier_ + add_;
  }
  std::string describe(const Scenario& s) const override {
    std::string out = concat(s.parties[party_].name, "'s ", s.world.cost_kinds[cost_].id);
    if (multiplier_ != 1.0) out += concat(" x", format_number(multiplier_, 6));
    if (add_ != 0.0) out += concat(" ", signed_number(add_), " ", s.world.cost_kinds[cost_].unit);
    out += " per round";
    return out;
  }

 private:
  int party_;
  int cost_;
  double multiplier_;
  double add_;
};
}  // namespace

EventKind change_costs_kind() {
  EventKind kind;
  kind.name = "change_costs";
  kind.summary = "scales or adds to one of a party's per-round costs (a strike, a mobilisation)";
  kind.params = {
      {"party", EventParamType::Party, true, 0.0, 0.0, 0.0, "whose cost"},
      {"cost", EventParamType::CostKind, true, 0.0, 0.0, 0.0, "which cost kind"},
      {"multiplier", EventParamType::Number, false, 1.0, 0.0, 1e6,
       "multiplies the cost per round (and earlier additions)"},
      {"add", EventParamType::Number, false, 0.0, 0.0, 1e12, "units added to the cost per round"}};
  kind.validate = [](const std::map<std::string, double>& args,
                     const Scenario&) -> std::optional<EventArgError> {
    if (args.at("multiplier") == 1.0 && args.at("add") == 0.0)
      return EventArgError{"multiplier", "a multiplier other than 1 or an add other than 0",
                           "neither"};
    return std::nullopt;
  };
  kind.create = [](const EventSpec& spec, const Scenario&) -> std::unique_ptr<Event> {
    return std::make_unique<ChangeCosts>(spec);
  };
  return kind;
}

}  // namespace parley
