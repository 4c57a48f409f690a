#include "engine/load/agent_override.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <stdexcept>

#include "engine/format.hpp"
#include "engine/input_error.hpp"
#include "engine/load/message_text.hpp"
#include "engine/load/quoted_words.hpp"
#include "engine/simulator.hpp"

namespace parley {

namespace {
constexpr const char* kShape = "ID=MODEL[:param=value,...], e.g. UA=boulware:e=0.2";

[[noreturn]] void fail(const std::string& option, const std::string& expected,
                       const std::string& found) {
  throw InputError(option, 0, 0, "", expected, found);
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> split(const std::string& s, char by) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t at = s.find(by, start);
    out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return out;
    start = at + 1;
  }
}

// Why a model cannot play this scenario by its declared requirements, or "".
std::string unmet_requirement(const ModelRequirements& needs, const Scenario& s) {
  if (needs.complete_information && !s.protocol.complete_information)
    return "it needs complete information (/protocol/information \"complete\")";
  if (needs.bilateral && s.parties.size() != 2)
    return "it needs exactly two parties, the scenario has " + std::to_string(s.parties.size());
  if (needs.attrition && s.protocol.kind != ProtocolKind::Attrition)
    return "it plays only the war of attrition (/protocol/kind \"attrition\")";
  if (needs.opener_proposes && !s.protocol.opener_always_proposes)
    return "it needs the opener to make every offer (/protocol/proposer \"opener\")";
  if (needs.single_share_issue)
    for (const Track& track : s.tracks)
      if (track.issues.size() != 1 ||
          s.issues[static_cast<std::size_t>(track.issues[0])].kind != IssueKind::Share)
        return "it plays only a single share issue, track " + quote(track.id) + " is not one";
  return {};
}

// The models that could play this party here, for the message.
std::vector<std::string> playable_models(const Scenario& s, const AgentRegistry& registry) {
  std::vector<std::string> out;
  for (const AgentModel* m : registry.models())
    if (unmet_requirement(m->requires_, s).empty()) out.push_back(m->name);
  return out;
}
}  // namespace

AgentOverride parse_agent_override(const std::string& text, const std::string& option) {
  AgentOverride o;
  o.text = text;
  const std::size_t eq = text.find('=');
  if (eq == std::string::npos) fail(option, kShape, quote(text));
  o.party = trim(text.substr(0, eq));
  const std::string rest = text.substr(eq + 1);
  const std::size_t colon = rest.find(':');
  o.model = trim(rest.substr(0, colon));
  if (o.party.empty() || o.model.empty()) fail(option, kShape, quote(text));
  if (colon == std::string::npos) {
    if (o.model == "program")
      fail(option, "the program's command: " + o.party + "=program:cmd=python3 agent.py",
           quote(text));
    return o;
  }
  std::string items = rest.substr(colon + 1);
  if (o.model == "program") {
    // Everything after cmd= is the command, whatever it holds.
    const std::size_t at = items.rfind("cmd=", 0) == 0 ? 0 : items.find(",cmd=");
    if (at == std::string::npos)
      fail(option, "the program's command: " + o.party + "=program:cmd=python3 agent.py",
           quote(text));
    char open = 0;
    o.command = split_quoted_words(items.substr(at == 0 ? 4 : at + 5), &open);
    if (open) fail(option, std::string("a closing ") + open + " in the command", quote(text));
    if (o.command.empty()) fail(option, "a command after cmd=", quote(text));
    items = at == 0 ? std::string() : items.substr(0, at);
  }
  for (const std::string& item : items.empty() ? std::vector<std::string>{} : split(items, ',')) {
    const std::size_t at = item.find('=');
    const std::string name = trim(item.substr(0, at));
    const std::string value = at == std::string::npos ? "" : trim(item.substr(at + 1));
    if (name.empty() || value.empty())
      fail(option, "param=value after the model, e.g. " + o.model + ":e=0.2", quote(item));
    errno = 0;
    char* end = nullptr;
    const double x = std::strtod(value.c_str(), &end);
    if (end != value.c_str() + value.size() || errno != 0 || !std::isfinite(x))
      fail(option, "a number for parameter " + quote(name), quote(value));
    if (!o.params.emplace(name, x).second)
      fail(option, "each parameter once", quote(name) + " given twice");
  }
  return o;
}

std::vector<AgentOverride> parse_agent_overrides(const std::vector<std::string>& texts,
                                                 const std::string& option) {
  std::vector<AgentOverride> out;
  for (const std::string& text : texts) out.push_back(parse_agent_override(text, option));
  return out;
}

ScenarioPtr apply_agent_overrides(const ScenarioPtr& scenario,
                                  const std::vector<AgentOverride>& overrides,
                                  const AgentRegistry& registry, const std::string& option) {
  if (overrides.empty()) return scenario;
  Scenario s = *scenario;
  std::vector<std::string> party_ids;
  for (const Party& p : s.parties) party_ids.push_back(p.id);
  std::vector<bool> done(s.parties.size(), false);
  bool programs = false;
  for (const AgentOverride& o : overrides) {
    const int k = s.party_index(o.party);
    if (k < 0)
      fail(option, "a party id of " + s.file + " (known: " + plain_list(party_ids) + ")",
           with_suggestion(quote(o.party), o.party, party_ids));
    const auto index = static_cast<std::size_t>(k);
    if (done[index]) fail(option, "one --agent per party", quote(o.party) + " twice");
    done[index] = true;
    const AgentModel* model = registry.find(o.model);
    if (!model)
      fail(option, "a registered agent model (known: " + plain_list(registry.names()) + ")",
           with_suggestion(quote(o.model), o.model, registry.names()));
    std::map<std::string, double> resolved;
    if (const auto error = registry.resolve(o.model, o.params, resolved)) {
      std::vector<std::string> names;
      std::string ranges;
      for (const ParamSpec& p : model->params) {
        names.push_back(p.name);
        ranges += (ranges.empty() ? "" : ", ") + p.name + " in [" + format_number(p.min, 6) + ", " +
                  format_number(p.max, 6) + "]";
      }
      fail(option,
           "parameters of model " + quote(o.model) + " " +
               (names.empty() ? std::string("(it takes none)") : "(" + ranges + ")"),
           *error);
    }
    if (const std::string why = unmet_requirement(model->requires_, s); !why.empty())
      fail(option,
           "a model that can play " + s.file +
               " (here: " + plain_list(playable_models(s, registry)) + ")",
           quote(o.model) + ": " + why);
    s.parties[index].agent = AgentSpec{o.model, o.params, o.command};
    if (!o.command.empty()) programs = true;
  }
  auto result = std::make_shared<const Scenario>(std::move(s));
  if (programs) return result;  // a trial would start the programs
  // Some limits are known only when an agent is created (a model that needs piecewise-linear
  // value functions, say): one trial run turns them into bad input rather than a failed run.
  try {
    Simulator(result, registry).run(1, 0);
  } catch (const std::invalid_argument& e) {
    fail(option, "a model that can play " + scenario->file, e.what());
  }
  return result;
}

}  // namespace parley
