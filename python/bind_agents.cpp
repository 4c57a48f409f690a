// The agent models from Python: the registry every call of the module uses, and its listing.
#include <pybind11/stl.h>

#include <pybind11/numpy.h>

#include "agents/builtin_agents.hpp"
#include "engine/external_agent.hpp"
#include "play/program_party.hpp"
#include "python/bindings.hpp"
#include "python/observation.hpp"

namespace parley::python {

namespace {

// A party played by a Python object (parley.register_agent): one object per party, track and
// run, asked for each decision with the GIL held. The C++ run may be on any sweep thread.
class PythonSource final : public DecisionSource {
 public:
  PythonSource(const std::string& model, py::object agent)
      : model_(model), agent_(std::move(agent)) {}
  ~PythonSource() override {
    py::gil_scoped_acquire gil;
    agent_ = py::object();
  }
  std::int64_t propose(const PartyView& view) override {
    py::gil_scoped_acquire gil;
    const py::object move =
        agent_.attr("propose")(observation_of(view.setup->space->scenario(), view, false, 0));
    try {
      return move.cast<std::int64_t>();
    } catch (const py::cast_error&) {
      throw py::type_error("agent '" + model_ + "': propose() must return an outcome index " +
                           "(an int), returned " + py::repr(move).cast<std::string>());
    }
  }
  Response respond(const PartyView& view) override {
    py::gil_scoped_acquire gil;
    const py::object answer =
        agent_.attr("respond")(observation_of(view.setup->space->scenario(), view, true, 0));
    // Python's bool, or numpy's (a comparison of numpy numbers gives one).
    const std::string type = py::str(answer.get_type().attr("__name__")).cast<std::string>();
    if (type == "bool" || type == "bool_")
      return answer.attr("__bool__")().cast<bool>() ? Response::Accept : Response::Reject;
    if (py::isinstance<py::str>(answer)) {
      const std::string text = answer.cast<std::string>();
      if (text == "accept") return Response::Accept;
      if (text == "reject") return Response::Reject;
      if (text == "walk_away" && view.setup->walk_away_allowed) return Response::WalkAway;
    }
    throw py::value_error("agent '" + model_ + "': respond() must return \"accept\", " +
                          "\"reject\"" + (view.setup->walk_away_allowed ? ", \"walk_away\"" : "") +
                          " or a bool, returned " + py::repr(answer).cast<std::string>());
  }

 private:
  std::string model_;
  py::object agent_;
};

// What a Python agent is told when it is made: its party, track and the outcomes' utilities to
// it (its own only, docs/architecture.md rule 2).
py::dict setup_info(const AgentSetup& setup) {
  const Scenario& s = setup.space->scenario();
  const Eigen::ArrayXd& u = setup.own_utilities();
  py::dict info;
  info["party"] = s.parties[static_cast<std::size_t>(setup.party)].id;
  info["track"] = s.tracks[static_cast<std::size_t>(setup.track)].id;
  info["outcomes"] = setup.space->size();
  info["utilities"] = py::array_t<double>(static_cast<py::ssize_t>(u.size()), u.data());
  info["reservation"] = setup.current_reservation();
  info["deadline_rounds"] = setup.deadline_rounds;
  info["walk_away_allowed"] = setup.walk_away_allowed;
  info["opener"] = s.parties[static_cast<std::size_t>(setup.opener)].id;
  return info;
}

}  // namespace

AgentRegistry& python_registry() {
  // The built-in models and "program" (a scenario file's program, loaded only with
  // allow_programs), then whatever Python registers.
  static AgentRegistry registry = agents_with_programs();
  return registry;
}

void bind_agents(py::module_& m) {
  m.def(
      "agent_models",
      [] {
        py::list models;
        for (const AgentModel* model : python_registry().models()) {
          py::dict params;
          for (const ParamSpec& p : model->params)
            params[py::str(p.name)] =
                py::dict(py::arg("default") = p.default_value, py::arg("min") = p.min,
                         py::arg("max") = p.max, py::arg("doc") = p.doc);
          models.append(py::dict(py::arg("name") = model->name, py::arg("summary") = model->summary,
                                 py::arg("params") = params));
        }
        return models;
      },
      "The registered agent models, as `parley agents` lists them");

  m.def(
      "register_agent",
      [](const std::string& name, py::object factory, const std::string& summary) {
        if (name.empty()) throw py::value_error("an agent model needs a name");
        if (name == "program")
          throw py::value_error("'program' is the model of a scenario file's program");
        if (const AgentModel* existing = python_registry().find(name);
            existing && builtin_agents().find(name))
          throw py::value_error("'" + name + "' is a built-in agent model");
        // Kept for the life of the process, never released: the registry is a static that
        // outlives the interpreter, and releasing a Python object then would crash at exit.
        auto* held = new py::object(std::move(factory));
        python_registry().add(external_agent_model(
            name, summary.empty() ? "an agent written in Python" : summary,
            [name, held](const AgentSetup& setup) -> std::shared_ptr<DecisionSource> {
              py::gil_scoped_acquire gil;
              return std::make_shared<PythonSource>(name, (*held)(setup_info(setup)));
            }));
      },
      py::arg("name"), py::arg("factory"), py::arg("summary") = "",
      "Register a Python agent model: factory(info) gives an object with propose(observation) "
      "-> outcome index and respond(observation) -> \"accept\" | \"reject\" | \"walk_away\"");
}

}  // namespace parley::python
