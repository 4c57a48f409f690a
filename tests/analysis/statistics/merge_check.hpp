#pragma once
#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <random>
#include <vector>

namespace parley::testing {

// Splits observations 0..n-1 into `shards` contiguous blocks at random cut points, feeds each
// block to its own accumulator (made by `make`, fed by `feed(acc, i)`), round-trips every
// shard through JSON text (as `parley merge` would read them from disk), then merges them in
// a random order. Returns the merged state's JSON text.
template <class Accumulator, class Make, class Feed>
std::string merged_in_random_order(std::size_t n, std::size_t shards, std::uint64_t seed, Make make,
                                   Feed feed) {
  std::mt19937_64 rng(seed);
  std::vector<std::size_t> cuts = {0, n};
  for (std::size_t s = 1; s < shards; ++s) cuts.push_back(rng() % (n + 1));
  std::sort(cuts.begin(), cuts.end());
  std::vector<Accumulator> parts;
  for (std::size_t s = 0; s + 1 < cuts.size(); ++s) {
    Accumulator part = make();
    for (std::size_t i = cuts[s]; i < cuts[s + 1]; ++i) feed(part, i);
    const std::string text = nlohmann::json(part).dump();
    parts.push_back(nlohmann::json::parse(text).get<Accumulator>());
  }
  std::shuffle(parts.begin(), parts.end(), rng);
  Accumulator whole = make();
  for (const Accumulator& part : parts) whole.merge(part);
  return nlohmann::json(whole).dump();
}

// One sequential pass over the same observations.
template <class Accumulator, class Make, class Feed>
std::string single_pass(std::size_t n, Make make, Feed feed) {
  Accumulator whole = make();
  for (std::size_t i = 0; i < n; ++i) feed(whole, i);
  return nlohmann::json(whole).dump();
}

}  // namespace parley::testing
