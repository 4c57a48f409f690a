// Stepping a negotiation from Python (play/stepped_negotiation.hpp): the compiled half of
// parley.NegotiationEnv (python/parley/env.py), which gives it the shape of OpenSpiel's state
// and PettingZoo's AEC environments.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "agents/builtin_agents.hpp"
#include "analysis/report/run_report.hpp"
#include "engine/external_agent.hpp"
#include "play/program_party.hpp"
#include "play/stepped_negotiation.hpp"
#include "python/bindings.hpp"
#include "python/observation.hpp"

namespace parley::python {

namespace {

int index_of(const std::vector<std::string>& ids, const std::string& id, const char* what) {
  for (std::size_t k = 0; k < ids.size(); ++k)
    if (ids[k] == id) return static_cast<int>(k);
  std::string known;
  for (const std::string& k : ids) known += (known.empty() ? "" : ", ") + k;
  throw py::key_error(std::string("expected the id of a ") + what + " (" + known + "), found '" +
                      id + "'");
}

// One move in words: the deal offered (track, outcome, terms) or the answer.
py::dict describe_move(const SteppedNegotiation& game, std::int64_t move) {
  const Scenario& s = game.scenario();
  py::dict out;
  if (move == game.accept_move() || move == game.reject_move() || move == game.walk_away_move()) {
    out["action"] = move == game.accept_move()   ? "accept"
                    : move == game.reject_move() ? "reject"
                                                 : "walk_away";
    return out;
  }
  for (std::size_t t = 0; t < s.tracks.size(); ++t) {
    const int track = static_cast<int>(t);
    if (move < game.offset(track) || move >= game.offset(track + 1)) continue;
    const OutcomeSpace& space = game.simulator().space(track);
    const Deal deal = space.deal(move - game.offset(track));
    py::dict terms;
    for (int k = 0; k < space.issue_count(); ++k) {
      const Issue& issue = s.issues[static_cast<std::size_t>(space.issue(k))];
      terms[py::str(issue.id)] = issue.describe(deal.values[static_cast<std::size_t>(k)]);
    }
    out["action"] = "offer";
    out["track"] = s.tracks[t].id;
    out["outcome"] = deal.outcome;
    out["terms"] = terms;
    return out;
  }
  throw py::index_error("move " + std::to_string(move) + " is not one of 0.." +
                        std::to_string(game.move_count() - 1));
}

}  // namespace

void bind_play(py::module_& m) {
  m.def(
      "register_program",
      [](const std::string& name, const std::vector<std::string>& command, double time_limit) {
        if (name.empty() || command.empty())
          throw py::value_error("a program agent needs a name and a command");
        if (builtin_agents().find(name))
          throw py::value_error("'" + name + "' is a built-in agent model");
        ProgramOptions options;
        options.command = command;
        options.time_limit = std::chrono::milliseconds(static_cast<long>(time_limit * 1000));
        python_registry().add(program_agent_model(name, options));
      },
      py::arg("name"), py::arg("command"), py::arg("time_limit") = 5.0,
      "Register a program that plays a party over JSON lines (docs/python.md) as agent model "
      "`name`; `time_limit` is in seconds per move");

  py::class_<SteppedNegotiation>(m, "SteppedNegotiation")
      .def(py::init([](const LoadedScenario& loaded, const std::vector<std::string>& parties,
                       const std::vector<std::string>& tracks) {
             std::vector<std::string> party_ids, track_ids;
             for (const Party& p : loaded.scenario->parties) party_ids.push_back(p.id);
             for (const Track& t : loaded.scenario->tracks) track_ids.push_back(t.id);
             std::vector<int> played, on;
             for (const std::string& id : parties)
               played.push_back(index_of(party_ids, id, "party"));
             for (const std::string& id : tracks) on.push_back(index_of(track_ids, id, "track"));
             return std::make_unique<SteppedNegotiation>(loaded.scenario, python_registry(), played,
                                                         on);
           }),
           py::arg("scenario"), py::arg("parties"), py::arg("tracks") = std::vector<std::string>())
      .def(
          "reset",
          [](SteppedNegotiation& game, std::uint64_t seed, std::uint64_t run) {
            game.reset(seed, run);
          },
          py::arg("seed"), py::arg("run") = 0)
      .def_property_readonly("done", &SteppedNegotiation::done)
      .def_property_readonly(
          "party",
          [](const SteppedNegotiation& game) -> py::object {
            if (game.done()) return py::none();
            return py::str(
                game.scenario().parties[static_cast<std::size_t>(game.decision().party)].id);
          })
      .def_property_readonly("move_count", &SteppedNegotiation::move_count)
      .def_property_readonly("accept_move", &SteppedNegotiation::accept_move)
      .def_property_readonly("reject_move", &SteppedNegotiation::reject_move)
      .def_property_readonly("walk_away_move", &SteppedNegotiation::walk_away_move)
      .def("offset", &SteppedNegotiation::offset)
      .def("legal_moves",
           [](const SteppedNegotiation& game) {
             const auto moves = game.legal_moves();
             return py::array_t<std::int64_t>(static_cast<py::ssize_t>(moves.size()), moves.data());
           })
      .def("legal_move_range",
           [](const SteppedNegotiation& game) {
             // Offers are one contiguous range; answers a short list: cheap for big tracks.
             if (game.done()) return py::make_tuple(0, 0);
             const auto& d = game.decision();
             if (d.phase == SteppedNegotiation::Phase::Propose)
               return py::make_tuple(game.offset(d.track), game.offset(d.track + 1));
             return py::make_tuple(
                 game.accept_move(),
                 game.accept_move() + 2 + (d.view.setup->walk_away_allowed ? 1 : 0));
           })
      .def("legal", &SteppedNegotiation::legal)
      .def("step",
           [](SteppedNegotiation& game, std::int64_t move) {
             if (!game.done() && !game.legal(move))
               throw py::value_error("move " + std::to_string(move) + " is not legal now: " +
                                     py::str(py::cast(game.legal_moves())).cast<std::string>());
             game.step(move);
           })
      .def("observation",
           [](const SteppedNegotiation& game) {
             const auto& d = game.decision();
             return observation_of(game.scenario(), d.view,
                                   d.phase == SteppedNegotiation::Phase::Respond,
                                   game.offset(d.track));
           })
      .def("own_utilities",
           [](const SteppedNegotiation& game) {
             const auto& d = game.decision();
             const Eigen::ArrayXd& u = d.view.setup->own_utilities();
             return py::array_t<double>(static_cast<py::ssize_t>(u.size()), u.data());
           })
      .def("describe_move", &describe_move)
      .def("payoffs",
           [](const SteppedNegotiation& game) {
             py::dict out;
             const RunResult& r = game.result();
             for (std::size_t p = 0; p < r.parties.size(); ++p)
               out[py::str(game.scenario().parties[p].id)] = r.parties[p].utility;
             return out;
           })
      .def("result_json", [](const SteppedNegotiation& game) {
        return run_report_json(game.simulator(), game.result()).dump(2) + "\n";
      });
}

}  // namespace parley::python
