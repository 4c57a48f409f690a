#include "analysis/report/world_json.hpp"

#include "analysis/report/terms_json.hpp"

namespace parley {

using nlohmann::ordered_json;

ordered_json war_json(const Scenario& s, const WorldResult& w) {
  return {{"position", w.position},
          {"victor", w.victor >= 0 ? ordered_json(s.parties[w.victor].id) : ordered_json(nullptr)},
          {"ceasefire", w.ceasefire},
          {"end_round", w.end_round >= 0 ? ordered_json(w.end_round) : ordered_json(nullptr)},
          {"rounds_fought", w.rounds_fought}};
}

ordered_json implementation_json(const Scenario& s, const RunResult& result) {
  ordered_json items = ordered_json::array();
  for (const ImplementationResult& r : result.implementation) {
    const ImplementationSpec& spec = s.world.implementation[r.item];
    ordered_json fraction = ordered_json::object();
    for (std::size_t p = 0; p < s.parties.size(); ++p)
      fraction[s.parties[p].id] = tidy(r.fraction[p]);
    items.push_back(
        {{"id", spec.id},
         {"track", s.tracks[spec.track].id},
         {"issue", spec.issue >= 0 ? ordered_json(s.issues[spec.issue].id) : nullptr},
         {"signed", r.signed_},
         {"signed_round", r.signed_ ? ordered_json(r.signed_round) : nullptr},
         {"terms", r.signed_ && spec.issue >= 0 ? ordered_json(tidy(r.terms)) : nullptr},
         {"carried_out", r.carried_out},
         {"carried_out_round", r.carried_out ? ordered_json(r.carried_out_round) : nullptr},
         {"fraction", fraction}});
  }
  return items;
}

}  // namespace parley
