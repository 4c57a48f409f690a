#include "interop/scenario_source.hpp"

#include <filesystem>

#include "engine/load/scenario_loader.hpp"
#include "interop/genius_folder.hpp"
#include "interop/genius_import.hpp"

namespace parley {

ScenarioPtr load_scenario_or_genius_folder(const std::string& path, const AgentRegistry& registry,
                                           const GeniusImportOptions& options,
                                           const LoadOptions& load) {
  if (!std::filesystem::is_directory(path)) return load_scenario(path, registry, load);
  const GeniusFolder folder = scan_genius_folder(path);
  GeniusOrigins origins;
  const auto scenario = import_genius(folder.domain, folder.profiles, options, &origins);
  // Messages about what came from a GENIUS file name that file, its line and element; the
  // rest (an unknown agent model, say) name the folder.
  return load_imported_genius(scenario, origins, path + " (imported from GENIUS)", registry);
}

}  // namespace parley
