// Names of the engine's enums, as they appear in traces, JSON output and reports.
#include "engine/move.hpp"
#include "engine/run_result.hpp"

namespace parley {

const char* to_string(Action action) {
  switch (action) {
    case Action::Offer:
      return "offer";
    case Action::Accept:
      return "accept";
    case Action::Reject:
      return "reject";
    case Action::WalkAway:
      return "walk-away";
    case Action::Breakdown:
      return "breakdown";
    case Action::Deadline:
      return "deadline";
  }
  return "?";
}

const char* to_string(TrackStatus status) {
  switch (status) {
    case TrackStatus::Open:
      return "open";
    case TrackStatus::Agreed:
      return "agreed";
    case TrackStatus::Deadline:
      return "deadline";
    case TrackStatus::Breakdown:
      return "breakdown";
    case TrackStatus::WalkAway:
      return "walk-away";
    case TrackStatus::MilitaryVictory:
      return "military-victory";
    case TrackStatus::Closed:
      return "closed";
    case TrackStatus::Suspended:
      return "suspended";
  }
  return "?";
}

}  // namespace parley
