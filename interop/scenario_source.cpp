#include "interop/scenario_source.hpp"

#include <filesystem>

#include "engine/load/scenario_loader.hpp"
#include "interop/genius_folder.hpp"

namespace parley {

ScenarioPtr load_scenario_or_genius_folder(const std::string& path, const AgentRegistry& registry,
                                           const GeniusImportOptions& options,
                                           const LoadOptions& load) {
  if (!std::filesystem::is_directory(path)) return load_scenario(path, registry, load);
  const GeniusFolder folder = scan_genius_folder(path);
  const auto scenario = import_genius(folder.domain, folder.profiles, options);
  // Messages about the imported text (an unknown agent model, say) name the folder.
  return load_scenario_text(scenario.dump(2), path + " (imported from GENIUS)", registry);
}

}  // namespace parley
