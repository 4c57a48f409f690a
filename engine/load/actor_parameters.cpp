#include "engine/load/actor_parameters.hpp"

#include <limits>

#include "engine/scenario/parameter_slot.hpp"

namespace parley {

namespace {

const char* const kWhatCanVary =
    "a number of the actor table a forecast sweep can vary: /actors/members/P/capability, "
    "/actors/members/P/positions/DIM or /actors/members/P/saliences/DIM (P the actor's index, "
    "DIM a dimension id)";

// RFC 6901 tokens, unescaped (~1 is '/', ~0 is '~').
std::vector<std::string> tokens_of(const std::string& pointer) {
  std::vector<std::string> out;
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
    out.push_back(std::move(token));
    at = end + 1;
  }
  return out;
}

bool is_index(const std::string& token) {
  if (token.empty() || token.size() > 9 || (token.size() > 1 && token[0] == '0')) return false;
  for (char c : token)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string what_it_is(const ActorSlot& slot, const forecast::ActorTable& table) {
  const std::string& actor = table.actors[static_cast<std::size_t>(slot.actor)].id;
  switch (slot.kind) {
    case ActorSlotKind::Capability:
      return "the capability of " + actor;
    case ActorSlotKind::Position:
      return "the position of " + actor + " on " +
             table.dimensions[static_cast<std::size_t>(slot.dimension)].id;
    case ActorSlotKind::Salience:
      return "the salience of " + actor + " on " +
             table.dimensions[static_cast<std::size_t>(slot.dimension)].id;
  }
  return "";
}

ActorSlot bind_one(const UncertainParameter& parameter, const forecast::ActorTable& table) {
  const std::string& pointer = parameter.pointer;
  if (pointer.empty() || pointer[0] != '/')
    parameter_error(parameter, "a JSON pointer starting with '/'", "\"" + pointer + "\"");
  const std::vector<std::string> t = tokens_of(pointer);
  if (t.size() < 4 || t[0] != "actors" || t[1] != "members")
    parameter_error(parameter, kWhatCanVary, pointer);
  if (!is_index(t[2]) || std::stoul(t[2]) >= table.actors.size())
    parameter_error(parameter,
                    "an actor's index from 0 to " + std::to_string(table.actors.size() - 1) +
                        " after /actors/members/",
                    "\"" + t[2] + "\"");
  ActorSlot slot;
  slot.pointer = pointer;
  slot.actor = static_cast<int>(std::stoul(t[2]));
  const forecast::Stakeholder& actor = table.actors[static_cast<std::size_t>(slot.actor)];
  slot.column = "/actors/members/" + actor.id + pointer.substr(pointer.find('/', 17));
  const double inf = std::numeric_limits<double>::infinity();
  if (t.size() == 4 && t[3] == "capability") {
    slot.kind = ActorSlotKind::Capability;
    slot.legal = {0.0, inf, true, true};
  } else if (t.size() == 5 && (t[3] == "positions" || t[3] == "saliences")) {
    std::string ids;
    slot.dimension = -1;
    for (std::size_t d = 0; d < table.dimensions.size(); ++d) {
      ids += (ids.empty() ? "" : ", ") + table.dimensions[d].id;
      if (table.dimensions[d].id == t[4]) slot.dimension = static_cast<int>(d);
    }
    if (slot.dimension < 0)
      parameter_error(parameter, "a dimension id after /" + t[3] + "/ (" + ids + ")",
                      "\"" + t[4] + "\"");
    const forecast::PolicyDimension& dim =
        table.dimensions[static_cast<std::size_t>(slot.dimension)];
    if (t[3] == "positions") {
      slot.kind = ActorSlotKind::Position;
      slot.legal = {dim.low, dim.high, false, false};
    } else {
      slot.kind = ActorSlotKind::Salience;
      slot.legal = {0.0, 1.0, false, false};
    }
  } else {
    parameter_error(parameter, kWhatCanVary, pointer);
  }
  const Distribution& d = parameter.distribution;
  if (const auto problem = check(d))
    parameter_error(parameter, describe(d) + ": " + problem->field + " " + problem->expected,
                    problem->found);
  const ValueRange reach = support(d);
  if (!slot.legal.encloses(reach))
    parameter_error(parameter,
                    "a distribution that stays inside the legal range " + slot.legal.describe() +
                        " of " + what_it_is(slot, table) +
                        " (parley does not truncate or redraw values; a truncated_normal or "
                        "beta keeps inside a range)",
                    describe(d) + ", which reaches " + reach.describe());
  return slot;
}

}  // namespace

std::vector<ActorSlot> bind_actor_parameters(const UncertaintySpec& spec,
                                             const forecast::ActorTable& table) {
  std::vector<ActorSlot> slots;
  for (const UncertainParameter& p : spec.parameters) {
    ActorSlot slot = bind_one(p, table);
    for (const ActorSlot& other : slots)
      if (other.kind == slot.kind && other.actor == slot.actor && other.dimension == slot.dimension)
        parameter_error(p, "each number varied once",
                        slot.pointer + " is already " + other.pointer);
    slots.push_back(std::move(slot));
  }
  return slots;
}

void apply_actor_parameters(const std::vector<ActorSlot>& slots, const double* values,
                            forecast::ActorTable& table) {
  for (std::size_t j = 0; j < slots.size(); ++j) {
    forecast::Stakeholder& a = table.actors[static_cast<std::size_t>(slots[j].actor)];
    const auto d = static_cast<std::size_t>(slots[j].dimension);
    switch (slots[j].kind) {
      case ActorSlotKind::Capability:
        a.capability = values[j];
        break;
      case ActorSlotKind::Position:
        a.positions[d] = values[j];
        break;
      case ActorSlotKind::Salience:
        a.saliences[d] = values[j];
        break;
    }
  }
}

}  // namespace parley
