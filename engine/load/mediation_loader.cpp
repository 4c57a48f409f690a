#include "engine/load/mediation_loader.hpp"

#include <algorithm>

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
  if (r.has("/protocol/revision")) {
    if (s.protocol.kind != ProtocolKind::SingleText)
      r.fail_key("/protocol/revision", "revision only with \"kind\": \"single-text\"",
                 "\"kind\": " + quote(to_string(s.protocol.kind)));
    s.protocol.revision = r.text("/protocol/revision") == "nash-floors"
                              ? SingleTextRevision::NashFloors
                              : SingleTextRevision::Criticism;
  }
  if (r.has("/protocol/text_step")) {
    if (s.protocol.revision != SingleTextRevision::Criticism)
      r.fail_key("/protocol/text_step", "text_step only with \"revision\": \"criticism\"",
                 "\"revision\": " + quote(to_string(s.protocol.revision)));
    s.protocol.text_step = r.number("/protocol/text_step", s.protocol.text_step);
  }
  if (s.protocol.restart_text && s.protocol.revision != SingleTextRevision::NashFloors)
    r.fail_key("/protocol/restart_text",
               "restart_text only with \"revision\": \"nash-floors\" (the criticism revision "
               "never declares deadlock)",
               "\"revision\": " + quote(to_string(s.protocol.revision)));

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

  // Deadlines the parties believe in (docs/agents.md, "Deadlines that bite"): each party keeps
  // the earliest.
  // A track is agreed only with its package (docs/scenario-format.md, "Track conditions"), so a
  // deadline on one member is a deadline on all.
  std::vector<TrackLinks> links;
  for (const Track& t : s.tracks) links.push_back(t.links);
  const std::vector<int> package = package_groups(links);
  auto covers = [&package](int track, std::size_t t) {
    const int u = static_cast<int>(t);
    return track < 0 || u == track || (package[t] >= 0 && package[t] == package[track]);
  };
  auto believe = [&s, &covers](int party, int round, int track) {
    std::vector<int>& believed = s.parties[static_cast<std::size_t>(party)].believed_deadline;
    believed.resize(s.tracks.size(), 0);
    for (std::size_t t = 0; t < believed.size(); ++t) {
      if (!covers(track, t)) continue;
      believed[t] = believed[t] == 0 ? round : std::min(believed[t], round);
    }
  };
  // A deadline in rounds: the talks must end before it, so a round-0 deadline leaves nothing;
  // it counts as 1 (the first round is the last).
  auto deadline_at = [&r](const std::string& p) { return std::max(1, r.round_of(p)); };
  for (std::size_t q = 0; q < s.parties.size(); ++q) {
    const std::string p = child_pointer(child_pointer("/parties", q), "deadline");
    if (!r.has(p)) continue;
    r.check_source(p + "/source");
    believe(static_cast<int>(q), deadline_at(p + "/at"), -1);
  }
  if (r.has("/mediation/deadline")) {
    const std::string p = "/mediation/deadline";
    r.check_source(p + "/source");
    const int round = deadline_at(p + "/at");
    if (!r.has(p + "/believed_by"))
      for (std::size_t q = 0; q < s.parties.size(); ++q) believe(static_cast<int>(q), round, -1);
    for (std::size_t k = 0; k < r.size(p + "/believed_by"); ++k)
      believe(r.party(child_pointer(p + "/believed_by", k)), round, -1);
  }
  for (std::size_t k = 0; k < r.size("/mediation/ultimatums"); ++k) {
    const std::string p = child_pointer("/mediation/ultimatums", k);
    for (std::size_t q = 0; q < r.size(p + "/believed_by"); ++q)
      believe(r.party(child_pointer(p + "/believed_by", q)), deadline_at(p + "/deadline"),
              r.track(p + "/unless_agreed"));
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
