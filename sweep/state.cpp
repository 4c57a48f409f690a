#include "sweep/state.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace parley {

void BlockSet::add(std::uint64_t first, std::uint64_t last) {
  if (first >= last) return;
  ranges_.emplace_back(first, last);
  std::sort(ranges_.begin(), ranges_.end());
  std::vector<std::pair<std::uint64_t, std::uint64_t>> merged;
  for (const auto& r : ranges_) {
    if (!merged.empty() && r.first <= merged.back().second)
      merged.back().second = std::max(merged.back().second, r.second);
    else
      merged.push_back(r);
  }
  ranges_ = std::move(merged);
}

bool BlockSet::contains(std::uint64_t block) const {
  for (const auto& [first, last] : ranges_)
    if (block >= first && block < last) return true;
  return false;
}

bool BlockSet::intersects(const BlockSet& other) const {
  for (const auto& [a, b] : ranges_)
    for (const auto& [c, d] : other.ranges_)
      if (a < d && c < b) return true;
  return false;
}

std::uint64_t BlockSet::count() const {
  std::uint64_t n = 0;
  for (const auto& [first, last] : ranges_) n += last - first;
  return n;
}

std::vector<std::uint64_t> BlockSet::missing(std::uint64_t first, std::uint64_t last) const {
  std::vector<std::uint64_t> out;
  for (std::uint64_t b = first; b < last; ++b)
    if (!contains(b)) out.push_back(b);
  return out;
}

std::uint64_t SweepState::blocks() const {
  return (runs() + block_size() - 1) / block_size();
}

bool SweepState::complete() const {
  return done.count() == blocks() && done.missing(0, blocks()).empty();
}

nlohmann::json to_json(const SweepState& state) {
  nlohmann::json done = nlohmann::json::array();
  for (const auto& [first, last] : state.done.ranges()) done.push_back({first, last});
  return {{"kind", "parley-sweep-state"},
          {"version", 1},
          {"identity", state.identity},
          {"scenario_path", state.scenario_path},
          {"shard",
           {{"index", state.shard.index},
            {"count", state.shard.count},
            {"first_block", state.shard.first_block},
            {"last_block", state.shard.last_block}}},
          {"done", done},
          {"layout", to_json(*state.layout)},
          {"statistics", state.statistics->state()}};
}

SweepState sweep_state_from_json(const nlohmann::json& json) {
  if (!json.is_object() || json.value("kind", "") != "parley-sweep-state")
    throw std::invalid_argument("not a parley sweep state (state.json)");
  if (json.at("version").get<int>() != 1)
    throw std::invalid_argument("sweep state version " + json.at("version").dump() +
                                " is not supported");
  SweepState state;
  state.identity = json.at("identity");
  state.scenario_path = json.at("scenario_path").get<std::string>();
  const auto& shard = json.at("shard");
  state.shard = {shard.at("index").get<int>(), shard.at("count").get<int>(),
                 shard.at("first_block").get<std::uint64_t>(),
                 shard.at("last_block").get<std::uint64_t>()};
  for (const auto& range : json.at("done"))
    state.done.add(range.at(0).get<std::uint64_t>(), range.at(1).get<std::uint64_t>());
  state.layout = std::make_shared<const SweepLayout>(sweep_layout_from_json(json.at("layout")));
  state.statistics = SweepStatistics::from_state(state.layout, json.at("statistics"));
  return state;
}

void merge_states(SweepState& into, const SweepState& other) {
  if (into.identity != other.identity)
    throw std::invalid_argument(
        "the directories hold different sweeps (scenario, seed, runs, design or parameters "
        "differ)");
  if (into.done.intersects(other.done))
    throw std::invalid_argument("the directories overlap: some blocks were run twice");
  for (const auto& [first, last] : other.done.ranges()) into.done.add(first, last);
  into.statistics->merge(*other.statistics);
  into.shard.first_block = std::min(into.shard.first_block, other.shard.first_block);
  into.shard.last_block = std::max(into.shard.last_block, other.shard.last_block);
  if (into.shard.first_block == 0 && into.shard.last_block == into.blocks())
    into.shard = {1, 1, 0, into.blocks()};
}

nlohmann::json summary_json(const SweepState& state) {
  nlohmann::json out = {
      {"parley_summary", 1},
      {"partial", !state.complete()},
      {"runs", {{"planned", state.runs()}, {"completed", state.statistics->runs()}}},
      {"sweep", state.identity}};
  if (state.shard.count > 1)
    out["shard"] = {{"index", state.shard.index},
                    {"count", state.shard.count},
                    {"first_block", state.shard.first_block},
                    {"last_block", state.shard.last_block}};
  const nlohmann::json statistics = state.statistics->summary();
  for (const auto& [key, value] : statistics.items()) out[key] = value;
  return out;
}

std::string fingerprint(const std::string& bytes) {
  std::uint64_t h = 0xCBF29CE484222325ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001B3ull;
  }
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(h));
  return std::string("fnv1a64:") + text;
}

}  // namespace parley
