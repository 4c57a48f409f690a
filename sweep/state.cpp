#include "sweep/state.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "sweep/runner.hpp"

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

const std::string& parley_version() {
  static const std::string version = PARLEY_VERSION;
  return version;
}

void seal(nlohmann::json& json) {
  json.erase("checksum");
  json["checksum"] = fingerprint(json.dump());
}

void check_seal(nlohmann::json& json) {
  if (!json.is_object() || !json.contains("checksum") || !json["checksum"].is_string())
    throw std::invalid_argument("no checksum: not written whole by this version of parley");
  const std::string recorded = json["checksum"].get<std::string>();
  json.erase("checksum");
  if (fingerprint(json.dump()) != recorded)
    throw std::invalid_argument(
        "its checksum does not match its content: the file was truncated, edited or corrupted "
        "after parley wrote it");
}

bool same_sweep(const nlohmann::json& a, const nlohmann::json& b) {
  auto without_name = [](nlohmann::json identity) {
    if (identity.contains("scenario") && identity["scenario"].is_object())
      identity["scenario"].erase("file");
    return identity;
  };
  return without_name(a) == without_name(b);
}

nlohmann::json to_json(const SweepState& state) {
  nlohmann::json done = nlohmann::json::array();
  for (const auto& [first, last] : state.done.ranges()) done.push_back({first, last});
  nlohmann::json json = {{"kind", "parley-sweep-state"},
                         {"version", kSweepStateFormat},
                         {"parley_version", parley_version()},
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
  seal(json);
  return json;
}

StateBlocks read_state_blocks(nlohmann::json& json, const std::string& kind, int format,
                              std::uint64_t block_size) {
  if (!json.at("version").is_number_integer() || json.at("version").get<std::int64_t>() != format)
    throw std::invalid_argument(kind + " format " + json.at("version").dump() +
                                " is not supported (this parley reads format " +
                                std::to_string(format) + "; run the sweep again)");
  const std::string version = json.value("parley_version", std::string("unknown"));
  if (version != parley_version())
    throw std::invalid_argument("written by parley " + version + ", and this is parley " +
                                parley_version() +
                                ": a sweep resumes and merges only with the version that started "
                                "it, since results may differ between versions");
  check_seal(json);
  StateBlocks state;
  state.identity = json.at("identity");
  state.scenario_path = json.at("scenario_path").get<std::string>();
  // Unsigned numbers are read as such: nlohmann would wrap a -1 round to 2^64 - 1.
  auto count_at = [](const nlohmann::json& j, const char* key) {
    const auto& v = j.at(key);
    if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<std::int64_t>() >= 0))
      throw std::invalid_argument(std::string("\"") + key + "\" must be a count >= 0, found " +
                                  v.dump());
    return v.get<std::uint64_t>();
  };
  const std::uint64_t runs = count_at(state.identity, "runs");
  if (runs < 1 || runs > kMaxSweepRuns)
    throw std::invalid_argument("\"runs\" " + std::to_string(runs) + " is outside 1 to " +
                                std::to_string(kMaxSweepRuns));
  if (count_at(state.identity, "block_size") != block_size)
    throw std::invalid_argument("\"block_size\" must be " + std::to_string(block_size));
  const std::uint64_t blocks = sweep_block_count(runs, block_size);
  const auto& shard = json.at("shard");
  const std::uint64_t index = count_at(shard, "index"), count = count_at(shard, "count");
  state.shard.first_block = count_at(shard, "first_block");
  state.shard.last_block = count_at(shard, "last_block");
  if (count < 1 || count > kMaxSweepShards || index > count ||
      state.shard.first_block > state.shard.last_block || state.shard.last_block > blocks ||
      (index >= 1 && (state.shard.first_block != (index - 1) * blocks / count ||
                      state.shard.last_block != index * blocks / count)))
    throw std::invalid_argument("\"shard\" " + shard.dump() + " is not a slice of the sweep's " +
                                std::to_string(blocks) + " blocks");
  state.shard.index = static_cast<int>(index);
  state.shard.count = static_cast<int>(count);
  std::uint64_t listed = 0, runs_done = 0;
  for (const auto& range : json.at("done")) {
    if (!range.is_array() || range.size() != 2)
      throw std::invalid_argument("\"done\" must list [first, last) block ranges");
    const std::uint64_t first = count_at({{"first", range[0]}}, "first");
    const std::uint64_t last = count_at({{"last", range[1]}}, "last");
    if (first >= last || first < state.shard.first_block || last > state.shard.last_block)
      throw std::invalid_argument("\"done\" holds blocks " + range.dump() +
                                  " outside the shard's blocks [" +
                                  std::to_string(state.shard.first_block) + ", " +
                                  std::to_string(state.shard.last_block) + ")");
    listed += last - first;
    runs_done += std::min(runs, last * block_size) - first * block_size;
    state.done.add(first, last);
  }
  if (state.done.count() != listed) throw std::invalid_argument("\"done\" lists some blocks twice");
  state.runs_done = runs_done;
  return state;
}

SweepState sweep_state_from_json(nlohmann::json json) {
  if (!json.is_object() || json.value("kind", "") != "parley-sweep-state")
    throw std::invalid_argument("not a parley sweep state (state.json)");
  StateBlocks blocks = read_state_blocks(json, "sweep state", kSweepStateFormat, kSweepBlockSize);
  const std::uint64_t runs_done = blocks.runs_done;
  SweepState state;
  state.identity = std::move(blocks.identity);
  state.scenario_path = std::move(blocks.scenario_path);
  state.shard = blocks.shard;
  state.done = std::move(blocks.done);
  state.layout = std::make_shared<const SweepLayout>(sweep_layout_from_json(json.at("layout")));
  state.statistics = SweepStatistics::from_state(state.layout, json.at("statistics"));
  if (state.statistics->runs() != runs_done)
    throw std::invalid_argument("the statistics count " + std::to_string(state.statistics->runs()) +
                                " runs, the blocks done hold " + std::to_string(runs_done));
  if (const std::string e = state.statistics->count_mismatch(); !e.empty())
    throw std::invalid_argument(e);
  return state;
}

void merge_states(SweepState& into, const SweepState& other) {
  if (!same_sweep(into.identity, other.identity))
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
      {"parley_summary", 2},
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
  seal(out);
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
