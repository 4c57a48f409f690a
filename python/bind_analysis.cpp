// The analysis from Python: parley.analyze(scenario) gives, per track, the utility set, the
// Pareto frontier and the bargaining solutions as numpy arrays (the numbers of
// `parley analyze --format json`).
#include <pybind11/eigen.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "analysis/solutions/bargaining_solutions.hpp"
#include "analysis/solutions/pareto.hpp"
#include "analysis/solutions/utility_set.hpp"
#include "python/bindings.hpp"

namespace parley::python {

namespace {

struct TrackSolutions {
  std::string id;
  UtilitySet set;
  std::vector<std::int64_t> frontier;
  std::vector<std::pair<const char*, std::optional<std::int64_t>>> solutions;
};

}  // namespace

void bind_analysis(py::module_& m) {
  m.def(
      "analyze",
      [](const LoadedScenario& loaded) {
        const Scenario& scenario = *loaded.scenario;
        std::vector<TrackSolutions> tracks(scenario.tracks.size());
        {
          py::gil_scoped_release release;
          for (std::size_t t = 0; t < tracks.size(); ++t) {
            const OutcomeSpace& space = loaded.simulator->space(static_cast<int>(t));
            TrackSolutions& a = tracks[t];
            a.id = scenario.tracks[t].id;
            a.set = utility_set(space, scenario);
            a.frontier = pareto_frontier(a.set);
            a.solutions = {{"nash", nash_solution(a.set, a.frontier)},
                           {"kalai_smorodinsky", kalai_smorodinsky_solution(a.set, a.frontier)},
                           {"egalitarian", egalitarian_solution(a.set, a.frontier)},
                           {"utilitarian", utilitarian_solution(a.set, a.frontier)}};
          }
        }
        py::dict out;
        for (const TrackSolutions& a : tracks) {
          py::dict track;
          const auto parties = static_cast<py::ssize_t>(a.set.parties());
          track["utilities"] = py::array_t<double>(py::cast(a.set.utilities));
          track["disagreement"] = py::array_t<double>(py::cast(a.set.disagreement));
          py::array_t<std::int64_t> outcomes(static_cast<py::ssize_t>(a.frontier.size()));
          py::array_t<double> points({static_cast<py::ssize_t>(a.frontier.size()), parties});
          auto o = outcomes.mutable_unchecked<1>();
          auto u = points.mutable_unchecked<2>();
          for (std::size_t k = 0; k < a.frontier.size(); ++k) {
            const auto i = static_cast<py::ssize_t>(k);
            o(i) = a.frontier[k];
            for (py::ssize_t p = 0; p < parties; ++p)
              u(i, p) = a.set.utilities(a.frontier[k], static_cast<Eigen::Index>(p));
          }
          track["frontier_outcomes"] = outcomes;
          track["frontier"] = points;
          for (const auto& [key, outcome] : a.solutions) {
            if (!outcome) {
              track[key] = py::none();
              track[py::str(std::string(key) + "_outcome")] = py::none();
              continue;
            }
            py::array_t<double> point(parties);
            auto v = point.mutable_unchecked<1>();
            for (py::ssize_t p = 0; p < parties; ++p)
              v(p) = a.set.utilities(*outcome, static_cast<Eigen::Index>(p));
            track[key] = point;
            track[py::str(std::string(key) + "_outcome")] = *outcome;
          }
          out[py::str(a.id)] = track;
        }
        return out;
      },
      py::arg("scenario"),
      "Per track id: utilities (outcomes x parties), disagreement, frontier (points x parties) "
      "and frontier_outcomes, and the nash, kalai_smorodinsky, egalitarian and utilitarian "
      "points (None when no outcome is individually rational), with their *_outcome indices");
}

}  // namespace parley::python
