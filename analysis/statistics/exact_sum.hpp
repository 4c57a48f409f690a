#pragma once
#include <array>
#include <bit>
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

#include "analysis/statistics/double_double.hpp"

namespace parley {

// A sum of doubles kept exactly, so that it does not depend on the order of the additions:
// any split of a sweep into shards, merged in any order, gives a bit-identical result
// (docs/architecture.md, rules 1 and 5). Floating-point addition is not associative, so a plain
// running sum (or Welford's mean) cannot promise that; an exact sum can.
//
// How: a fixed-point integer whose least significant bit weighs 2^-1074 (the smallest
// double) and that reaches past 2^1024 with room for 2^64 additions (Kulisch's long
// accumulator). It is stored carry-save as 68 signed 64-bit limbs holding 32-bit chunks, so
// adding a double touches three limbs and never loops over carries; carries are resolved
// every 2^26 additions and before reading. 552 bytes, a few nanoseconds per addition.
// Infinities and NaN are tracked apart and follow IEEE rules (inf + -inf = NaN).
class ExactSum {
 public:
  // Inline: this is the sweep's hot path (one call per observation and statistic).
  void add(double x) {
    const auto bits = std::bit_cast<std::uint64_t>(x);
    const auto exponent = static_cast<int>((bits >> 52) & 0x7ff);
    if (exponent == 0x7ff) {
      add_special(x);
      return;
    }
    std::uint64_t significand = bits & ((std::uint64_t{1} << 52) - 1);
    int position = 0;  // of the significand's lowest bit, in units of 2^-1074
    if (exponent != 0) {
      significand |= std::uint64_t{1} << 52;
      position = exponent - 1;
    }
    const int limb = position / kChunkBits;
    const int shift = position % kChunkBits;
    const std::uint64_t low = (significand & kChunkMask) << shift;    // < 2^63
    const std::uint64_t high = (significand >> kChunkBits) << shift;  // < 2^52
    // (c ^ sign) - sign is c for a positive x and -c for a negative one, without a branch.
    const auto sign = static_cast<std::int64_t>(bits) >> 63;
    auto signed_chunk = [sign](std::uint64_t c) {
      return (static_cast<std::int64_t>(c) ^ sign) - sign;
    };
    limbs_[limb] += signed_chunk(low & kChunkMask);
    limbs_[limb + 1] += signed_chunk((low >> kChunkBits) + (high & kChunkMask));
    limbs_[limb + 2] += signed_chunk(high >> kChunkBits);
    if (++pending_ >= kNormalizeEvery) normalize();
  }
  // Adds x*y exactly: the rounded product and its rounding error (fma). Exact unless the
  // product underflows; deterministic either way.
  void add_product(double x, double y);
  void merge(const ExactSum& other);

  // The sum rounded to the nearest double (ties to even); in the subnormal range the result
  // may be rounded twice. An exact sum of zero reads +0.
  double value() const;
  // The sum to ~106 bits: hi = value(), lo = the rest rounded to a double.
  DoubleDouble value_dd() const;

  // Canonical text of the exact value: a C99/Python hex float such as "0x1999ap-20" or
  // "-0x3p+4" (the integer significand has no trailing zero bits), "0x0p+0" for zero, and
  // "inf", "-inf" or "nan". Python's float.fromhex reads it (rounded).
  std::string to_string() const;
  // Reads to_string()'s text back exactly; throws std::invalid_argument otherwise.
  static ExactSum from_string(std::string_view text);

  // Equal exact values (every NaN equals every NaN here: they behave the same from now on).
  friend bool operator==(const ExactSum& a, const ExactSum& b);

 private:
  enum class Special : std::uint8_t { kFinite, kPositiveInfinity, kNegativeInfinity, kNaN };
  static constexpr int kChunkBits = 32;
  static constexpr int kLimbs = 68;
  static constexpr int kBias = 1074;  // bit 0 of limb 0 weighs 2^-1074
  static constexpr std::uint64_t kChunkMask = 0xffffffff;
  static constexpr std::uint32_t kNormalizeEvery = 1u << 26;

  void add_special(double x);
  // Resolves carries: limbs 0..66 in [0, 2^32), the top limb carries the sign.
  void normalize();
  // |sum| in canonical form, and its sign.
  ExactSum magnitude(bool& negative) const;
  int highest_bit() const;  // of a magnitude; -1 for zero
  int lowest_bit() const;
  // The 64 bits of a magnitude from `position` up (bit 0 of the result); bits below 2^-1074
  // read as zero. Reads at most three limbs.
  std::uint64_t bits_from(int position) const;
  bool any_bit_below(int position) const;

  std::array<std::int64_t, kLimbs> limbs_{};
  std::uint32_t pending_ = 0;  // additions since the last normalize()
  Special special_ = Special::kFinite;
};

void to_json(nlohmann::json& json, const ExactSum& sum);
void from_json(const nlohmann::json& json, ExactSum& sum);

}  // namespace parley
