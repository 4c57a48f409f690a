#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "engine/format.hpp"
#include "play/program_party.hpp"

namespace parley::cli {

namespace {
std::string requirements_text(const ModelRequirements& r) {
  std::string text;
  auto add = [&text](const char* what) { text += (text.empty() ? "" : ", ") + std::string(what); };
  if (r.complete_information) add("complete information");
  if (r.single_share_issue) add("a single share issue per track");
  if (r.bilateral) add("two parties");
  if (r.attrition) add("the war of attrition");
  if (r.opener_proposes) add("the opener making every offer");
  return text;
}

int list_agents(const std::string& format) {
  const AgentRegistry& registry = agents_with_programs();
  if (format == "json") {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const AgentModel* m : registry.models()) {
      nlohmann::ordered_json params = nlohmann::ordered_json::array();
      for (const ParamSpec& p : m->params)
        params.push_back({{"name", p.name},
                          {"default", p.default_value},
                          {"min", p.min},
                          {"max", p.max},
                          {"integer", p.integer},
                          {"doc", p.doc}});
      out.push_back({{"name", m->name},
                     {"summary", m->summary},
                     {"requires", requirements_text(m->requires_)},
                     {"params", params}});
    }
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  for (const AgentModel* m : registry.models()) {
    std::cout << m->name << "\n  " << m->summary << "\n";
    const std::string needs = requirements_text(m->requires_);
    if (!needs.empty()) std::cout << "  needs: " << needs << "\n";
    for (const ParamSpec& p : m->params)
      std::cout << "  " << p.name << " = " << format_number(p.default_value, 6) << "  ["
                << format_number(p.min, 6) << ", " << format_number(p.max, 6) << "]"
                << (p.integer ? " integer" : "") << "  " << p.doc << "\n";
    std::cout << "\n";
  }
  return 0;
}
}  // namespace

void add_agents_command(CLI::App& app, Action& action) {
  auto format = std::make_shared<std::string>("text");
  CLI::App* cmd =
      app.add_subcommand("agents", "List the agent models with their parameters and ranges");
  cmd->add_option("--format", *format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->footer("Example:\n  parley agents --format json");
  cmd->callback([format, &action] { action = [format] { return list_agents(*format); }; });
}

}  // namespace parley::cli
