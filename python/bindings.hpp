#pragma once
// The Python bindings (docs/python.md): one bind_<layer>.cpp per layer of docs/architecture.md,
// each adding its part to the `parley._core` module. The libraries below know nothing of Python.
#include <pybind11/pybind11.h>

#include <memory>
#include <string>

#include "engine/agent_registry.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/simulator.hpp"

namespace parley::python {

namespace py = pybind11;

// A loaded scenario as Python holds it: the file's path and bytes (a sweep's identity names
// them) and the immutable model, with its simulator for the scenario's own agents built once.
struct LoadedScenario {
  std::string path;
  std::string bytes;  // empty for a GENIUS folder
  ScenarioPtr scenario;
  std::shared_ptr<const Simulator> simulator;
};

// The registry every call uses: the built-in agent models and those registered from Python.
AgentRegistry& python_registry();

// The scenario with some parties' agents replaced: `agents` maps party ids to a model name, a
// (name, params) pair or {"model": name, "params": {...}}. Raises ValueError naming the party
// and what was expected.
ScenarioPtr with_agents(const LoadedScenario& loaded, const py::dict& agents);

void bind_engine(py::module_& m);
void bind_agents(py::module_& m);
void bind_analysis(py::module_& m);
void bind_sweep(py::module_& m);
void bind_play(py::module_& m);

}  // namespace parley::python
