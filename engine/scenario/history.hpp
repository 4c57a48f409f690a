#pragma once
#include <string>
#include <vector>

namespace parley {

// What really happened in the talks a scenario models (docs/scenario-format.md, "history"), so
// `parley run` and `parley sweep` can set the simulated outcome beside the historical one.
// Recorded facts, not inputs: nothing in a run reads them.

// A historical term of an agreement: the issue's value as the engine writes it (option or flag
// index, quantity, share), and the words of the source.
struct HistoricalTerm {
  int issue = 0;  // scenario issue index (on the track)
  double value = 0.0;
  std::string text;
};

// How one track ended in history.
struct HistoricalTrack {
  int track = 0;
  bool agreed = false;
  std::string date;  // when it was agreed (YYYY-MM-DD); empty when not agreed
  int round = -1;    // the round of that date on the scenario's clock; -1 when not agreed
  std::vector<HistoricalTerm> terms;  // the terms agreed (any subset of the track's issues)
  std::string how;                    // in words: "armistice signed", "no ceasefire"
  std::string source;
  std::string note;
};

// A number or fact worth reporting beside the outcome (Big Switch: 75,823 returned...).
struct HistoricalFact {
  std::string text;
  std::string source;
};

struct HistorySpec {
  bool present = false;
  std::string summary;
  std::string end_date;  // when the talks ended (signature, last round)
  std::string source;
  std::vector<HistoricalTrack> tracks;  // the tracks history records, file order
  std::vector<HistoricalFact> facts;
};

}  // namespace parley
