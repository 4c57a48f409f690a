#include "engine/scenario/uncertainty.hpp"

namespace parley {

const char* to_string(DesignKind kind) {
  switch (kind) {
    case DesignKind::MonteCarlo:
      return "monte-carlo";
    case DesignKind::LatinHypercube:
      return "latin-hypercube";
    case DesignKind::Grid:
      return "grid";
  }
  return "?";
}

bool parse_design(const std::string& name, DesignKind& kind) {
  for (auto k : {DesignKind::MonteCarlo, DesignKind::LatinHypercube, DesignKind::Grid}) {
    if (name == to_string(k)) {
      kind = k;
      return true;
    }
  }
  return false;
}

void UncertaintySpec::set(UncertainParameter parameter) {
  for (UncertainParameter& p : parameters) {
    if (p.pointer == parameter.pointer) {
      p = std::move(parameter);
      return;
    }
  }
  parameters.push_back(std::move(parameter));
}

}  // namespace parley
