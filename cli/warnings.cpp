#include "cli/warnings.hpp"

namespace parley::cli {

bool report_warnings(const Scenario& scenario, bool strict, std::ostream& err) {
  for (const std::string& line : scenario.warnings) err << line << "\n";
  if (!strict || scenario.warnings.empty()) return false;
  err << scenario.file << ": error: " << scenario.warnings.size() << " warning"
      << (scenario.warnings.size() == 1 ? "" : "s") << " with --strict\n";
  return true;
}

}  // namespace parley::cli
