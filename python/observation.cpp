#include "python/observation.hpp"

namespace parley::python {

py::dict observation_of(const Scenario& scenario, const PartyView& view, bool respond,
                        std::int64_t offset) {
  const AgentSetup& setup = *view.setup;
  py::dict out;
  out["party"] = scenario.parties[static_cast<std::size_t>(setup.party)].id;
  out["track"] = scenario.tracks[static_cast<std::size_t>(setup.track)].id;
  out["phase"] = respond ? "respond" : "propose";
  out["round"] = view.round.round;
  out["deadline_rounds"] = view.round.deadline_rounds;
  out["reservation"] = setup.current_reservation();
  out["walk_away_allowed"] = setup.walk_away_allowed;
  out["complete_information"] = setup.complete_information;
  if (view.offer && view.offer->on_grid()) {
    out["offer"] = offset + view.offer->outcome;
  } else {
    out["offer"] = py::none();
  }
  if (view.offer)
    out["offer_utility"] = setup.space->utility(setup.party, *view.offer);
  else
    out["offer_utility"] = py::none();
  py::list history;
  for (const Move& m : *view.history)
    history.append(py::make_tuple(
        m.round,
        m.party >= 0 ? py::object(py::str(scenario.parties[static_cast<std::size_t>(m.party)].id))
                     : py::object(py::none()),
        to_string(m.action),
        m.deal.on_grid() ? py::object(py::int_(offset + m.deal.outcome)) : py::object(py::none())));
  out["history"] = history;
  return out;
}

}  // namespace parley::python
