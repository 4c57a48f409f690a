#pragma once
#include <string>
#include <vector>

#include "engine/scenario/scenario.hpp"

namespace parley::cli {

// The party a command-line option names (`--party UNC`, `--as UNC,COM`), by id; an unknown id is
// bad input naming the option and every party of the scenario (exit 2).
int party_option(const Scenario& scenario, const std::string& id, const std::string& option);
// A comma-separated list of party ids, each once.
std::vector<int> party_list_option(const Scenario& scenario, const std::string& ids,
                                   const std::string& option);

}  // namespace parley::cli
