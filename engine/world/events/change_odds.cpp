#include "engine/world/events/change_odds.hpp"

#include "engine/run_state.hpp"
#include "engine/world/battlefield_bounds.hpp"
#include "engine/world/events/event_args.hpp"

namespace parley {

namespace {
class ChangeOdds final : public Event {
 public:
  explicit ChangeOdds(const EventSpec& spec)
      : q_(event_number(spec, "win_probability")),
        d_(event_number(spec, "decisive_probability")),
        m_(event_int(spec, "battles_per_round")) {}

  void apply(EventContext& ctx) const override {
    BattlefieldState& field = ctx.state().world.battlefield;
    if (q_ >= 0.0) field.win_probability = q_;
    if (d_ >= 0.0) field.decisive_probability = d_;
    if (m_ >= 1) field.battles_per_round = m_;
  }
  std::string describe(const Scenario& /*scenario*/) const override {
    std::string out = "battle odds:";
    if (q_ >= 0.0) out += concat(" q = ", format_number(q_, 6));
    if (d_ >= 0.0) out += concat(" d = ", format_number(d_, 6));
    if (m_ >= 1) out += concat(" m = ", std::to_string(m_));
    return out;
  }

 private:
  double q_;
  double d_;
  int m_;
};
}  // namespace

EventKind change_odds_kind() {
  EventKind kind;
  kind.name = "change_odds";
  kind.summary = "changes the battlefield's win probability, decisiveness or battles per round";
  kind.params = {{"win_probability", EventParamType::Number, false, -1.0, -1.0, 1.0,
                  "new q, the chance a decisive battle moves the front toward N; -1: unchanged"},
                 {"decisive_probability", EventParamType::Number, false, -1.0, -1.0, 1.0,
                  "new d, the chance a battle is decisive, at least 0.000001; -1: unchanged"},
                 {"battles_per_round", EventParamType::Integer, false, -1.0, -1.0, 1000.0,
                  "new m, battles per round; -1: unchanged"}};
  kind.validate = [](const std::map<std::string, double>& args,
                     const Scenario& scenario) -> std::optional<EventArgError> {
    if (!scenario.world.battlefield.present)
      return EventArgError{"win_probability", "a scenario with a world.battlefield", "none"};
    const double q = args.at("win_probability");
    const double d = args.at("decisive_probability");
    const double m = args.at("battles_per_round");
    if (q < 0.0 && d < 0.0 && m < 1.0)
      return EventArgError{"win_probability",
                           "at least one of win_probability, decisive_probability, "
                           "battles_per_round",
                           "none"};
    if (q > -1.0 && q < 0.0) return EventArgError{"win_probability", "-1 or in [0, 1]", "<0"};
    // The battlefield's own bound (kMinDecisiveProbability): a smaller d makes the value of
    // fighting on a near-singular system, refused here as in the file's world.battlefield.
    if (d > -1.0 && d < kMinDecisiveProbability)
      return EventArgError{"decisive_probability", "-1 or in [0.000001, 1]", format_number(d, 6)};
    if (m == 0.0) return EventArgError{"battles_per_round", "-1 or at least 1", "0"};
    return std::nullopt;
  };
  kind.create = [](const EventSpec& spec, const Scenario&) -> std::unique_ptr<Event> {
    return std::make_unique<ChangeOdds>(spec);
  };
  return kind;
}

}  // namespace parley
