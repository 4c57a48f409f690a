#pragma once
#include <string>
#include <vector>

namespace parley {

// A GENIUS scenario folder, as GENIUS ships them: one domain file and several preference
// profiles, often with variants of each profile (a discount, a reservation value, preference
// uncertainty) side by side. Which profiles play (docs/interop.md, "Folders"):
//   1. the profiles the domain file names in its <agent utility_space="..."> elements, when
//      they are files of the folder, in that order;
//   2. otherwise every plain (linear) profile, in file-name order, leaving out the
//      preference-uncertainty variants (<utility_space type="UNCERTAIN">);
//   3. otherwise every profile, in file-name order.
struct GeniusFolder {
  std::string domain;                 // path of the domain file
  std::vector<std::string> profiles;  // paths of the profiles that play, in party order
  std::vector<std::string> others;    // the folder's other profiles (variants), for messages
};

// Reads the folder's *.xml files. The domain is the file whose root is <negotiation_template>,
// or a <utility_space> whose issues carry no evaluations and which has no weights. Throws
// InputError when there is no domain, more than one, or fewer than two playing profiles.
GeniusFolder scan_genius_folder(const std::string& directory);

}  // namespace parley
