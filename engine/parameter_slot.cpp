#include "engine/parameter_slot.hpp"

#include <cmath>
#include <limits>
#include <set>

#include "engine/input_error.hpp"

namespace parley {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

const char* const kWhatCanVary =
    "a number a sweep can vary: /parties/P/preferences/discount, "
    "/parties/P/preferences/cost_per_round, /parties/P/preferences/reservation[/TRACK], "
    "/parties/P/preferences/weights/ISSUE, /parties/P/agent/params/NAME, "
    "/protocol/breakdown_probability or /protocol/deadline_rounds";

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
  }
  return "the parameter";
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

ParameterSlot bind_parameter(const UncertainParameter& parameter, const Scenario& scenario,
                             const AgentRegistry& registry) {
  const std::string& pointer = parameter.pointer;
  if (pointer.empty() || pointer[0] != '/')
    parameter_error(parameter, "a JSON pointer starting with '/'", "\"" + pointer + "\"");
  const std::vector<std::string> t = split_pointer(pointer);
  ParameterSlot slot;
  slot.pointer = join_pointer(t);
  auto unknown = [&] { parameter_error(parameter, kWhatCanVary, pointer); };

  if (t.size() == 2 && t[0] == "protocol") {
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
      slot.legal = {0.0, kInf, false, true};
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

std::vector<ParameterSlot> bind_parameters(const UncertaintySpec& spec, const Scenario& scenario,
                                           const AgentRegistry& registry) {
  std::vector<ParameterSlot> slots;
  for (const UncertainParameter& p : spec.parameters) {
    ParameterSlot slot = bind_parameter(p, scenario, registry);
    for (const ParameterSlot& other : slots) {
      const bool same_reservation =
          slot.kind == SlotKind::Reservation && other.kind == SlotKind::Reservation &&
          slot.party == other.party && (slot.track < 0 || other.track < 0);
      if (other.pointer == slot.pointer || same_reservation)
        parameter_error(p, "each number varied once",
                        slot.pointer + " is already " + other.pointer);
    }
    slots.push_back(std::move(slot));
  }
  return slots;
}

}  // namespace parley
