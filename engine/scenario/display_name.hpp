#pragma once
#include <string>

namespace parley {

// What a user reads for a thing the scenario names (a track, a party's type, an event): its
// label, or its id when it has none.
template <class Named>
std::string display_name(const Named& named) {
  return named.label.empty() ? named.id : named.label;
}

}  // namespace parley
