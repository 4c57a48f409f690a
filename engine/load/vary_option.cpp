#include "engine/load/vary_option.hpp"

#include "engine/input_error.hpp"
#include "engine/random/distribution.hpp"

namespace parley {

UncertainParameter parse_vary(const std::string& text) {
  const std::size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0)
    throw InputError("--vary", 0, 0, "",
                     "POINTER=DISTRIBUTION, e.g. /parties/0/preferences/discount=uniform(0.9,0.99)",
                     "'" + text + "'");
  UncertainParameter p;
  p.pointer = text.substr(0, eq);
  p.declared.file = "--vary";
  std::string error;
  const auto d = parse_distribution(text.substr(eq + 1), error);
  if (!d) throw InputError("--vary", 0, 0, p.pointer, error, "");
  p.distribution = *d;
  return p;
}

}  // namespace parley
