#pragma once
#include <cstddef>
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <vector>

#include "analysis/statistics/proportion.hpp"

namespace parley {

// Frequencies of categories 0..k-1 (the level of an options issue, a flag's no/yes, a
// closing reason). Declaring k up front keeps unseen categories in the output; a larger
// category grows the table. Integer counts: merges are exact in any order.
class Categorical {
 public:
  explicit Categorical(std::size_t categories = 0) : counts_(categories, 0) {}

  void add(std::size_t category);
  void merge(const Categorical& other);  // the result has the larger number of categories

  std::size_t categories() const { return counts_.size(); }
  std::uint64_t count(std::size_t category) const;  // 0 beyond the table
  std::uint64_t total() const { return total_; }
  // The category's share as a proportion of the total, with its Wilson interval.
  Proportion share(std::size_t category) const;

  friend bool operator==(const Categorical&, const Categorical&) = default;
  friend void to_json(nlohmann::json& json, const Categorical& categorical);
  friend void from_json(const nlohmann::json& json, Categorical& categorical);

 private:
  std::vector<std::uint64_t> counts_;
  std::uint64_t total_ = 0;
};

// {"total", "counts": [...], "shares": [...], "wilson95": [[lower, upper], ...]};
// shares are null when the total is 0.
nlohmann::json summarize(const Categorical& categorical);

}  // namespace parley
