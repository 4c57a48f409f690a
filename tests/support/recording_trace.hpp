#pragma once
// A TraceSink that keeps every move in memory, for tests that inspect the offers of a run.
#include <vector>

#include "engine/trace.hpp"

namespace parley::test {

class RecordingTrace final : public TraceSink {
 public:
  void on_move(const Move& move) override { moves.push_back(move); }

  // The offers made by `party` (every party when -1), in order.
  std::vector<Move> offers(int party = -1) const {
    std::vector<Move> out;
    for (const Move& m : moves)
      if (m.action == Action::Offer && (party < 0 || m.party == party)) out.push_back(m);
    return out;
  }

  std::vector<Move> moves;
};

}  // namespace parley::test
