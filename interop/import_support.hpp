#pragma once
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

// What the importers share: ids made from foreign names, and the agents that play imported
// parties (docs/interop.md, "Agents of imported parties").

// The agent model imported parties get unless told otherwise: GENIUS's classic baseline is a
// time-dependent Boulware negotiator, and the field's domains are usually played against it.
inline constexpr const char* kDefaultImportAgent = "boulware";
// Foreign formats carry no date; scenarios need one (meta.date), so an obviously neutral one.
inline constexpr const char* kDefaultImportDate = "2000-01-01";

// Agent models for imported parties: one model for every party, or one per party in order.
struct ImportAgents {
  std::vector<std::string> models{kDefaultImportAgent};

  // The model of party `party` of `parties`; throws InputError (naming `source`) when the
  // number of models is neither 1 nor `parties`.
  std::string model_for(int party, int parties, const std::string& source) const;
};

// A scenario id ([A-Za-z][A-Za-z0-9_-]*) made from a foreign name, unique within `taken`
// (which it extends): "Size of Fund" -> "Size_of_Fund", "3 rooms" -> "i3_rooms", and a second
// "Size_of_Fund" -> "Size_of_Fund_2". `fallback` names nameless things.
std::string make_id(const std::string& name, std::set<std::string>& taken,
                    const std::string& fallback = "id");

// Concatenation without `"literal" + std::to_string(n)`, which GCC 12 misreads as an
// overlapping copy (-Werror=restrict, GCC bug 105651).
template <class... Parts>
std::string concat(const Parts&... parts) {
  std::string text;
  (text.append(std::string_view(parts)), ...);
  return text;
}

// The shortest decimal text that reads back as exactly `x` ("0.1", not "0.10000000000000001").
std::string shortest_decimal(double x);

}  // namespace parley
