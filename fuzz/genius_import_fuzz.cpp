// Fuzz target: a GENIUS scenario folder (docs/interop.md, docs/fuzzing.md). The input holds the
// domain file and the profiles one after the other, separated by lines "=====". They are written
// to a folder, which is scanned as `parley import genius FOLDER` does; the files are also imported
// in the given order, as `parley import genius DOMAIN PROFILE...` does, and an imported scenario
// must load. Errors must be InputErrors; anything else is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "agents/builtin_agents.hpp"
#include "engine/input_error.hpp"
#include "engine/load/scenario_loader.hpp"
#include "fuzz/fuzz_support.hpp"
#include "interop/genius_folder.hpp"
#include "interop/genius_import.hpp"

namespace {

// At most a domain and this many profiles: more only slow the search.
constexpr std::size_t kMaxProfiles = 4;

void import_and_load(const std::string& domain, const std::vector<std::string>& profiles) {
  using namespace parley;
  try {
    const auto scenario = import_genius(domain, profiles);
    load_scenario_text(scenario.dump(2), "imported.json", builtin_agents());
  } catch (const InputError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace parley;
  if (size > fuzz::kMaxInput) return 0;
  const std::vector<std::string> files = fuzz::split_files(fuzz::as_text(data, size));
  if (files.size() > kMaxProfiles + 1) return 0;
  static const fuzz::ScratchFolder folder;
  folder.clear();
  const std::string domain = folder.write("domain.xml", files[0]);
  std::vector<std::string> profiles;
  for (std::size_t i = 1; i < files.size(); ++i)
    profiles.push_back(folder.write("profile" + std::to_string(i) + ".xml", files[i]));
  try {
    const GeniusFolder scanned = scan_genius_folder(folder.path().string());
    import_and_load(scanned.domain, scanned.profiles);
  } catch (const InputError&) {
  }
  import_and_load(domain, profiles);
  return 0;
}
