#include "engine/forecast/model_parameters.hpp"

namespace parley::forecast {

const char* to_string(WinProbability v) {
  return v == WinProbability::kPair ? "pair" : "all_votes";
}
const char* to_string(OfferChoice v) {
  return v == OfferChoice::kClosest ? "closest" : "strongest";
}
const char* to_string(Perspective v) {
  return v == Perspective::kOwn ? "own" : "observer";
}
const char* to_string(SecurityWeighting v) {
  return v == SecurityWeighting::kNone ? "none" : "capability";
}

namespace {
template <typename E>
bool parse_enum(const std::string& text, E& out, E a, E b) {
  if (text == to_string(a)) {
    out = a;
    return true;
  }
  if (text == to_string(b)) {
    out = b;
    return true;
  }
  return false;
}
}  // namespace

bool parse(const std::string& text, WinProbability& out) {
  return parse_enum(text, out, WinProbability::kPair, WinProbability::kAllVotes);
}
bool parse(const std::string& text, OfferChoice& out) {
  return parse_enum(text, out, OfferChoice::kClosest, OfferChoice::kStrongest);
}
bool parse(const std::string& text, Perspective& out) {
  return parse_enum(text, out, Perspective::kOwn, Perspective::kObserver);
}
bool parse(const std::string& text, SecurityWeighting& out) {
  return parse_enum(text, out, SecurityWeighting::kNone, SecurityWeighting::kCapability);
}

}  // namespace parley::forecast
