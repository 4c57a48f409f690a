#pragma once
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analysis/solutions/efficiency.hpp"
#include "engine/agent_registry.hpp"
#include "engine/random/sampling_design.hpp"
#include "engine/scenario/parameter_slot.hpp"
#include "engine/simulator.hpp"
#include "sweep/layout.hpp"

namespace parley {

// What another process needs to run blocks of a sweep exactly as the process that started it:
// the sweep's identity (seed, runs, design, parameters, agent overrides) and the scenario's
// bytes, so that a rank on another machine needs no copy of the file. Sent by rank 0 of an MPI
// sweep (parley-mpi, docs/cluster.md) to every other rank.
struct SweepDefinition {
  nlohmann::json identity;
  std::string scenario_path;  // as the first process named it, for messages
  std::string scenario_bytes;
  bool allow_programs = false;
};

// Compact bytes (CBOR) and back; decoding throws std::invalid_argument on bytes that are not a
// definition.
std::string encode_sweep_definition(const SweepDefinition& definition);
SweepDefinition decode_sweep_definition(const std::string& bytes);

// A sweep rebuilt from its definition: the scenario loaded from its bytes, the agent overrides
// applied, the parameters bound and the design drawn as in the first process. Not copyable: the
// design and slots refer to the spec.
struct RebuiltSweep {
  ScenarioPtr scenario;
  std::unique_ptr<Simulator> simulator;
  UncertaintySpec spec;
  std::vector<ParameterSlot> slots;
  std::unique_ptr<SamplingDesign> design;
  std::shared_ptr<const SweepLayout> layout;
  std::uint64_t seed = 0;

  RebuiltSweep() = default;
  RebuiltSweep(const RebuiltSweep&) = delete;
  RebuiltSweep& operator=(const RebuiltSweep&) = delete;
};

// Throws InputError when the bytes do not load, and std::invalid_argument when the rebuilt
// sweep's identity differs from the definition's (its runs would not be the same runs).
std::unique_ptr<RebuiltSweep> rebuild_sweep(const SweepDefinition& definition,
                                            const AgentRegistry& registry);

}  // namespace parley
