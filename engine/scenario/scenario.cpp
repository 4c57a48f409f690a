#include "engine/scenario/scenario.hpp"

namespace parley {

const char* to_string(ProtocolKind kind) {
  switch (kind) {
    case ProtocolKind::Alternating:
      return "alternating";
    case ProtocolKind::Stacked:
      return "stacked";
    case ProtocolKind::SingleText:
      return "single-text";
    case ProtocolKind::Attrition:
      return "attrition";
  }
  return "?";
}

const char* to_string(SingleTextRevision revision) {
  return revision == SingleTextRevision::Criticism ? "criticism" : "nash-floors";
}

namespace {
template <typename T>
int index_by_id(const std::vector<T>& items, const std::string& id) {
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].id == id) return static_cast<int>(i);
  return -1;
}
}  // namespace

int Scenario::party_index(const std::string& id) const {
  return index_by_id(parties, id);
}
int Scenario::issue_index(const std::string& id) const {
  return index_by_id(issues, id);
}
int Scenario::track_index(const std::string& id) const {
  return index_by_id(tracks, id);
}

}  // namespace parley
