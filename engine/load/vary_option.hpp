#pragma once
#include <string>

#include "engine/scenario/uncertainty.hpp"

namespace parley {

// One uncertain parameter given on the command line (`--vary POINTER=DISTRIBUTION`,
// docs/sweep.md): the pointer as written and the distribution in its short form. Throws
// InputError naming --vary when the text has no pointer or the distribution does not parse;
// whether the pointer names something that can vary is bind_parameter's check.
UncertainParameter parse_vary(const std::string& text);

}  // namespace parley
