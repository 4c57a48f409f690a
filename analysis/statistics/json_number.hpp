#pragma once
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>

namespace parley {

// Doubles in the accumulators' state JSON. Finite values are JSON numbers (nlohmann writes
// the shortest text that reads back to the same double, so the round trip is exact); JSON
// has no infinities or NaN, so those are the strings "inf", "-inf" and "nan".
inline nlohmann::json exact_json_number(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  return x;
}

inline double exact_number_from_json(const nlohmann::json& json) {
  if (json.is_number()) return json.get<double>();
  const std::string text = json.get<std::string>();
  if (text == "nan") return std::numeric_limits<double>::quiet_NaN();
  if (text == "inf") return std::numeric_limits<double>::infinity();
  if (text == "-inf") return -std::numeric_limits<double>::infinity();
  throw std::invalid_argument("expected a number, \"inf\", \"-inf\" or \"nan\", found \"" + text +
                              "\"");
}

// Estimates in summaries: a number, or null when it is undefined (NaN, an empty optional).
inline nlohmann::json number_or_null(double x) {
  return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr);
}
inline nlohmann::json number_or_null(const std::optional<double>& x) {
  return x ? number_or_null(*x) : nlohmann::json(nullptr);
}

// The "kind" tag every state object carries, so a shard of the wrong type fails loudly.
inline void expect_kind(const nlohmann::json& json, const char* kind) {
  if (json.at("kind").get<std::string>() != kind) {
    throw std::invalid_argument(std::string("expected accumulator state of kind \"") + kind +
                                "\", found \"" + json.at("kind").get<std::string>() + "\"");
  }
}

// A number a summary or trace holds, or `fallback` where it holds none (null, absent, a string).
inline double number_or(const nlohmann::json& json, double fallback = 0.0) {
  return json.is_number() ? json.get<double>() : fallback;
}

}  // namespace parley
