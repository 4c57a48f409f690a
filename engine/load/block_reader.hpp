#pragma once
#include <string>
#include <vector>

#include "engine/load/json_document.hpp"
#include "engine/scenario/scenario.hpp"

namespace parley {

// What the loaders of the optional blocks (types, mediation, history) share: reading values of
// a document that passed the schema, resolving ids against the scenario built so far, dates to
// rounds, and failing at the offending value (docs/architecture.md, rule 3).
class BlockReader {
 public:
  BlockReader(const JsonDocument& document, const Scenario& scenario)
      : doc_(document), s_(scenario) {}

  const JsonDocument& doc() const { return doc_; }
  bool has(const std::string& p) const { return doc_.contains(p); }
  const nlohmann::json& at(const std::string& p) const { return doc_.at(p); }
  std::string text(const std::string& p, std::string fallback = {}) const;
  double number(const std::string& p, double fallback) const;
  std::size_t size(const std::string& p) const { return has(p) ? at(p).size() : 0; }

  [[noreturn]] void fail(const std::string& p, std::string expected, std::string found) const;
  [[noreturn]] void fail_key(const std::string& p, std::string expected, std::string found) const;

  // The index of the track, party, mediator or pressure lever whose id is the string at `p`.
  int track(const std::string& p) const;
  int party(const std::string& p) const;
  int mediator(const std::string& p) const;
  int lever(const std::string& p) const;
  // A `source` must name a declared source, or be a citation in words.
  void check_source(const std::string& p) const;
  // The round of the date (string) or round (integer) at `p` on the scenario's clock: the round
  // whose days contain the date. Dates before the clock starts are an error.
  int round_of(const std::string& p) const;
  // The round of a date on the clock (floor), for dates already checked.
  static int round_of_date(const RoundClock& clock, const Date& date);

 private:
  int find(const std::string& p, const std::vector<std::string>& ids, const char* what) const;

  const JsonDocument& doc_;
  const Scenario& s_;
};

}  // namespace parley
