#include "engine/scenario/parameter_slot.hpp"

#include <cmath>
#include <functional>
#include <limits>
#include <set>

#include "engine/format.hpp"
#include "engine/input_error.hpp"
#include "engine/world/battlefield_bounds.hpp"

namespace parley {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

const char* const kWhatCanVary =
    "a number a sweep can vary: /parties/P/preferences/discount, "
    "/parties/P/preferences/cost_per_round, /parties/P/preferences/reservation[/TRACK], "
    "/parties/P/preferences/weights/ISSUE, /parties/P/agent/params/NAME, "
    "/protocol/breakdown_probability, /protocol/deadline_rounds, "
    "/world/battlefield/{win_probability, decisive_probability, start}, "
    "/world/parties/ID/{victory_value, defeat_value} or "
    "/world/parties/ID/costs/KIND/{mean, sd, min, max, utility_per_unit}";

// RFC 6901 tokens, unescaped (~1 is '/', ~0 is '~').
std::vector<std::string> split_pointer(const std::string& pointer) {
  std::vector<std::string> tokens;
  std::size_t at = 1;
  while (at <= pointer.size()) {
    const std::size_t end = std::min(pointer.find('/', at), pointer.size());
    std::string token;
    for (std::size_t k = at; k < end; ++k) {
      if (pointer[k] == '~' && k + 1 < end && (pointer[k + 1] == '0' || pointer[k + 1] == '1')) {
        token += pointer[k + 1] == '1' ? '/' : '~';
        ++k;
      } else {
        token += pointer[k];
      }
    }
    tokens.push_back(std::move(token));
    at = end + 1;
  }
  return tokens;
}

std::string escape_token(const std::string& token) {
  std::string out;
  for (char c : token) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string join_pointer(const std::vector<std::string>& tokens) {
  std::string out;
  for (const auto& t : tokens) out.append("/").append(escape_token(t));
  return out;
}

bool is_index(const std::string& token) {
  if (token.empty() || token.size() > 9) return false;
  if (token.size() > 1 && token[0] == '0') return false;
  for (char c : token)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string party_list(const Scenario& s) {
  std::string out;
  for (std::size_t p = 0; p < s.parties.size(); ++p)
    out += (p ? ", " : "") + std::to_string(p) + " = " + s.parties[p].id;
  return out;
}

std::string last_token_text(const ParameterSlot& slot) {
  switch (slot.kind) {
    case SlotKind::Discount:
      return "a discount";
    case SlotKind::CostPerRound:
      return "a cost per round";
    case SlotKind::Reservation:
      return "a reservation value";
    case SlotKind::Weight:
      return "a weight";
    case SlotKind::BreakdownProbability:
      return "the breakdown probability";
    case SlotKind::DeadlineRounds:
      return "deadline_rounds";
    case SlotKind::AgentParameter:
      return "agent parameter '" + slot.agent_parameter_name + "'";
    case SlotKind::WinProbability:
      return "the battlefield's win_probability";
    case SlotKind::DecisiveProbability:
      return "the battlefield's decisive_probability";
    case SlotKind::BattlefieldStart:
      return "the battlefield's start";
    case SlotKind::VictoryValue:
      return "a victory_value";
    case SlotKind::DefeatValue:
      return "a defeat_value";
    case SlotKind::CostMean:
      return "a cost's mean";
    case SlotKind::CostSd:
      return "a cost's sd";
    case SlotKind::CostMin:
      return "a cost's min";
    case SlotKind::CostMax:
      return "a cost's max";
    case SlotKind::CostUtilityPerUnit:
      return "a cost's utility_per_unit";
  }
  return "the parameter";
}

// The party's cost of one kind as the file gives it (a party the world block leaves out, or a
// kind it gives no cost of, has the default: fixed 0, worth nothing).
PartyCost file_cost(const Scenario& s, int party, int kind) {
  const auto& parties = s.world.parties;
  if (static_cast<std::size_t>(party) < parties.size() &&
      static_cast<std::size_t>(kind) < parties[party].costs.size())
    return parties[party].costs[kind];
  return PartyCost{};
}

// /world/...: the battlefield's parameters and a party's war values and costs (the ranges are
// those the world loader and engine/world/cost_distribution.cpp enforce).
void bind_world(const std::vector<std::string>& t, const UncertainParameter& parameter,
                const Scenario& s, ParameterSlot& slot, const std::function<void()>& unknown) {
  const WorldSpec& world = s.world;
  const BattlefieldSpec& b = world.battlefield;
  if (t.size() == 3 && t[1] == "battlefield") {
    if (!b.present) parameter_error(parameter, "a scenario with a world.battlefield", "none");
    if (t[2] == "win_probability") {
      slot.kind = SlotKind::WinProbability;
      slot.legal = {0.0, 1.0, false, false};
      slot.baseline = b.win_probability;
    } else if (t[2] == "decisive_probability") {
      slot.kind = SlotKind::DecisiveProbability;
      slot.legal = {kMinDecisiveProbability, 1.0, false, false};  // the schema's range
      slot.baseline = b.decisive_probability;
    } else if (t[2] == "start") {
      slot.kind = SlotKind::BattlefieldStart;
      slot.legal = {1.0, static_cast<double>(b.states - 1), false, false};
      slot.integer = true;
      slot.baseline = b.start;
    } else {
      unknown();
    }
    return;
  }
  if (t.size() < 4 || t[1] != "parties") unknown();
  for (std::size_t p = 0; p < s.parties.size(); ++p)
    if (s.parties[p].id == t[2]) slot.party = static_cast<int>(p);
  if (slot.party < 0) {
    std::string ids;
    for (const Party& party : s.parties) ids += (ids.empty() ? "" : ", ") + party.id;
    parameter_error(parameter, "a party id at /world/parties/" + t[2] + " (" + ids + ")", t[2]);
  }
  const std::string& id = s.parties[slot.party].id;
  if (t.size() == 4 && (t[3] == "victory_value" || t[3] == "defeat_value")) {
    // Only the two parties fighting on the battlefield have a value of fighting on.
    if (!b.present || (slot.party != b.up_party && slot.party != b.down_party))
      parameter_error(
          parameter,
          "a party fighting on the battlefield (the war values of " + id + " are used only there)",
          id);
    const PartyWarSpec war = static_cast<std::size_t>(slot.party) < world.parties.size()
                                 ? world.parties[slot.party]
                                 : PartyWarSpec{};
    const bool victory = t[3] == "victory_value";
    slot.kind = victory ? SlotKind::VictoryValue : SlotKind::DefeatValue;
    slot.legal = {0.0, 1.0, false, false};
    slot.baseline = victory ? war.victory_value : war.defeat_value;
    return;
  }
  if (t.size() != 6 || t[3] != "costs") unknown();
  for (std::size_t k = 0; k < world.cost_kinds.size(); ++k)
    if (world.cost_kinds[k].id == t[4]) slot.cost_kind = static_cast<int>(k);
  if (slot.cost_kind < 0) {
    std::string ids;
    for (const CostKind& k : world.cost_kinds) ids += (ids.empty() ? "" : ", ") + k.id;
    parameter_error(parameter,
                    "a cost kind in /world/costs after /costs/ (" +
                        (ids.empty() ? std::string("the scenario declares none") : ids) + ")",
                    t[4]);
  }
  const PartyCost cost = file_cost(s, slot.party, slot.cost_kind);
  const CostDistribution& d = cost.per_round;
  const bool uniform = d.kind == CostDistributionKind::Uniform;
  const bool spread =
      d.kind == CostDistributionKind::Lognormal || d.kind == CostDistributionKind::Gamma;
  const std::string& field = t[5];
  if (field == "utility_per_unit") {
    slot.kind = SlotKind::CostUtilityPerUnit;
    slot.legal = {0.0, kInf, false, true};
    slot.baseline = cost.utility_per_unit;
  } else if (field == "mean" && !uniform) {
    slot.kind = SlotKind::CostMean;
    // Lognormal and gamma need a positive mean (check_cost_distribution).
    slot.legal = {0.0, kInf, spread, true};
    slot.baseline = d.mean;
  } else if (field == "sd" && spread) {
    slot.kind = SlotKind::CostSd;
    slot.legal = {0.0, kInf, true, true};
    slot.baseline = d.sd;
  } else if ((field == "min" || field == "max") && uniform) {
    // min <= max is checked against the other bound (or its distribution) in check_uniform.
    slot.kind = field == "min" ? SlotKind::CostMin : SlotKind::CostMax;
    slot.legal = {0.0, kInf, false, true};
    slot.baseline = field == "min" ? d.min : d.max;
  } else {
    const std::string fields = uniform  ? "min, max, utility_per_unit"
                               : spread ? "mean, sd, utility_per_unit"
                                        : "mean, utility_per_unit";
    parameter_error(parameter,
                    std::string("a parameter of ") + id + "'s " + to_string(d.kind) + " cost '" +
                        t[4] + "' (" + fields + ")",
                    field);
  }
}

// A uniform cost keeps min <= max in every run: each varied bound's reach is checked against
// the other bound's file value or, when both vary, against the other's reach.
void check_uniform(const std::vector<ParameterSlot>& slots,
                   const std::vector<const UncertainParameter*>& parameters, const Scenario& s) {
  for (std::size_t i = 0; i < slots.size(); ++i) {
    const ParameterSlot& slot = slots[i];
    if (slot.kind != SlotKind::CostMin && slot.kind != SlotKind::CostMax) continue;
    const bool is_min = slot.kind == SlotKind::CostMin;
    const SlotKind other_kind = is_min ? SlotKind::CostMax : SlotKind::CostMin;
    const CostDistribution d = file_cost(s, slot.party, slot.cost_kind).per_round;
    double other = is_min ? d.max : d.min;
    std::string other_text = format_number(other, 6);
    for (std::size_t j = 0; j < slots.size(); ++j)
      if (slots[j].kind == other_kind && slots[j].party == slot.party &&
          slots[j].cost_kind == slot.cost_kind) {
        const ValueRange r = support(parameters[j]->distribution);
        other = is_min ? r.lo : r.hi;
        other_text = std::string(is_min ? "the least" : "the greatest") +
                     " value of its distribution, " + format_number(other, 6);
      }
    const ValueRange reach = support(parameters[i]->distribution);
    const bool fine = is_min ? reach.hi <= other : reach.lo >= other;
    if (!fine)
      parameter_error(
          *parameters[i],
          std::string("a distribution of the uniform cost's ") +
              (is_min ? "min that stays at or below its max ("
                      : "max that stays at or above its min (") +
              other_text + ")",
          describe(parameters[i]->distribution) + ", which reaches " + reach.describe());
  }
}

}  // namespace

void parameter_error(const UncertainParameter& parameter, const std::string& expected,
                     const std::string& found) {
  const Declaration& d = parameter.declared;
  if (d.line > 0 || !d.pointer.empty())
    throw InputError(d.file, d.line, d.column, d.pointer, expected, found);
  throw InputError(d.file.empty() ? std::string("--vary") : d.file, 0, 0, parameter.pointer,
                   expected, found);
}

namespace {

ParameterSlot bind_one(const UncertainParameter& parameter, const Scenario& scenario,
                       const AgentRegistry& registry) {
  const std::string& pointer = parameter.pointer;
  if (pointer.empty() || pointer[0] != '/')
    parameter_error(parameter, "a JSON pointer starting with '/'", "\"" + pointer + "\"");
  const std::vector<std::string> t = split_pointer(pointer);
  ParameterSlot slot;
  slot.pointer = join_pointer(t);
  const std::function<void()> unknown = [&] { parameter_error(parameter, kWhatCanVary, pointer); };

  if (t.size() >= 2 && t[0] == "world") {
    bind_world(t, parameter, scenario, slot, unknown);
  } else if (t.size() == 2 && t[0] == "protocol") {
    if (t[1] == "breakdown_probability") {
      slot.kind = SlotKind::BreakdownProbability;
      slot.legal = {0.0, 1.0, false, true};
      slot.baseline = scenario.protocol.breakdown_probability;
    } else if (t[1] == "deadline_rounds") {
      slot.kind = SlotKind::DeadlineRounds;
      slot.legal = {0.0, 1e9, false, false};
      slot.integer = true;
      slot.baseline = scenario.protocol.deadline_rounds;
    } else {
      unknown();
    }
  } else if (t.size() >= 4 && t[0] == "parties") {
    if (!is_index(t[1]) || std::stoul(t[1]) >= scenario.parties.size())
      parameter_error(
          parameter, "a party index at /parties/" + t[1] + " (" + party_list(scenario) + ")", t[1]);
    slot.party = std::stoi(t[1]);
    const Party& party = scenario.parties[slot.party];
    const Preferences& prefs = party.preferences;
    if (t[2] == "preferences" && t.size() == 4 && t[3] == "discount") {
      slot.kind = SlotKind::Discount;
      slot.legal = {0.0, 1.0, true, false};
      slot.baseline = prefs.discount;
    } else if (t[2] == "preferences" && t.size() == 4 && t[3] == "cost_per_round") {
      slot.kind = SlotKind::CostPerRound;
      slot.legal = {0.0, 1.0, false, false};  // the schema's range: utility lost per round
      slot.baseline = prefs.cost_per_round;
    } else if (t[2] == "preferences" && t[3] == "reservation" && t.size() <= 5) {
      slot.kind = SlotKind::Reservation;
      slot.legal = {0.0, 1.0, false, false};
      if (t.size() == 5) {
        slot.track = scenario.track_index(t[4]);
        if (slot.track < 0) {
          std::string tracks;
          for (const Track& track : scenario.tracks)
            tracks += (tracks.empty() ? "" : ", ") + track.id;
          parameter_error(parameter, "a track id after /reservation/ (" + tracks + ")", t[4]);
        }
      }
      slot.baseline = prefs.reservation[slot.track < 0 ? 0 : slot.track];
    } else if (t[2] == "preferences" && t[3] == "weights" && t.size() == 5) {
      slot.kind = SlotKind::Weight;
      slot.issue = scenario.issue_index(t[4]);
      if (slot.issue < 0) parameter_error(parameter, "an issue id after /weights/", t[4]);
      slot.legal = {0.0, kInf, true, true};
      slot.baseline = prefs.weights[slot.issue];
    } else if (t[2] == "agent" && t.size() == 5 && t[3] == "params") {
      slot.kind = SlotKind::AgentParameter;
      const AgentModel* model = registry.find(party.agent.model);
      const ParamSpec* spec = nullptr;
      std::string known;
      if (model) {
        for (const ParamSpec& p : model->params) {
          known += (known.empty() ? "" : ", ") + p.name;
          if (p.name == t[4]) spec = &p;
        }
      }
      if (!spec)
        parameter_error(parameter,
                        "a parameter of agent model '" + party.agent.model + "' (" +
                            (known.empty() ? std::string("it takes none") : known) + ")",
                        t[4]);
      slot.agent_parameter_name = spec->name;
      slot.legal = {spec->min, spec->max, false, false};
      slot.integer = spec->integer;
      const auto given = party.agent.params.find(spec->name);
      slot.baseline = given != party.agent.params.end() ? given->second : spec->default_value;
      // Position in the party's resolved table (a std::map: name order), so a run finds the
      // number by walking, not by string comparison.
      std::set<std::string> names;
      for (const ParamSpec& p : model->params) names.insert(p.name);
      slot.agent_parameter = static_cast<int>(std::distance(names.begin(), names.find(spec->name)));
    } else {
      unknown();
    }
  } else {
    unknown();
  }

  const Distribution& d = parameter.distribution;
  if (const auto problem = check(d))
    parameter_error(parameter, describe(d) + ": " + problem->field + " " + problem->expected,
                    problem->found);
  const ValueRange reach = support(d);
  if (!slot.legal.encloses(reach))
    parameter_error(parameter,
                    "a distribution that stays inside the legal range " + slot.legal.describe() +
                        " of " + last_token_text(slot) +
                        " (parley does not truncate or redraw values; a truncated_normal or "
                        "beta keeps inside a range)",
                    describe(d) + ", which reaches " + reach.describe());
  if (slot.integer) {
    bool whole = d.kind == DistributionKind::Fixed || d.kind == DistributionKind::Discrete;
    if (d.kind == DistributionKind::Fixed) whole = d.value == std::floor(d.value);
    for (double v : d.values) whole = whole && v == std::floor(v);
    if (!whole)
      parameter_error(parameter,
                      "a fixed or discrete distribution of whole numbers for " +
                          last_token_text(slot) + " (an integer)",
                      describe(d));
  }
  return slot;
}

}  // namespace

ParameterSlot bind_parameter(const UncertainParameter& parameter, const Scenario& scenario,
                             const AgentRegistry& registry) {
  std::vector<ParameterSlot> slots{bind_one(parameter, scenario, registry)};
  check_uniform(slots, {&parameter}, scenario);
  return slots.front();
}

std::vector<ParameterSlot> bind_parameters(const UncertaintySpec& spec, const Scenario& scenario,
                                           const AgentRegistry& registry) {
  std::vector<ParameterSlot> slots;
  std::vector<const UncertainParameter*> parameters;
  for (const UncertainParameter& p : spec.parameters) {
    ParameterSlot slot = bind_one(p, scenario, registry);
    for (const ParameterSlot& other : slots) {
      const bool same_reservation =
          slot.kind == SlotKind::Reservation && other.kind == SlotKind::Reservation &&
          slot.party == other.party && (slot.track < 0 || other.track < 0);
      if (other.pointer == slot.pointer || same_reservation)
        parameter_error(p, "each number varied once",
                        slot.pointer + " is already " + other.pointer);
    }
    slots.push_back(std::move(slot));
    parameters.push_back(&p);
  }
  check_uniform(slots, parameters, scenario);
  return slots;
}

}  // namespace parley
