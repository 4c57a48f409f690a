#include "engine/load/mediation_loader.hpp"

#include "engine/load/block_reader.hpp"
#include "engine/load/message_text.hpp"

namespace parley {

namespace {
std::string when(const BlockReader& r, const std::string& p) {
  return r.at(p).is_string() ? r.text(p) : "round " + std::to_string(r.at(p).get<long long>());
}
}  // namespace

void read_mediation(const JsonDocument& document, Scenario& s) {
  const BlockReader r(document, s);
  if (r.has("/protocol/mediator")) {
    if (s.protocol.kind != ProtocolKind::SingleText)
      r.fail_key("/protocol/mediator", "a mediator only with \"kind\": \"single-text\"",
                 "\"kind\": " + quote(to_string(s.protocol.kind)));
    s.protocol.mediator = r.mediator("/protocol/mediator");
  }
  if (r.has("/protocol/restart_text")) {
    if (s.protocol.kind != ProtocolKind::SingleText)
      r.fail_key("/protocol/restart_text", "restart_text only with \"kind\": \"single-text\"",
                 "\"kind\": " + quote(to_string(s.protocol.kind)));
    s.protocol.restart_text = r.at("/protocol/restart_text").get<bool>();
  }

  for (std::size_t k = 0; k < r.size("/mediation/agenda"); ++k) {
    const std::string p = child_pointer("/mediation/agenda", k);
    EventSpec e;
    const int track = r.track(p + "/track");
    e.id = "agenda-" + s.tracks[track].id;
    e.kind = "open_track";
    e.round = r.round_of(p + "/opens");
    e.date = r.at(p + "/opens").is_string() ? r.text(p + "/opens") : std::string();
    e.label = r.text(p + "/label", "the agenda opens " + s.tracks[track].label + " (" +
                                       when(r, p + "/opens") + ")");
    e.source = r.text(p + "/source");
    r.check_source(p + "/source");
    e.args = {{"track", static_cast<double>(track)}, {"initially_closed", 1.0}};
    s.world.events.push_back(std::move(e));
  }

  for (std::size_t k = 0; k < r.size("/mediation/ultimatums"); ++k) {
    const std::string p = child_pointer("/mediation/ultimatums", k);
    EventSpec e;
    const int lever = r.lever(p + "/lever");
    const int track = r.track(p + "/unless_agreed");
    const bool on = r.text(p + "/consequence") == "on";
    const std::string actor = r.text(p + "/actor");
    e.id = "ultimatum-" + std::to_string(k + 1);
    e.kind = "set_pressure";
    e.round = r.round_of(p + "/deadline");
    e.date = r.at(p + "/deadline").is_string() ? r.text(p + "/deadline") : std::string();
    e.unless_agreed = track;
    e.label = r.text(p + "/label", actor + " deadline " + when(r, p + "/deadline") + ": " +
                                       s.world.pressure[lever].id + (on ? " on" : " off") +
                                       " unless " + s.tracks[track].id + " is agreed");
    e.source = r.text(p + "/source");
    r.check_source(p + "/source");
    e.args = {{"lever", static_cast<double>(lever)}, {"active", on ? 1.0 : 0.0}};
    s.world.events.push_back(std::move(e));
  }
}

}  // namespace parley
