#include "engine/load/track_links_loader.hpp"

#include "engine/load/block_reader.hpp"
#include "engine/load/message_text.hpp"

namespace parley {

namespace {
constexpr TrackState kStates[] = {TrackState::Agreed,     TrackState::CarriedOut,
                                  TrackState::BrokenDown, TrackState::WalkedOut,
                                  TrackState::Failed,     TrackState::NotCarriedOut};

TrackState state_of(const BlockReader& r, const std::string& p) {
  const std::string word = r.text(p);
  std::vector<std::string> words;
  for (const TrackState s : kStates) {
    if (word == to_string(s)) return s;
    words.push_back(to_string(s));
  }
  r.fail(p, "one of " + quoted_list(words), with_suggestion(quote(word), word, words));
}

// One condition or a list of them, at `p`; returns the pointer of each.
std::vector<std::string> condition_pointers(const BlockReader& r, const std::string& p) {
  if (!r.has(p)) return {};
  if (r.at(p).is_object()) return {p};
  std::vector<std::string> out;
  for (std::size_t k = 0; k < r.size(p); ++k) out.push_back(child_pointer(p, k));
  return out;
}

// "carried out" for carried_out.
std::string words(TrackState state) {
  std::string w = to_string(state);
  for (char& ch : w)
    if (ch == '_') ch = ' ';
  return w;
}

// "phase2 opens after phase1 is agreed" / "phase1 is agreed only with phase3".
std::string describe_wait(const Scenario& s, int from, int to) {
  for (const TrackCondition& c : s.tracks[from].links.opens_when)
    if (c.track == to)
      return s.tracks[from].id + " opens when " + s.tracks[to].id + " is " + words(c.state);
  return s.tracks[from].id + " is agreed only with " + s.tracks[to].id;
}
}  // namespace

void read_track_links(const JsonDocument& document, Scenario& s) {
  const BlockReader r(document, s);
  if (!r.has("/tracks")) return;
  for (std::size_t t = 0; t < s.tracks.size(); ++t) {
    const std::string p = child_pointer("/tracks", t);
    TrackLinks& links = s.tracks[t].links;
    auto read = [&](const std::string& key, std::vector<TrackCondition>& out) {
      for (const std::string& q : condition_pointers(r, p + "/" + key)) {
        TrackCondition c;
        c.track = r.track(q + "/track");
        if (c.track == static_cast<int>(t))
          r.fail(q + "/track", "a track other than " + quote(s.tracks[t].id) + " itself",
                 quote(s.tracks[t].id));
        c.state = state_of(r, q + "/state");
        out.push_back(c);
      }
    };
    read("opens_when", links.opens_when);
    read("closes_when", links.closes_when);
    for (std::size_t k = 0; k < r.size(p + "/package"); ++k) {
      const std::string q = child_pointer(p + "/package", k);
      const int partner = r.track(q);
      if (partner == static_cast<int>(t))
        r.fail(q, "a track other than " + quote(s.tracks[t].id) + " itself", quote(s.tracks[t].id));
      links.package.push_back(partner);
    }
  }
  std::vector<TrackLinks> all;
  for (const Track& track : s.tracks) all.push_back(track.links);
  const std::vector<int> cycle = find_waiting_cycle(all);
  if (cycle.empty()) return;
  std::string found = "a cycle: ";
  for (std::size_t k = 0; k + 1 < cycle.size(); ++k)
    found += (k ? ", " : "") + describe_wait(s, cycle[k], cycle[k + 1]);
  r.fail(child_pointer("/tracks", static_cast<std::size_t>(cycle[0])) + "/opens_when",
         "track conditions that can be met (tracks that do not wait for each other)", found);
}

}  // namespace parley
