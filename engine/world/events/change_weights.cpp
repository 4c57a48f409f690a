#include "engine/world/events/change_weights.hpp"

#include "engine/run_state.hpp"
#include "engine/world/events/event_args.hpp"

namespace parley {

namespace {
class ChangeWeights final : public Event {
 public:
  ChangeWeights(const EventSpec& spec, const Scenario& scenario)
      : party_(event_int(spec, "party")),
        issue_(event_int(spec, "issue")),
        weight_(event_number(spec, "weight")),
        scale_(event_number(spec, "scale")) {
    for (std::size_t t = 0; t < scenario.tracks.size(); ++t)
      for (const int i : scenario.tracks[t].issues)
        if (i == issue_) track_ = static_cast<int>(t);
  }

  void apply(EventContext& ctx) const override {
    RunState& state = ctx.state();
    double& w = state.preferences[party_].weights[issue_];
    w = (weight_ > 0.0 ? weight_ : w) * scale_;
    if (!state.spaces.empty())
      state.spaces[track_].set_weights(party_, state.preferences[party_].weights);
    ctx.preferences_changed(party_);
  }
  std::string describe(const Scenario& s) const override {
    std::string out = concat(s.parties[party_].name, "'s weight on ", s.issues[issue_].id);
    if (weight_ > 0.0) out += concat(" = ", format_number(weight_, 6));
    if (scale_ != 1.0) out += concat(" x", format_number(scale_, 6));
    return out;
  }

 private:
  int party_;
  int issue_;
  int track_ = 0;
  double weight_;
  double scale_;
};
}  // namespace

EventKind change_weights_kind() {
  EventKind kind;
  kind.name = "change_weights";
  kind.summary = "changes how much a party cares about one issue (its salience)";
  kind.params = {
      {"party", EventParamType::Party, true, 0.0, 0.0, 0.0, "whose weight"},
      {"issue", EventParamType::Issue, true, 0.0, 0.0, 0.0, "which issue"},
      {"weight", EventParamType::Number, false, -1.0, -1.0, 1e6,
       "the new weight (> 0); -1 keeps the current one"},
      {"scale", EventParamType::Number, false, 1.0, 0.0, 1e6, "multiplies the (new) weight"}};
  kind.changes_utilities = true;
  kind.validate = [](const std::map<std::string, double>& args,
                     const Scenario&) -> std::optional<EventArgError> {
    const double weight = args.at("weight");
    if (weight != -1.0 && weight <= 0.0)
      return EventArgError{"weight", "-1 or a weight > 0", format_number(weight, 6)};
    if (args.at("scale") <= 0.0)
      return EventArgError{"scale", "a scale > 0", format_number(args.at("scale"), 6)};
    if (weight == -1.0 && args.at("scale") == 1.0)
      return EventArgError{"weight", "a weight or a scale other than 1", "neither"};
    return std::nullopt;
  };
  kind.create = [](const EventSpec& spec, const Scenario& scenario) -> std::unique_ptr<Event> {
    return std::make_unique<ChangeWeights>(spec, scenario);
  };
  return kind;
}

}  // namespace parley
