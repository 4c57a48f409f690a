#pragma once
#include <string>
#include <vector>

#include "engine/random/distribution.hpp"

namespace parley {

// How a sweep chooses the parameter values of its runs (docs/sweep.md, "Designs").
enum class DesignKind { MonteCarlo, LatinHypercube, Grid };
const char* to_string(DesignKind kind);  // "monte-carlo", "latin-hypercube", "grid"
bool parse_design(const std::string& name, DesignKind& kind);

// Where an uncertain parameter was declared, for messages: a place in the scenario file
// (file, line:column and the JSON pointer of the entry) or a command-line option.
struct Declaration {
  std::string file;  // the scenario file, or "--vary" for the command line
  int line = 0;      // 0 when not in a file
  int column = 0;
  std::string pointer;  // of the entry: /uncertainty/parameters/2
};

// One uncertain number of the scenario: where it is (a JSON pointer into the scenario file)
// and what it may be.
struct UncertainParameter {
  std::string pointer;  // e.g. /parties/0/preferences/discount
  Distribution distribution;
  int levels = 0;  // grid design: levels of a continuous parameter (0: the design's default)
  Declaration declared;
};

// The scenario file's `uncertainty` block, with command-line additions applied.
struct UncertaintySpec {
  DesignKind design = DesignKind::MonteCarlo;
  int grid_levels = 5;   // grid design: default levels of a continuous parameter
  Declaration declared;  // of the block itself (or the --design option)
  std::vector<UncertainParameter> parameters;

  // Adds a parameter, or replaces the one with the same pointer (the command line overrides
  // the file).
  void set(UncertainParameter parameter);
};

}  // namespace parley
