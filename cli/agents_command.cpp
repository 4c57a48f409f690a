#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "analysis/report/text_table.hpp"
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

// A parameter's value as people write it: 1,000,000 rather than 1000000, 0.05 as it is.
std::string parameter_value(double v) {
  if (v == static_cast<double>(static_cast<long long>(v)) && (v >= 1000 || v <= -1000))
    return format_thousands(static_cast<long long>(v));
  return format_number(v, 6);
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
  // Each model: its summary, what it needs, and each parameter with its default and range,
  // wrapped for a terminal (house style: engine/format.hpp).
  for (const AgentModel* m : registry.models()) {
    std::cout << m->name << "\n" << wrap_text(m->summary, "  ", "  ");
    const std::string needs = requirements_text(m->requires_);
    if (!needs.empty()) std::cout << "  needs: " << needs << "\n";
    for (const ParamSpec& p : m->params)
      std::cout << wrap_text(p.name + " = " + parameter_value(p.default_value) + " (" +
                                 (p.integer ? "a whole number " : "") + "from " +
                                 parameter_value(p.min) + " to " + parameter_value(p.max) +
                                 "): " + p.doc,
                             "  ", "      ");
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
