#pragma once
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>

namespace parley {

// The standard normal quantile for a two-sided 95% interval: Phi^-1(0.975).
inline constexpr double kZ95 = 1.959963984540054;

struct Interval {
  double lower = 0.0;
  double upper = 1.0;
};

// The Wilson (1927) score interval for a binomial proportion: with p = successes/trials,
//   centre = (p + z^2/2n) / (1 + z^2/n),
//   half   = z / (1 + z^2/n) * sqrt(p(1-p)/n + z^2/4n^2).
// Unlike the Wald interval it stays inside [0, 1] and is sensible at p = 0 or 1 (Newcombe
// 1998). With no trials it is [0, 1].
Interval wilson_interval(std::uint64_t successes, std::uint64_t trials, double z = kZ95);

// A proportion (agreement on a track, say). Integer counts: merges are exact in any order.
class Proportion {
 public:
  Proportion() = default;
  Proportion(std::uint64_t successes, std::uint64_t trials);  // successes <= trials

  void add(bool success) {
    ++trials_;
    if (success) ++successes_;
  }
  void merge(const Proportion& other) {
    successes_ += other.successes_;
    trials_ += other.trials_;
  }

  std::uint64_t successes() const { return successes_; }
  std::uint64_t trials() const { return trials_; }
  std::optional<double> estimate() const;  // none without trials
  Interval wilson(double z = kZ95) const { return wilson_interval(successes_, trials_, z); }

  friend bool operator==(const Proportion&, const Proportion&) = default;
  friend void to_json(nlohmann::json& json, const Proportion& proportion);
  friend void from_json(const nlohmann::json& json, Proportion& proportion);

 private:
  std::uint64_t successes_ = 0;
  std::uint64_t trials_ = 0;
};

// {"successes", "trials", "estimate", "wilson95": [lower, upper]}; estimate null if no trials.
nlohmann::json summarize(const Proportion& proportion);

}  // namespace parley
