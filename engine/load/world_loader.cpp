#include "engine/load/world_loader.hpp"

#include <algorithm>
#include <cmath>

#include "engine/event.hpp"
#include "engine/format.hpp"
#include "engine/load/message_text.hpp"
#include "engine/world/cost_distribution.hpp"

namespace parley {

namespace {
using Json = nlohmann::json;

std::string known(const std::vector<std::string>& ids) {
  if (ids.empty()) return "(none are declared)";
  return "(known: " + plain_list(ids) + ")";
}

class WorldReader {
 public:
  WorldReader(const JsonDocument& document, Scenario& scenario) : doc_(document), s_(scenario) {
    for (const Party& p : s_.parties) party_ids_.push_back(p.id);
    for (const Track& t : s_.tracks) track_ids_.push_back(t.id);
    for (const Issue& i : s_.issues) issue_ids_.push_back(i.id);
  }

  void read() {
    if (has("/world")) read_world_block();
    if (has("/pressure")) read_pressure();
    if (has("/events")) read_events();
    if (has("/implementation")) read_implementation();
  }

 private:
  const JsonDocument& doc_;
  Scenario& s_;
  std::vector<std::string> party_ids_, track_ids_, issue_ids_, cost_ids_, lever_ids_;

  bool has(const std::string& p) const { return doc_.contains(p); }
  const Json& at(const std::string& p) const { return doc_.at(p); }
  std::string text(const std::string& p, std::string fallback = {}) const {
    return has(p) ? at(p).get<std::string>() : fallback;
  }
  double number(const std::string& p, double fallback) const {
    return has(p) ? at(p).get<double>() : fallback;
  }
  int integer(const std::string& p, int fallback) const {
    return has(p) ? at(p).get<int>() : fallback;
  }
  std::size_t size(const std::string& p) const { return has(p) ? at(p).size() : 0; }

  [[noreturn]] void fail(const std::string& p, std::string expected, std::string found) const {
    throw doc_.error(p, std::move(expected), std::move(found));
  }
  [[noreturn]] void fail_key(const std::string& p, std::string expected, std::string found) const {
    throw doc_.key_error(p, std::move(expected), std::move(found));
  }

  // The index of the id at `p` among `ids`, or an error naming `what`.
  int reference(const std::string& p, const std::vector<std::string>& ids,
                const std::string& what) const {
    const std::string id = at(p).get<std::string>();
    const auto it = std::find(ids.begin(), ids.end(), id);
    if (it == ids.end())
      fail(p, "the id of " + what + " " + known(ids), with_suggestion(quote(id), id, ids));
    return static_cast<int>(it - ids.begin());
  }
  // For object keys that must be ids (world.parties, sides).
  int key_reference(const std::string& p, const std::string& id,
                    const std::vector<std::string>& ids, const std::string& what) const {
    const auto it = std::find(ids.begin(), ids.end(), id);
    if (it == ids.end())
      fail_key(p, "the id of " + what + " " + known(ids), with_suggestion(quote(id), id, ids));
    return static_cast<int>(it - ids.begin());
  }

  void claim(const std::string& p, std::vector<std::string>& ids, const std::string& what) {
    const std::string id = at(p).get<std::string>();
    if (std::find(ids.begin(), ids.end(), id) != ids.end())
      fail(p, what + " not used before", quote(id) + " again");
    ids.push_back(id);
  }

  // A round, given as an integer or as a date on the clock: the round whose days hold it.
  int round_of(const std::string& p) const {
    if (at(p).is_number_integer()) return at(p).get<int>();
    Date date;
    if (!Date::parse(at(p).get<std::string>(), date))
      fail(p, "a real calendar date, YYYY-MM-DD", doc_.literal(p));
    const long days = date.days_since_epoch() - s_.clock.start.days_since_epoch();
    if (days < 0)
      fail(p, "a date on or after the clock's start (" + s_.clock.start.to_string() + ")",
           doc_.literal(p));
    return static_cast<int>(days / s_.clock.days_per_round);
  }

  // -- world -----------------------------------------------------------------------------------
  void read_world_block() {
    WorldSpec& w = s_.world;
    for (std::size_t k = 0; k < size("/world/costs"); ++k) {
      const std::string p = child_pointer("/world/costs", k);
      claim(p + "/id", cost_ids_, "a cost kind id");
      w.cost_kinds.push_back(
          CostKind{text(p + "/id"), text(p + "/label", text(p + "/id")), text(p + "/unit")});
    }
    w.parties.assign(s_.parties.size(), PartyWarSpec{});
    for (PartyWarSpec& ps : w.parties) ps.costs.assign(w.cost_kinds.size(), PartyCost{});
    for (const std::string& id : doc_.keys("/world/parties")) {
      const std::string p = child_pointer("/world/parties", id);
      const int party = key_reference(p, id, party_ids_, "a party");
      read_party_war(p, w.parties[party]);
    }
    if (has("/world/battlefield")) read_battlefield("/world/battlefield");
    for (std::size_t k = 0; k < size("/world/war_tracks"); ++k) {
      const std::string p = child_pointer("/world/war_tracks", k);
      if (!w.battlefield.present)
        fail(p, "war tracks only with a \"battlefield\" (their reservation is its value)",
             doc_.literal(p));
      add_track(p, w.war_tracks);
    }
    if (has("/world/ceasefire_tracks"))
      for (std::size_t k = 0; k < size("/world/ceasefire_tracks"); ++k)
        add_track(child_pointer("/world/ceasefire_tracks", k), w.ceasefire_tracks);
    else
      w.ceasefire_tracks = w.war_tracks;
  }

  void add_track(const std::string& p, std::vector<int>& tracks) const {
    const int t = reference(p, track_ids_, "a track");
    if (std::find(tracks.begin(), tracks.end(), t) != tracks.end())
      fail(p, "each track once", quote(track_ids_[t]) + " again");
    tracks.push_back(t);
  }

  void read_battlefield(const std::string& p) {
    BattlefieldSpec& b = s_.world.battlefield;
    b.present = true;
    b.states = integer(p + "/states", 0);
    b.start = integer(p + "/start", 0);
    if (!(b.start > 0 && b.start < b.states))
      fail(p + "/start", "a state strictly between 0 and states (" + std::to_string(b.states) + ")",
           doc_.literal(p + "/start"));
    b.up_party = reference(p + "/up", party_ids_, "a party");
    b.down_party = reference(p + "/down", party_ids_, "a party");
    if (b.up_party == b.down_party)
      fail(p + "/down", "a party other than \"up\" (" + party_ids_[b.up_party] + ")",
           doc_.literal(p + "/down"));
    if (has(p + "/win_probability") && has(p + "/drift"))
      fail(p + "/drift", "either win_probability or drift, not both", doc_.literal(p + "/drift"));
    b.win_probability = has(p + "/drift") ? (1.0 + number(p + "/drift", 0.0)) / 2.0
                                          : number(p + "/win_probability", 0.5);
    b.decisive_probability = number(p + "/decisive_probability", 1.0);
    b.battles_per_round = integer(p + "/battles_per_round", 1);
  }

  void read_party_war(const std::string& p, PartyWarSpec& ps) {
    ps.victory_value = number(p + "/victory_value", 1.0);
    ps.defeat_value = number(p + "/defeat_value", 0.0);
    for (const std::string& id : doc_.keys(p + "/costs")) {
      const std::string q = child_pointer(p + "/costs", id);
      const int kind = key_reference(q, id, cost_ids_, "a cost kind in /world/costs");
      PartyCost& cost = ps.costs[kind];
      CostDistribution& d = cost.per_round;
      const std::string name = text(q + "/distribution", "fixed");
      if (name == "fixed") d.kind = CostDistributionKind::Fixed;
      if (name == "uniform") d.kind = CostDistributionKind::Uniform;
      if (name == "poisson") d.kind = CostDistributionKind::Poisson;
      if (name == "lognormal") d.kind = CostDistributionKind::Lognormal;
      if (name == "gamma") d.kind = CostDistributionKind::Gamma;
      const bool uniform = d.kind == CostDistributionKind::Uniform;
      const bool spread =
          d.kind == CostDistributionKind::Lognormal || d.kind == CostDistributionKind::Gamma;
      const std::vector<std::string> wanted = uniform  ? std::vector<std::string>{"min", "max"}
                                              : spread ? std::vector<std::string>{"mean", "sd"}
                                                       : std::vector<std::string>{"mean"};
      for (const std::string key : {"mean", "sd", "min", "max"}) {
        const bool is_wanted = std::find(wanted.begin(), wanted.end(), key) != wanted.end();
        if (!is_wanted && has(q + "/" + key))
          fail_key(q + "/" + key,
                   "the parameters of a " + name + " distribution (" + plain_list(wanted) + ")",
                   quote(key));
        if (is_wanted && !has(q + "/" + key))
          fail(q, "a \"" + key + "\" for a " + name + " distribution", "none");
      }
      d.mean = number(q + "/mean", 0.0);
      d.sd = number(q + "/sd", 0.0);
      d.min = number(q + "/min", 0.0);
      d.max = number(q + "/max", 0.0);
      if (uniform) {
        if (d.max < d.min)
          fail(q + "/max", "a maximum not below min (" + doc_.literal(q + "/min") + ")",
               doc_.literal(q + "/max"));
        d.mean = (d.min + d.max) / 2;
      }
      const std::string problem = check_cost_distribution(d);
      if (!problem.empty()) fail(q, problem, "mean " + format_number(d.mean, 6));
      cost.utility_per_unit = number(q + "/utility_per_unit", 0.0);
      cost.source = text(q + "/source");
    }
  }

  // -- pressure --------------------------------------------------------------------------------
  void read_pressure() {
    for (std::size_t k = 0; k < size("/pressure"); ++k) {
      const std::string p = child_pointer("/pressure", k);
      claim(p + "/id", lever_ids_, "a pressure lever id");
      PressureLever l;
      l.id = text(p + "/id");
      l.actor = text(p + "/actor");
      l.label = text(p + "/label");
      l.source = text(p + "/source");
      l.party = reference(p + "/party", party_ids_, "a party");
      if (has(p + "/cost")) {
        if (cost_ids_.empty())
          fail(p + "/cost", "a cost kind declared in /world/costs", doc_.literal(p + "/cost"));
        l.cost_kind = reference(p + "/cost", cost_ids_, "a cost kind in /world/costs");
      } else if (has(p + "/cost_multiplier") || has(p + "/cost_add")) {
        fail(p, "a \"cost\" (the cost kind it changes)", "none");
      }
      l.cost_multiplier = number(p + "/cost_multiplier", 1.0);
      l.cost_add = number(p + "/cost_add", 0.0);
      l.discount_factor = number(p + "/discount_factor", 1.0);
      l.active = has(p + "/active") ? at(p + "/active").get<bool>() : true;
      if (s_.world.parties.empty()) s_.world.parties.assign(s_.parties.size(), PartyWarSpec{});
      s_.world.pressure.push_back(std::move(l));
    }
  }

  // -- events ----------------------------------------------------------------------------------
  void read_events() {
    const EventKindRegistry& kinds = builtin_event_kinds();
    std::vector<std::string> event_ids;
    for (std::size_t k = 0; k < size("/events"); ++k) {
      const std::string p = child_pointer("/events", k);
      claim(p + "/id", event_ids, "an event id");
      EventSpec e;
      e.id = text(p + "/id");
      e.kind = text(p + "/kind");
      e.label = text(p + "/label");
      e.source = text(p + "/source");
      const EventKind* kind = kinds.find(e.kind);
      if (!kind)
        fail(p + "/kind", "an event kind " + known(kinds.names()),
             with_suggestion(quote(e.kind), e.kind, kinds.names()));
      std::vector<std::string> timings;
      for (const char* key : {"round", "date", "hazard"})
        if (has(p + "/" + key)) timings.push_back(key);
      if (timings.size() != 1)
        fail(p, "exactly one of \"round\", \"date\" (scheduled) or \"hazard\" (random)",
             timings.empty() ? "none" : quoted_list(timings));
      if (has(p + "/round")) e.round = integer(p + "/round", 0);
      if (has(p + "/date")) {
        e.date = text(p + "/date");
        e.round = round_of(p + "/date");
      }
      const bool random = has(p + "/hazard");
      for (const char* key : {"from", "until", "max_fires"})
        if (!random && has(p + "/" + key))
          fail_key(p + "/" + key,
                   "no \"" + std::string(key) +
                       "\" on a scheduled event (a window is for random events, with \"hazard\")",
                   quote(key));
      if (random) {
        e.hazard = number(p + "/hazard", 0.0);
        e.from_round = has(p + "/from") ? round_of(p + "/from") : 0;
        e.until_round = has(p + "/until") ? round_of(p + "/until") : -1;
        if (e.until_round >= 0 && e.until_round < e.from_round)
          fail(p + "/until", "a round not before \"from\" (" + std::to_string(e.from_round) + ")",
               doc_.literal(p + "/until"));
        e.max_fires = integer(p + "/max_fires", 1);
      }
      if (has(p + "/unless_agreed"))
        e.unless_agreed = reference(p + "/unless_agreed", track_ids_, "a track");
      std::map<std::string, double> given;
      for (const std::string& name : doc_.keys(p + "/params"))
        given[name] = read_event_param(*kind, child_pointer(p + "/params", name), name);
      if (const auto error = resolve_event_args(*kind, given, s_, e.args)) {
        const std::string q = child_pointer(p + "/params", error->param);
        fail(has(q) ? q : (has(p + "/params") ? p + "/params" : p), error->expected, error->found);
      }
      s_.world.events.push_back(std::move(e));
    }
  }

  // One parameter of an event: ids become indices; booleans 0 or 1.
  double read_event_param(const EventKind& kind, const std::string& q,
                          const std::string& name) const {
    const auto spec = std::find_if(kind.params.begin(), kind.params.end(),
                                   [&](const EventParam& e) { return e.name == name; });
    if (spec == kind.params.end()) {
      std::vector<std::string> names;
      for (const EventParam& e : kind.params) names.push_back(e.name);
      fail_key(q, "a parameter of event kind " + quote(kind.name) + " " + known(names),
               with_suggestion(quote(name), name, names));
    }
    const Json& v = at(q);
    switch (spec->type) {
      case EventParamType::Number:
      case EventParamType::Integer:
        if (!v.is_number()) fail(q, std::string("a ") + to_string(spec->type), doc_.describe(q));
        if (spec->type == EventParamType::Integer && v.get<double>() != std::floor(v.get<double>()))
          fail(q, "an integer", doc_.literal(q));
        if (!(v.get<double>() >= spec->min && v.get<double>() <= spec->max))
          fail(q,
               std::string("a ") + to_string(spec->type) + " in [" + format_number(spec->min, 6) +
                   ", " + format_number(spec->max, 6) + "]",
               doc_.literal(q));
        return v.get<double>();
      case EventParamType::Boolean:
        if (!v.is_boolean()) fail(q, "true or false", doc_.describe(q));
        return v.get<bool>() ? 1.0 : 0.0;
      default:
        break;
    }
    if (!v.is_string()) fail(q, std::string("a ") + to_string(spec->type), doc_.describe(q));
    switch (spec->type) {
      case EventParamType::Party:
        return reference(q, party_ids_, "a party");
      case EventParamType::Track:
        return reference(q, track_ids_, "a track");
      case EventParamType::Issue:
        return reference(q, issue_ids_, "an issue");
      case EventParamType::CostKind:
        return reference(q, cost_ids_, "a cost kind in /world/costs");
      case EventParamType::Lever:
        return reference(q, lever_ids_, "a pressure lever");
      default:
        return 0.0;
    }
  }

  // -- implementation --------------------------------------------------------------------------
  void read_implementation() {
    std::vector<std::string> ids;
    for (std::size_t k = 0; k < size("/implementation"); ++k) {
      const std::string p = child_pointer("/implementation", k);
      claim(p + "/id", ids, "an implementation id");
      ImplementationSpec item;
      item.id = text(p + "/id");
      item.label = text(p + "/label");
      item.source = text(p + "/source");
      item.track = reference(p + "/track", track_ids_, "a track");
      if (has(p + "/issue")) {
        item.issue = reference(p + "/issue", issue_ids_, "an issue");
        const auto& on = s_.tracks[item.track].issues;
        if (std::find(on.begin(), on.end(), item.issue) == on.end())
          fail(p + "/issue", "an issue on track " + quote(track_ids_[item.track]),
               quote(issue_ids_[item.issue]));
      }
      item.probability = number(p + "/probability", 1.0);
      if (has(p + "/delay") && at(p + "/delay").is_object()) {
        item.delay_min = integer(p + "/delay/min", 0);
        item.delay_max = integer(p + "/delay/max", 0);
        if (item.delay_max < item.delay_min)
          fail(p + "/delay/max", "a maximum not below min (" + doc_.literal(p + "/delay/min") + ")",
               doc_.literal(p + "/delay/max"));
      } else {
        item.delay_min = item.delay_max = integer(p + "/delay", 0);
      }
      item.sides.assign(s_.parties.size(), ImplementationSide{});
      for (const std::string& id : doc_.keys(p + "/sides")) {
        const std::string q = child_pointer(p + "/sides", id);
        ImplementationSide& side = item.sides[key_reference(q, id, party_ids_, "a party")];
        side.probability = number(q + "/probability", 1.0);
        if (has(q + "/fraction") && at(q + "/fraction").is_object()) {
          side.fraction_min = number(q + "/fraction/min", 0.0);
          side.fraction_max = number(q + "/fraction/max", 1.0);
          if (side.fraction_max < side.fraction_min)
            fail(q + "/fraction/max",
                 "a maximum not below min (" + doc_.literal(q + "/fraction/min") + ")",
                 doc_.literal(q + "/fraction/max"));
        } else {
          side.fraction_min = side.fraction_max = number(q + "/fraction", 1.0);
        }
      }
      s_.world.implementation.push_back(std::move(item));
    }
  }
};
}  // namespace

void read_world(const JsonDocument& document, Scenario& scenario) {
  WorldReader(document, scenario).read();
}

}  // namespace parley
