#include "sweep/block_result.hpp"

#include <stdexcept>
#include <vector>

namespace parley {

std::string encode_block_result(std::uint64_t block, const SweepStatistics& statistics,
                                const std::string& rows) {
  const nlohmann::json json = {
      {"block", block}, {"statistics", statistics.state()}, {"rows", rows}};
  const std::vector<std::uint8_t> bytes = nlohmann::json::to_cbor(json);
  return std::string(bytes.begin(), bytes.end());
}

BlockResult decode_block_result(const std::string& bytes,
                                std::shared_ptr<const SweepLayout> layout) {
  try {
    const nlohmann::json json = nlohmann::json::from_cbor(bytes);
    return BlockResult{json.at("block").get<std::uint64_t>(),
                       SweepStatistics::from_state(std::move(layout), json.at("statistics")),
                       json.at("rows").get<std::string>()};
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument(std::string("not a block result: ") + e.what());
  }
}

}  // namespace parley
