#include "engine/load/actors_loader.hpp"

#include <algorithm>

#include "engine/format.hpp"
#include "engine/load/message_text.hpp"
#include "engine/load/uncertainty_loader.hpp"

namespace parley {

namespace {
// One number per dimension from the object at `p` (positions or saliences), keyed by dimension
// id: an unknown key is an error at the key, a missing dimension one at the object.
std::vector<double> per_dimension(const JsonDocument& doc, const std::string& p,
                                  const std::vector<forecast::PolicyDimension>& dims,
                                  const char* what, bool on_scale,
                                  const std::vector<double>* defaults = nullptr) {
  std::vector<std::string> ids;
  for (const auto& d : dims) ids.push_back(d.id);
  for (const std::string& key : doc.keys(p))
    if (std::find(ids.begin(), ids.end(), key) == ids.end())
      throw doc.key_error(child_pointer(p, key), "a dimension id (known: " + plain_list(ids) + ")",
                          with_suggestion(quote(key), key, ids));
  std::vector<double> out;
  for (const auto& d : dims) {
    const std::string q = child_pointer(p, d.id);
    if (!doc.contains(q) && defaults) {
      out.push_back((*defaults)[out.size()]);
      continue;
    }
    if (!doc.contains(q))
      throw doc.error(p, std::string("a ") + what + " for dimension " + quote(d.id), "none for it");
    const double v = doc.at(q).get<double>();
    if (on_scale && (v < d.low || v > d.high))
      throw doc.error(q,
                      std::string("a") + (what[0] == 'i' ? "n " : " ") + what +
                          " on the scale of " + quote(d.id) + " (" + format_number(d.low, 6) +
                          " to " + format_number(d.high, 6) + ")",
                      doc.literal(q));
    out.push_back(v);
  }
  return out;
}

template <typename E>
void read_choice(const JsonDocument& doc, const std::string& p, E& out) {
  // The schema allowed only known names, so parse cannot fail here.
  if (doc.contains(p)) forecast::parse(doc.at(p).get<std::string>(), out);
}
}  // namespace

ForecastScenario read_actors(const JsonDocument& doc) {
  ForecastScenario f;
  f.name = doc.contains("/meta/name") ? doc.at("/meta/name").get<std::string>() : "";
  forecast::ActorTable& t = f.table;
  if (doc.contains("/actors/source")) t.source = doc.at("/actors/source").get<std::string>();

  std::vector<std::string> dim_ids;
  for (std::size_t k = 0; k < doc.at("/actors/dimensions").size(); ++k) {
    const std::string p = child_pointer("/actors/dimensions", k);
    forecast::PolicyDimension d;
    d.id = doc.at(p + "/id").get<std::string>();
    if (std::find(dim_ids.begin(), dim_ids.end(), d.id) != dim_ids.end())
      throw doc.error(p + "/id", "a dimension id not used before", quote(d.id) + ", used twice");
    dim_ids.push_back(d.id);
    d.name = doc.contains(p + "/name") ? doc.at(p + "/name").get<std::string>() : d.id;
    d.unit = doc.contains(p + "/unit") ? doc.at(p + "/unit").get<std::string>() : "";
    d.low = doc.at(p + "/scale/0").get<double>();
    d.high = doc.at(p + "/scale/1").get<double>();
    if (!(d.high > d.low))
      throw doc.error(p + "/scale/1",
                      "the high end of the scale, above the low end " + doc.literal(p + "/scale/0"),
                      doc.literal(p + "/scale/1"));
    t.dimensions.push_back(d);
  }

  std::vector<std::string> ids;
  for (std::size_t k = 0; k < doc.at("/actors/members").size(); ++k) {
    const std::string p = child_pointer("/actors/members", k);
    forecast::Stakeholder a;
    a.id = doc.at(p + "/id").get<std::string>();
    if (std::find(ids.begin(), ids.end(), a.id) != ids.end())
      throw doc.error(p + "/id", "an actor id not used before", quote(a.id) + ", used twice");
    ids.push_back(a.id);
    a.name = doc.contains(p + "/name") ? doc.at(p + "/name").get<std::string>() : a.id;
    if (doc.contains(p + "/description"))
      a.description = doc.at(p + "/description").get<std::string>();
    a.capability = doc.at(p + "/capability").get<double>();
    a.positions = per_dimension(doc, p + "/positions", t.dimensions, "position", true);
    a.saliences = per_dimension(doc, p + "/saliences", t.dimensions, "salience", false);
    // Ideal points: a dimension left out is one where the actor wants what it states.
    if (doc.contains(p + "/ideals"))
      a.ideals = per_dimension(doc, p + "/ideals", t.dimensions, "ideal point", true, &a.positions);
    if (doc.contains(p + "/ideal_adjustment"))
      a.ideal_adjustment = doc.at(p + "/ideal_adjustment").get<double>();
    if (doc.contains(p + "/risk") && doc.at(p + "/risk").is_number())
      a.risk_exponent = doc.at(p + "/risk").get<double>();
    t.actors.push_back(std::move(a));
  }

  forecast::ModelParameters& m = f.model;
  const std::string mp = "/actors/model";
  if (doc.contains(mp + "/q")) m.q = doc.at(mp + "/q").get<double>();
  if (doc.contains(mp + "/t")) m.t = doc.at(mp + "/t").get<double>();
  read_choice(doc, mp + "/win_probability", m.win_probability);
  read_choice(doc, mp + "/offer_choice", m.offer_choice);
  read_choice(doc, mp + "/perspective", m.perspective);
  read_choice(doc, mp + "/security", m.security);
  if (doc.contains(mp + "/settle_tolerance"))
    m.settle_tolerance = doc.at(mp + "/settle_tolerance").get<double>();
  if (doc.contains(mp + "/max_rounds")) m.max_rounds = doc.at(mp + "/max_rounds").get<int>();
  if (doc.contains(mp + "/ideal_adjustment"))
    m.ideal_adjustment = doc.at(mp + "/ideal_adjustment").get<double>();
  f.uncertainty = read_uncertainty_entries(doc);
  bind_actor_parameters(f.uncertainty, t);  // throws at the entry at fault
  return f;
}

}  // namespace parley
