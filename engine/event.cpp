#include "engine/event.hpp"

#include <cmath>

#include "engine/format.hpp"

namespace parley {

const char* to_string(EventParamType type) {
  switch (type) {
    case EventParamType::Number:
      return "number";
    case EventParamType::Integer:
      return "integer";
    case EventParamType::Boolean:
      return "boolean";
    case EventParamType::Party:
      return "party id";
    case EventParamType::Track:
      return "track id";
    case EventParamType::Issue:
      return "issue id";
    case EventParamType::CostKind:
      return "cost kind id";
    case EventParamType::Lever:
      return "pressure lever id";
  }
  return "?";
}

void EventKindRegistry::add(EventKind kind) {
  std::string name = kind.name;
  kinds_.insert_or_assign(std::move(name), std::move(kind));
}

const EventKind* EventKindRegistry::find(const std::string& name) const {
  const auto it = kinds_.find(name);
  return it == kinds_.end() ? nullptr : &it->second;
}

std::vector<const EventKind*> EventKindRegistry::kinds() const {
  std::vector<const EventKind*> out;
  for (const auto& [name, kind] : kinds_) out.push_back(&kind);
  return out;
}

std::vector<std::string> EventKindRegistry::names() const {
  std::vector<std::string> out;
  for (const auto& [name, kind] : kinds_) out.push_back(name);
  return out;
}

std::optional<EventArgError> resolve_event_args(const EventKind& kind,
                                                const std::map<std::string, double>& given,
                                                const Scenario& scenario,
                                                std::map<std::string, double>& resolved) {
  resolved.clear();
  for (const EventParam& p : kind.params)
    if (!p.required) resolved[p.name] = p.default_value;
  for (const auto& [name, value] : given) {
    const EventParam* spec = nullptr;
    for (const EventParam& p : kind.params)
      if (p.name == name) spec = &p;
    if (!spec) {
      std::string known;
      for (const EventParam& p : kind.params) known += (known.empty() ? "" : ", ") + p.name;
      return EventArgError{name,
                           "a parameter of event kind \"" + kind.name + "\" (known: " + known + ")",
                           "\"" + name + "\""};
    }
    const bool whole = spec->type != EventParamType::Number;
    if (whole && value != std::floor(value))
      return EventArgError{name, std::string("an ") + to_string(spec->type),
                           format_number(value, 6)};
    if (spec->type == EventParamType::Boolean && value != 0.0 && value != 1.0)
      return EventArgError{name, "a boolean", format_number(value, 6)};
    if ((spec->type == EventParamType::Number || spec->type == EventParamType::Integer) &&
        !(value >= spec->min && value <= spec->max))
      return EventArgError{name,
                           std::string("a ") + to_string(spec->type) + " in [" +
                               format_number(spec->min, 6) + ", " + format_number(spec->max, 6) +
                               "]",
                           format_number(value, 6)};
    resolved[name] = value;
  }
  for (const EventParam& p : kind.params)
    if (p.required && !given.count(p.name))
      return EventArgError{p.name, "a parameter \"" + p.name + "\" (a " + to_string(p.type) + ")",
                           "none"};
  if (kind.validate) return kind.validate(resolved, scenario);
  return std::nullopt;
}

}  // namespace parley
