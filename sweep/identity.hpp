#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/scenario/parameter_slot.hpp"
#include "engine/scenario/scenario.hpp"

namespace parley {

// Everything that determines a sweep's runs (summary.json's "sweep", state.json's identity):
// the scenario (name, file name, fingerprint of its bytes), seed, runs, block size, design and
// parameters, and the agent models chosen on the command line (`--agent` texts; absent when
// none, so sweeps of the file as written keep their identity). Shared by every front end that
// runs a sweep, so their summaries are the same bytes.
nlohmann::json sweep_identity(const Scenario& scenario, const std::string& path,
                              const std::string& bytes, std::uint64_t seed, std::uint64_t runs,
                              const UncertaintySpec& spec, const std::vector<ParameterSlot>& slots,
                              const std::vector<std::string>& agent_overrides = {});

// The uncertainty a sweep's identity records (design, grid levels, parameters), as a spec that
// binds and draws exactly as the one the sweep started with: what `--resume` and the ranks of
// an MPI job (parley-mpi) rebuild. `origin` names the identity's file in messages; a
// distribution that does not parse is an InputError.
UncertaintySpec uncertainty_from_identity(const nlohmann::json& identity,
                                          const std::string& origin);

}  // namespace parley
