#include "engine/load/reach_check.hpp"

#include <algorithm>

#include "engine/load/block_reader.hpp"

namespace parley {

namespace {
class Reach {
 public:
  Reach(const JsonDocument& document, const Scenario& s)
      : doc_(document), r_(document, s), s_(s), deadline_(s.protocol.deadline_rounds) {}

  std::vector<std::string> run() {
    if (deadline_ <= 0) return {};
    for (std::size_t k = 0; k < r_.size("/events"); ++k) {
      const std::string p = child_pointer("/events", k);
      for (const char* key : {"round", "date"})
        if (r_.has(p + "/" + key)) late(p + "/" + key, "the event can never fire");
      if (r_.has(p + "/from")) late(p + "/from", "the random event can never fire");
    }
    for (std::size_t k = 0; k < r_.size("/mediation/agenda"); ++k)
      late(child_pointer("/mediation/agenda", k) + "/opens", "the track never opens");
    for (std::size_t k = 0; k < r_.size("/mediation/ultimatums"); ++k)
      late(child_pointer("/mediation/ultimatums", k) + "/deadline",
           "the ultimatum never falls due");
    for (std::size_t q = 0; q < s_.parties.size(); ++q) {
      const std::string p = child_pointer(child_pointer("/parties", q), "deadline") + "/at";
      if (r_.has(p)) late(p, "the party's own deadline never bites");
    }
    if (r_.has("/mediation/deadline/at"))
      late("/mediation/deadline/at", "the mediator's deadline never bites");
    for (std::size_t t = 0; t < s_.tracks.size(); ++t) carried_too_late(static_cast<int>(t));
    return std::move(out_);
  }

 private:
  // "day 41 (2025-02-25)": the scenario's own word for a round, as every report says it.
  std::string round_text(int round) const {
    std::string out = s_.clock.round_name;
    out += ' ';
    out += std::to_string(round);
    out += " (";
    out += s_.clock.date_of(round).to_string();
    out += ')';
    return out;
  }
  std::string last_round() const {
    return "a time the talks reach (the last is " + round_text(deadline_ - 1) +
           ", protocol.deadline_rounds " + std::to_string(deadline_) + ")";
  }
  void warn(const std::string& pointer, const std::string& expected, const std::string& found) {
    const TextPosition at = doc_.position(pointer);
    out_.push_back(doc_.name() + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) +
                   ": warning at " + pointer + ": expected " + expected + ", found " + found);
  }
  void late(const std::string& pointer, const std::string& consequence) {
    const int round = r_.round_of(pointer);
    if (round < deadline_) return;
    warn(pointer, last_round(),
         doc_.literal(pointer) + ", " + round_text(round) + ": " + consequence);
  }
  // A track that opens once another is carried out opens at the earliest in the round after the
  // longest of that track's shortest item delays.
  void carried_too_late(int t) {
    const auto& conditions = s_.tracks[t].links.opens_when;
    for (std::size_t k = 0; k < conditions.size(); ++k) {
      if (conditions[k].state != TrackState::CarriedOut) continue;
      int earliest = 1;
      for (const ImplementationSpec& item : s_.world.implementation)
        if (item.track == conditions[k].track) earliest = std::max(earliest, item.delay_min + 1);
      if (earliest < deadline_) continue;
      std::string p =
          child_pointer(child_pointer("/tracks", static_cast<std::size_t>(t)), "opens_when");
      if (r_.at(p).is_array()) p = child_pointer(p, k);
      warn(p, last_round(),
           "a track that opens at the earliest in " + round_text(earliest) + ", once " +
               s_.tracks[conditions[k].track].id +
               "'s implementation delays have passed: the track never opens");
    }
  }

  const JsonDocument& doc_;
  const BlockReader r_;
  const Scenario& s_;
  int deadline_;
  std::vector<std::string> out_;
};
}  // namespace

std::vector<std::string> check_reach(const JsonDocument& document, const Scenario& scenario) {
  return Reach(document, scenario).run();
}

}  // namespace parley
