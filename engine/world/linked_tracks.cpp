#include "engine/world/linked_tracks.hpp"

#include <algorithm>

#include "engine/scenario/scenario.hpp"
#include "engine/world/implementation.hpp"

namespace parley {

namespace {
constexpr int kNotComputed = -3;
constexpr int kNever = -2;

bool ended(TrackStatus s) {
  return s != TrackStatus::Open && s != TrackStatus::Suspended;
}
bool failed(TrackStatus s) {
  return ended(s) && s != TrackStatus::Agreed;
}
}  // namespace

LinkedTracks::LinkedTracks(const Scenario& scenario, std::vector<TrackRun>& tracks,
                           std::uint64_t seed, std::uint64_t run_index, int opener,
                           TraceSink* trace, WorldRun::Settle settle)
    : scenario_(&scenario),
      tracks_(&tracks),
      seed_(seed),
      run_index_(run_index),
      opener_(opener),
      trace_(trace),
      settle_(settle) {
  std::vector<TrackLinks> links;
  for (const Track& t : scenario.tracks) links.push_back(t.links);
  group_ = package_groups(links);
  waiting_.assign(tracks.size(), 0);
  held_.assign(tracks.size(), 0);
  carried_.assign(tracks.size(), kNotComputed);
}

bool LinkedTracks::needed(const Scenario& scenario) {
  return std::any_of(scenario.tracks.begin(), scenario.tracks.end(),
                     [](const Track& t) { return !t.links.empty(); });
}

void LinkedTracks::begin() {
  for (std::size_t t = 0; t < tracks_->size(); ++t) {
    if (scenario_->tracks[t].links.opens_when.empty()) continue;
    TrackRun& tr = (*tracks_)[t];
    if (tr.result.status == TrackStatus::Open) tr.result.status = TrackStatus::Suspended;
    waiting_[t] = tr.result.status == TrackStatus::Suspended ? 1 : 0;
  }
}

bool LinkedTracks::hold(TrackRun& tr, int round) {
  if (tr.result.status != TrackStatus::Agreed || group_[tr.track] < 0) return false;
  tr.result.status = TrackStatus::Suspended;
  tr.result.round = round;
  held_[tr.track] = 1;
  if (trace_) trace_->on_track_condition(round, tr.track, LinkChange::Held, tr.track);
  return true;
}

int LinkedTracks::carried_round(int track) {
  const TrackResult& r = (*tracks_)[track].result;
  if (r.status != TrackStatus::Agreed) return -1;
  if (carried_[track] != kNotComputed) return carried_[track];
  // A track without implementation items is carried out when it is agreed.
  int when = r.round;
  const auto& items = scenario_->world.implementation;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].track != track) continue;
    const ImplementationResult done =
        carry_out_item(*scenario_, static_cast<int>(i), r, seed_, run_index_);
    if (!done.carried_out) {
      when = kNever;
      break;
    }
    when = std::max(when, done.carried_out_round);
  }
  carried_[track] = when;
  return when;
}

LinkedTracks::Truth LinkedTracks::eval(const TrackCondition& c, int round) {
  const TrackStatus s = (*tracks_)[c.track].result.status;
  const auto known = [](bool holds) { return holds ? Truth::Holds : Truth::Never; };
  switch (c.state) {
    case TrackState::Agreed:
      return ended(s) ? known(s == TrackStatus::Agreed) : Truth::NotYet;
    case TrackState::BrokenDown:
      return ended(s) ? known(s == TrackStatus::Breakdown) : Truth::NotYet;
    case TrackState::WalkedOut:
      return ended(s) ? known(s == TrackStatus::WalkAway) : Truth::NotYet;
    case TrackState::Failed:
      return ended(s) ? known(failed(s)) : Truth::NotYet;
    case TrackState::CarriedOut: {
      if (!ended(s)) return Truth::NotYet;
      if (failed(s)) return Truth::Never;
      const int when = carried_round(c.track);
      if (when == kNever) return Truth::Never;
      return when <= round ? Truth::Holds : Truth::NotYet;
    }
    case TrackState::NotCarriedOut: {
      if (!ended(s)) return Truth::NotYet;
      if (failed(s)) return Truth::Never;
      if (carried_round(c.track) != kNever) return Truth::Never;
      // Known once the latest delay of the track's items has passed.
      int known_round = (*tracks_)[c.track].result.round;
      for (const ImplementationSpec& item : scenario_->world.implementation)
        if (item.track == c.track)
          known_round = std::max(known_round, (*tracks_)[c.track].result.round + item.delay_max);
      return known_round <= round ? Truth::Holds : Truth::NotYet;
    }
  }
  return Truth::NotYet;
}

void LinkedTracks::close(TrackRun& tr, int round, TrackStatus status, LinkChange why, int cause) {
  if (trace_) trace_->on_track_condition(round, tr.track, why, cause);
  tr.result.closed_by_condition = status == TrackStatus::Closed;
  tr.result.closing = why;
  tr.result.cause = cause;
  waiting_[tr.track] = 0;
  held_[tr.track] = 0;
  tr.result.status = status;
  tr.result.round = round;
  settle_(tr);
}

bool LinkedTracks::apply_once(int round) {
  const int n = static_cast<int>(tracks_->size());
  for (int t = 0; t < n; ++t) {
    TrackRun& tr = (*tracks_)[t];
    const TrackLinks& links = scenario_->tracks[t].links;
    // An event opened or closed it meanwhile, or reopened a held track: the condition is spent.
    if (waiting_[t] && tr.result.status != TrackStatus::Suspended) waiting_[t] = 0;
    if (held_[t] && tr.result.status != TrackStatus::Suspended) held_[t] = 0;
    if (ended(tr.result.status)) continue;
    for (const TrackCondition& c : links.closes_when) {
      if (eval(c, round) != Truth::Holds) continue;
      close(tr, round, TrackStatus::Closed, LinkChange::Closed, c.track);
      return true;
    }
    if (!waiting_[t]) continue;
    bool all = true;
    for (const TrackCondition& c : links.opens_when) {
      const Truth truth = eval(c, round);
      if (truth == Truth::Never) {
        close(tr, round, TrackStatus::Closed, LinkChange::NeverOpens, c.track);
        return true;
      }
      all = all && truth == Truth::Holds;
    }
    if (!all) continue;
    waiting_[t] = 0;
    tr.result.status = TrackStatus::Open;
    tr.proposer = opener_;
    tr.result.opened_round = round + 1;
    if (trace_)
      trace_->on_track_condition(round, t, LinkChange::Opened, links.opens_when.back().track);
    return true;
  }
  // Packages: all held → agreed together; one failed → the held deals fall.
  for (int g = 0; g < n; ++g) {
    if (group_[g] != g) continue;
    bool all_held = true;
    int fell = -1;
    for (int t = 0; t < n; ++t) {
      if (group_[t] != g) continue;
      all_held = all_held && held_[t];
      if (failed((*tracks_)[t].result.status) && fell < 0) fell = t;
    }
    if (all_held) {
      // The member agreed last completed the package.
      int last = g;
      for (int t = 0; t < n; ++t)
        if (group_[t] == g && (*tracks_)[t].result.round >= (*tracks_)[last].result.round) last = t;
      for (int t = 0; t < n; ++t) {
        if (group_[t] != g) continue;
        TrackRun& tr = (*tracks_)[t];
        held_[t] = 0;
        tr.result.status = TrackStatus::Agreed;
        tr.result.round = round;
        if (trace_) trace_->on_track_condition(round, t, LinkChange::PackageAgreed, last);
        settle_(tr);
      }
      return true;
    }
    if (fell < 0) continue;
    bool any = false;
    for (int t = 0; t < n; ++t) {
      if (group_[t] != g || !held_[t]) continue;
      close((*tracks_)[t], round, TrackStatus::Closed, LinkChange::PackageFell, fell);
      any = true;
    }
    if (any) return true;
  }
  return false;
}

void LinkedTracks::update(int round) {
  while (apply_once(round)) {
  }
}

bool LinkedTracks::pending() const {
  for (std::size_t t = 0; t < tracks_->size(); ++t)
    if ((waiting_[t] || held_[t]) && (*tracks_)[t].result.status == TrackStatus::Suspended)
      return true;
  return false;
}

void LinkedTracks::finish(int last_round, bool world_settles) {
  const int round = std::max(last_round, 0);
  for (std::size_t t = 0; t < tracks_->size(); ++t) {
    TrackRun& tr = (*tracks_)[t];
    if (tr.result.status != TrackStatus::Suspended) continue;
    if (held_[t]) {
      close(tr, round, TrackStatus::Deadline, LinkChange::PackageFell, static_cast<int>(t));
    } else if (!world_settles) {
      waiting_[t] = 0;
      tr.result.round = round;
      settle_(tr);
    }
  }
}

}  // namespace parley
