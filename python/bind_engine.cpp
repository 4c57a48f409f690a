// The engine from Python: parley.load(path) -> Scenario, Scenario.run(seed, agents) -> the run
// report, with the CLI's error messages raised as parley.InputError.
#include <pybind11/stl.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "agents/builtin_agents.hpp"
#include "analysis/report/run_report.hpp"
#include "engine/input_error.hpp"
#include "interop/scenario_source.hpp"
#include "python/bindings.hpp"

namespace parley::python {

namespace {

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::map<std::string, double> params_of(const py::handle& value, const std::string& where) {
  std::map<std::string, double> params;
  if (value.is_none()) return params;
  if (!py::isinstance<py::dict>(value))
    throw py::value_error(where + ": expected a dict of parameter values, found " +
                          py::str(value).cast<std::string>());
  for (const auto& [k, v] : value.cast<py::dict>()) {
    try {
      params[py::str(k).cast<std::string>()] = v.cast<double>();
    } catch (const py::cast_error&) {
      throw py::value_error(where + ": expected a number for parameter " +
                            py::str(k).cast<std::string>() + ", found " +
                            py::repr(v).cast<std::string>());
    }
  }
  return params;
}

AgentSpec agent_spec_of(const py::handle& value, const std::string& where) {
  AgentSpec spec;
  if (py::isinstance<py::str>(value)) {
    spec.model = value.cast<std::string>();
  } else if (py::isinstance<py::tuple>(value) && py::len(value) == 2) {
    const auto pair = value.cast<py::tuple>();
    spec.model = py::str(pair[0]).cast<std::string>();
    spec.params = params_of(pair[1], where);
  } else if (py::isinstance<py::dict>(value) && value.cast<py::dict>().contains("model")) {
    const auto d = value.cast<py::dict>();
    spec.model = py::str(d["model"]).cast<std::string>();
    if (d.contains("params")) spec.params = params_of(d["params"], where);
  } else {
    throw py::value_error(where +
                          ": expected a model name, (name, params) or {\"model\": name, "
                          "\"params\": {...}}, found " +
                          py::repr(value).cast<std::string>());
  }
  return spec;
}

}  // namespace

ScenarioPtr with_agents(const LoadedScenario& loaded, const py::dict& agents) {
  if (agents.empty()) return loaded.scenario;
  auto copy = std::make_shared<Scenario>(*loaded.scenario);
  const AgentRegistry& registry = python_registry();
  for (const auto& [key, value] : agents) {
    const std::string id = py::str(key).cast<std::string>();
    const std::string where = "agents['" + id + "']";
    std::size_t p = 0;
    while (p < copy->parties.size() && copy->parties[p].id != id) ++p;
    if (p == copy->parties.size()) {
      std::string ids;
      for (const Party& party : copy->parties) ids += (ids.empty() ? "" : ", ") + party.id;
      throw py::key_error(where + ": expected the id of a party (" + ids + "), found '" + id + "'");
    }
    AgentSpec spec = agent_spec_of(value, where);
    std::map<std::string, double> resolved;
    const AgentModel* model = registry.find(spec.model);
    if (!model) {
      std::string names;
      for (const std::string& n : registry.names()) names += (names.empty() ? "" : ", ") + n;
      throw py::value_error(where + ": expected an agent model (" + names + "), found '" +
                            spec.model + "'");
    }
    if (const auto error = registry.resolve(spec.model, spec.params, resolved))
      throw py::value_error(where + ": " + *error);
    // The loader's checks of what a model needs of the whole scenario.
    const ModelRequirements& needs = model->requires_;
    if (needs.complete_information && !copy->protocol.complete_information)
      throw py::value_error(where + ": '" + spec.model +
                            "' needs complete information (/protocol/information \"complete\")");
    if (needs.bilateral && copy->parties.size() != 2)
      throw py::value_error(where + ": '" + spec.model + "' needs exactly two parties");
    if (needs.attrition && copy->protocol.kind != ProtocolKind::Attrition)
      throw py::value_error(where + ": '" + spec.model +
                            "' plays only the war of attrition (/protocol/kind \"attrition\")");
    if (needs.opener_proposes && !copy->protocol.opener_always_proposes)
      throw py::value_error(
          where + ": '" + spec.model +
          "' needs the opener to make every offer (/protocol/proposer \"opener\")");
    if (needs.single_share_issue)
      for (const Track& track : copy->tracks)
        if (track.issues.size() != 1 ||
            copy->issues[static_cast<std::size_t>(track.issues[0])].kind != IssueKind::Share)
          throw py::value_error(where + ": '" + spec.model +
                                "' plays only tracks of a single share issue");
    copy->parties[p].agent = std::move(spec);
  }
  return copy;
}

void bind_engine(py::module_& m) {
  static py::exception<InputError> input_error(m, "InputError", PyExc_ValueError);
  py::register_exception_translator([](std::exception_ptr thrown) {
    try {
      if (thrown) std::rethrow_exception(thrown);
    } catch (const InputError& e) {
      // The CLI's message, and its parts as attributes for programs.
      py::object error = py::handle(input_error.ptr())(e.what());
      error.attr("file") = e.file();
      error.attr("line") = e.line();
      error.attr("column") = e.column();
      error.attr("pointer") = e.pointer();
      error.attr("expected") = e.expected();
      error.attr("found") = e.found();
      PyErr_SetObject(input_error.ptr(), error.ptr());
    }
  });

  py::class_<LoadedScenario, std::shared_ptr<LoadedScenario>>(m, "Scenario")
      .def_property_readonly("name", [](const LoadedScenario& s) { return s.scenario->meta.name; })
      .def_property_readonly("path", [](const LoadedScenario& s) { return s.path; })
      .def_property_readonly("parties",
                             [](const LoadedScenario& s) {
                               std::vector<std::string> ids;
                               for (const Party& p : s.scenario->parties) ids.push_back(p.id);
                               return ids;
                             })
      .def_property_readonly("tracks",
                             [](const LoadedScenario& s) {
                               std::vector<std::string> ids;
                               for (const Track& t : s.scenario->tracks) ids.push_back(t.id);
                               return ids;
                             })
      .def_property_readonly("agents",
                             [](const LoadedScenario& s) {
                               py::dict agents;
                               for (const Party& p : s.scenario->parties)
                                 agents[py::str(p.id)] = p.agent.model;
                               return agents;
                             })
      .def(
          "run_json",
          [](const LoadedScenario& s, std::uint64_t seed, const py::dict& agents) {
            const ScenarioPtr scenario = with_agents(s, agents);
            std::string text;
            {
              py::gil_scoped_release release;
              std::shared_ptr<const Simulator> simulator = s.simulator;
              if (scenario != s.scenario)
                simulator = std::make_shared<const Simulator>(scenario, python_registry());
              const RunResult result = simulator->run(seed, 0);
              text = run_report_json(*simulator, result).dump(2) + "\n";
            }
            return text;
          },
          py::arg("seed") = 1, py::arg("agents") = py::dict(),
          "The run's report, the same bytes as `parley run --format json`");

  m.def(
      "load",
      [](const std::string& path, bool allow_programs) {
        auto loaded = std::make_shared<LoadedScenario>();
        loaded->path = path;
        {
          py::gil_scoped_release release;
          if (std::filesystem::is_regular_file(path)) loaded->bytes = file_bytes(path);
          loaded->scenario = load_scenario_or_genius_folder(path, python_registry(), {},
                                                            LoadOptions{allow_programs});
          loaded->simulator =
              std::make_shared<const Simulator>(loaded->scenario, python_registry());
        }
        return loaded;
      },
      py::arg("path"), py::arg("allow_programs") = false,
      "Read, check and load a scenario file (or a GENIUS folder); allow_programs lets a party "
      "be played by the program the file names");
}

}  // namespace parley::python
