#pragma once
#include "engine/forecast/actor_table.hpp"

namespace parley::forecast {

// Bueno de Mesquita's actor table for the European Community's 1989 decision on car-emission
// standards: ten members, capability, position on the source's scale from 4 to 10, salience in per
// cent. Source: B. Bueno de Mesquita (1994), "Political
// forecasting: an expected utility method", in Bueno de Mesquita & Stokman (eds.), European
// Community Decision Making, Yale University Press, ch. 4; reproduced in Scholz, Calbert & Smith
// (2011), J. Theoretical Politics 23(4), Table 1. The same table ships as
// scenarios/ec-car-emissions-1994.json.
inline ActorTable ec_car_emissions_table() {
  ActorTable t;
  t.dimensions.push_back({"standard", "Emission standard for small cars", "points", 4, 10});
  struct Row {
    const char* name;
    double c, x, s;
  };
  const Row rows[] = {{"Netherlands", 8, 4, 80}, {"Belgium", 8, 7, 40},  {"Luxembourg", 3, 4, 20},
                      {"Germany", 16, 4, 80},    {"France", 16, 10, 60}, {"Italy", 16, 10, 60},
                      {"UK", 16, 10, 90},        {"Ireland", 5, 7, 10},  {"Denmark", 5, 4, 100},
                      {"Greece", 8, 7, 70}};
  for (const Row& r : rows) {
    Stakeholder a;
    a.id = a.name = r.name;
    a.capability = r.c;
    a.positions = {r.x};
    a.saliences = {r.s / 100.0};
    t.actors.push_back(a);
  }
  t.source = "Bueno de Mesquita (1994), European Community Decision Making, ch. 4";
  return t;
}

}  // namespace parley::forecast
