#include "engine/scenario/track_links.hpp"

#include <algorithm>
#include <functional>

namespace parley {

const char* to_string(TrackState state) {
  switch (state) {
    case TrackState::Agreed:
      return "agreed";
    case TrackState::CarriedOut:
      return "carried_out";
    case TrackState::BrokenDown:
      return "broken_down";
    case TrackState::WalkedOut:
      return "walked_out";
    case TrackState::Failed:
      return "failed";
    case TrackState::NotCarriedOut:
      return "not_carried_out";
  }
  return "?";
}

const char* to_string(LinkChange change) {
  switch (change) {
    case LinkChange::Opened:
      return "opened";
    case LinkChange::NeverOpens:
      return "never-opens";
    case LinkChange::Closed:
      return "closed";
    case LinkChange::Held:
      return "held";
    case LinkChange::PackageAgreed:
      return "package-agreed";
    case LinkChange::PackageFell:
      return "package-fell";
  }
  return "?";
}

std::vector<int> package_groups(const std::vector<TrackLinks>& links) {
  const int n = static_cast<int>(links.size());
  std::vector<int> group(static_cast<std::size_t>(n), -1);
  // Flood fill over the package links taken both ways; tracks are few (tens at most).
  for (int start = 0; start < n; ++start) {
    if (group[start] >= 0 || links[start].package.empty()) continue;
    std::vector<int> stack{start};
    group[start] = start;
    while (!stack.empty()) {
      const int t = stack.back();
      stack.pop_back();
      for (int u = 0; u < n; ++u) {
        if (group[u] >= 0) continue;
        const auto& mine = links[t].package;
        const auto& theirs = links[u].package;
        const bool linked = std::find(mine.begin(), mine.end(), u) != mine.end() ||
                            std::find(theirs.begin(), theirs.end(), t) != theirs.end();
        if (!linked) continue;
        group[u] = start;
        stack.push_back(u);
      }
    }
  }
  return group;
}

std::vector<int> find_waiting_cycle(const std::vector<TrackLinks>& links) {
  const int n = static_cast<int>(links.size());
  const std::vector<int> group = package_groups(links);
  // Wait edges: a → b when a opens after b; b → its package partners (b's agreement waits for
  // theirs). A cycle is a deadlock only when it takes at least one opens_when edge.
  auto partners = [&](int t) {
    std::vector<int> out;
    if (group[t] < 0) return out;
    for (int u = 0; u < n; ++u)
      if (u != t && group[u] == group[t]) out.push_back(u);
    return out;
  };
  for (int a = 0; a < n; ++a) {
    for (const TrackCondition& c : links[a].opens_when) {
      // Is a reachable from c.track? Depth-first, remembering the path.
      std::vector<int> path{a, c.track};
      std::vector<char> seen(static_cast<std::size_t>(n), 0);
      std::function<bool(int)> reach = [&](int t) -> bool {
        if (t == a) return true;
        if (seen[t]) return false;
        seen[t] = 1;
        std::vector<int> next;
        for (const TrackCondition& d : links[t].opens_when) next.push_back(d.track);
        for (const int u : partners(t)) next.push_back(u);
        for (const int u : next) {
          path.push_back(u);
          if (reach(u)) return true;
          path.pop_back();
        }
        return false;
      };
      if (reach(c.track)) return path;
    }
  }
  return {};
}

}  // namespace parley
