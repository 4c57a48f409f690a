#include "engine/load/type_loader.hpp"

#include <algorithm>
#include <cmath>

#include "engine/format.hpp"
#include "engine/load/block_reader.hpp"
#include "engine/load/message_text.hpp"

namespace parley {

namespace {
constexpr double kSumTolerance = 1e-9;

bool is_war_track(const Scenario& s, int track) {
  const auto& w = s.world.war_tracks;
  return std::find(w.begin(), w.end(), track) != w.end();
}

void read_reservation(const BlockReader& r, const Scenario& s, const std::string& p,
                      PartyType& type) {
  type.reservation.assign(s.tracks.size(), kUnset);
  if (!r.has(p)) return;
  if (r.at(p).is_number()) {
    const double value = r.at(p).get<double>();
    for (std::size_t t = 0; t < s.tracks.size(); ++t)
      if (!is_war_track(s, static_cast<int>(t))) type.reservation[t] = value;
    return;
  }
  for (const std::string& id : r.doc().keys(p)) {
    const std::string q = child_pointer(p, id);
    int track = -1;
    for (std::size_t t = 0; t < s.tracks.size(); ++t)
      if (s.tracks[t].id == id) track = static_cast<int>(t);
    if (track < 0) {
      std::vector<std::string> ids;
      for (const Track& t : s.tracks) ids.push_back(t.id);
      r.fail_key(q, "the id of a track (known: " + plain_list(ids) + ")",
                 with_suggestion(quote(id), id, ids));
    }
    if (is_war_track(s, track))
      r.fail_key(q,
                 "a track that is not a war track (a war track's reservation is the value of "
                 "fighting on: give the type war_cost_scale, win_probability or its war values)",
                 "war track " + quote(id));
    type.reservation[static_cast<std::size_t>(track)] = r.at(q).get<double>();
  }
}
}  // namespace

void read_private_types(const JsonDocument& document, Scenario& s) {
  const BlockReader r(document, s);
  int strength_party = -1;
  for (std::size_t k = 0; k < s.parties.size(); ++k) {
    const std::string p = child_pointer(child_pointer("/parties", k), "types");
    if (!r.has(p)) continue;
    const int party = static_cast<int>(k);
    std::vector<PartyType> types;
    std::vector<std::string> ids;
    double total = 0.0;
    for (std::size_t j = 0; j < r.size(p); ++j) {
      const std::string q = child_pointer(p, j);
      PartyType type;
      type.id = r.text(q + "/id");
      if (std::find(ids.begin(), ids.end(), type.id) != ids.end())
        r.fail(q + "/id", "a type id not used before for this party", quote(type.id) + " again");
      ids.push_back(type.id);
      type.label = r.text(q + "/label", type.id);
      type.source = r.text(q + "/source");
      r.check_source(q + "/source");
      type.probability = r.number(q + "/probability", 0.0);
      total += type.probability;
      type.cost_per_round = r.number(q + "/cost_per_round", kUnset);
      type.discount = r.number(q + "/discount", kUnset);
      type.war_cost_scale = r.number(q + "/war_cost_scale", kUnset);
      type.win_probability = r.number(q + "/win_probability", kUnset);
      type.victory_value = r.number(q + "/victory_value", kUnset);
      type.defeat_value = r.number(q + "/defeat_value", kUnset);
      for (const char* field : {"war_cost_scale", "victory_value", "defeat_value"})
        if (r.has(q + "/" + field) && s.world.parties.empty())
          r.fail_key(q + "/" + field, "a scenario with a world block (costs and war values)",
                     "no /world");
      if (is_set(type.win_probability)) {
        const BattlefieldSpec& b = s.world.battlefield;
        if (!b.present)
          r.fail_key(q + "/win_probability", "a scenario with a world.battlefield", "none");
        if (party != b.up_party && party != b.down_party)
          r.fail_key(q + "/win_probability", "a party fighting on the battlefield",
                     quote(s.parties[k].id) + ", which is not");
        if (strength_party >= 0 && strength_party != party)
          r.fail_key(q + "/win_probability",
                     "strength types for one party only (the battlefield has one win probability)",
                     "types of " + quote(s.parties[strength_party].id) + " set it already");
        strength_party = party;
      }
      read_reservation(r, s, q + "/reservation", type);
      types.push_back(std::move(type));
    }
    if (std::abs(total - 1.0) > kSumTolerance)
      r.fail(p, "type probabilities that sum to 1", "a sum of " + format_number(total, 12));
    s.parties[k].types = std::move(types);
  }
}

}  // namespace parley
