#include "cli/party_option.hpp"

#include <algorithm>
#include <sstream>

#include "engine/input_error.hpp"

namespace parley::cli {

namespace {
std::string party_ids(const Scenario& scenario) {
  std::string ids;
  for (std::size_t p = 0; p < scenario.parties.size(); ++p)
    ids += (p ? ", " : "") + scenario.parties[p].id;
  return ids;
}
}  // namespace

int party_option(const Scenario& scenario, const std::string& id, const std::string& option) {
  const int p = scenario.party_index(id);
  if (p < 0)
    throw InputError(option, 0, 0, "",
                     "the id of a party of " + scenario.file + " (" + party_ids(scenario) + ")",
                     "\"" + id + "\"");
  return p;
}

std::vector<int> party_list_option(const Scenario& scenario, const std::string& ids,
                                   const std::string& option) {
  std::vector<int> parties;
  std::stringstream in(ids);
  std::string id;
  while (std::getline(in, id, ',')) {
    const int p = party_option(scenario, id, option);
    if (std::find(parties.begin(), parties.end(), p) != parties.end())
      throw InputError(option, 0, 0, "", "each party once", "\"" + id + "\" twice");
    parties.push_back(p);
  }
  if (parties.empty())
    throw InputError(option, 0, 0, "",
                     "one or more party ids separated by commas (" + party_ids(scenario) + ")",
                     "nothing");
  return parties;
}

}  // namespace parley::cli
