#include "analysis/statistics/exact_sum.hpp"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace parley {

void ExactSum::add_product(double x, double y) {
  // Both are exact; exact_product avoids a library call where there is no fma instruction.
  const double ax = std::fabs(x);
  const double ay = std::fabs(y);
  const bool in_range = ax >= 0x1p-450 && ax <= 0x1p450 && ay >= 0x1p-450 && ay <= 0x1p450;
  const DoubleDouble product = in_range ? exact_product(x, y) : two_product(x, y);
  add(product.hi);
  if (std::isfinite(product.hi)) add(product.lo);
}

void ExactSum::add_special(double x) {
  const Special incoming = std::isnan(x) ? Special::kNaN
                           : x > 0       ? Special::kPositiveInfinity
                                         : Special::kNegativeInfinity;
  if (special_ == Special::kFinite) {
    special_ = incoming;
  } else if (special_ != incoming) {
    special_ = Special::kNaN;
  }
}

void ExactSum::merge(const ExactSum& other) {
  if (other.special_ != Special::kFinite) {
    add_special(other.special_ == Special::kNaN                ? NAN
                : other.special_ == Special::kPositiveInfinity ? INFINITY
                                                               : -INFINITY);
  }
  for (int k = 0; k < kLimbs; ++k) limbs_[k] += other.limbs_[k];
  pending_ += other.pending_ + 1;
  if (pending_ >= kNormalizeEvery) normalize();
}

void ExactSum::normalize() {
  std::int64_t carry = 0;
  for (int k = 0; k + 1 < kLimbs; ++k) {
    const std::int64_t v = limbs_[k] + carry;
    limbs_[k] = v & static_cast<std::int64_t>(kChunkMask);
    carry = v >> kChunkBits;  // arithmetic shift: floor division, also for negative v
  }
  limbs_[kLimbs - 1] += carry;
  pending_ = 0;
}

ExactSum ExactSum::magnitude(bool& negative) const {
  ExactSum m = *this;
  m.normalize();
  negative = m.limbs_[kLimbs - 1] < 0;
  if (negative) {
    for (std::int64_t& limb : m.limbs_) limb = -limb;
    m.normalize();
  }
  return m;
}

int ExactSum::highest_bit() const {
  for (int k = kLimbs - 1; k >= 0; --k) {
    if (limbs_[k] != 0) {
      return k * kChunkBits + 63 - std::countl_zero(static_cast<std::uint64_t>(limbs_[k]));
    }
  }
  return -1;
}

int ExactSum::lowest_bit() const {
  for (int k = 0; k < kLimbs; ++k) {
    if (limbs_[k] != 0) {
      return k * kChunkBits + std::countr_zero(static_cast<std::uint64_t>(limbs_[k]));
    }
  }
  return -1;
}

std::uint64_t ExactSum::bits_from(int position) const {
  // Limbs 0..66 hold 32 bits each and the top limb the rest (a normalized magnitude), so the
  // limbs' bits do not overlap and can be or-ed together.
  std::uint64_t bits = 0;
  const int first = std::max(0, position >= 0 ? position / kChunkBits : 0);
  const int last = std::min(kLimbs - 1, (position + 63) / kChunkBits);
  for (int k = first; k <= last; ++k) {
    const auto limb = static_cast<std::uint64_t>(limbs_[k]);
    const int offset = k * kChunkBits - position;  // where the limb's bit 0 lands
    if (offset >= 64 || offset <= -64) continue;
    bits |= offset >= 0 ? limb << offset : limb >> -offset;
  }
  return bits;
}

bool ExactSum::any_bit_below(int position) const {
  if (position <= 0) return false;
  const int whole = std::min(position / kChunkBits, kLimbs);
  for (int k = 0; k < whole; ++k) {
    if (limbs_[k] != 0) return true;
  }
  if (whole == kLimbs) return false;
  const int rest = position % kChunkBits;
  return (limbs_[whole] & ((std::int64_t{1} << rest) - 1)) != 0;
}

double ExactSum::value() const {
  switch (special_) {
    case Special::kNaN:
      return NAN;
    case Special::kPositiveInfinity:
      return INFINITY;
    case Special::kNegativeInfinity:
      return -INFINITY;
    case Special::kFinite:
      break;
  }
  bool negative = false;
  const ExactSum m = magnitude(negative);
  const int top = m.highest_bit();
  if (top < 0) return 0.0;
  // The 64 bits from the top down, then round to 53 bits, half to even, with a sticky bit.
  const std::uint64_t window = m.bits_from(top - 63);
  const bool sticky = m.any_bit_below(top - 63);
  std::uint64_t kept = window >> 11;
  const std::uint64_t rest = window & 0x7ff;
  if (rest > 0x400 || (rest == 0x400 && (sticky || (kept & 1) != 0))) ++kept;
  const double result = std::ldexp(static_cast<double>(kept), top - 52 - kBias);
  return negative ? -result : result;
}

DoubleDouble ExactSum::value_dd() const {
  const double hi = value();
  if (!std::isfinite(hi)) return {hi, 0.0};
  ExactSum rest = *this;
  rest.add(-hi);
  return {hi, rest.value()};
}

std::string ExactSum::to_string() const {
  switch (special_) {
    case Special::kNaN:
      return "nan";
    case Special::kPositiveInfinity:
      return "inf";
    case Special::kNegativeInfinity:
      return "-inf";
    case Special::kFinite:
      break;
  }
  bool negative = false;
  const ExactSum m = magnitude(negative);
  const int top = m.highest_bit();
  if (top < 0) return "0x0p+0";
  const int bottom = m.lowest_bit();
  const int digits = (top - bottom) / 4 + 1;
  std::string text = negative ? "-0x" : "0x";
  text.reserve(text.size() + static_cast<std::size_t>(digits) + 8);
  // Sixteen digits at a time, from the top.
  for (int d = digits - 1; d >= 0;) {
    const int base = d - d % 16;
    const std::uint64_t chunk = m.bits_from(bottom + 4 * base);
    for (; d >= base; --d) text += "0123456789abcdef"[(chunk >> (4 * (d - base))) & 0xf];
  }
  const int exponent = bottom - kBias;
  text += exponent < 0 ? "p-" : "p+";
  text += std::to_string(exponent < 0 ? -exponent : exponent);
  return text;
}

ExactSum ExactSum::from_string(std::string_view text) {
  auto fail = [&](const char* why) {
    return std::invalid_argument("not an exact sum (" + std::string(why) + "): \"" +
                                 std::string(text) + "\"");
  };
  ExactSum sum;
  if (text == "nan" || text == "inf" || text == "-inf") {
    sum.add_special(text == "nan" ? NAN : text == "inf" ? INFINITY : -INFINITY);
    return sum;
  }
  std::size_t i = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) ++i;
  if (text.substr(i, 2) != "0x") throw fail("expected 0x");
  i += 2;
  const std::size_t p = text.find('p', i);
  if (p == std::string_view::npos || p == i) throw fail("expected hex digits and p");
  const std::string_view hex = text.substr(i, p - i);
  std::string_view exponent_text = text.substr(p + 1);
  if (!exponent_text.empty() && exponent_text[0] == '+') exponent_text.remove_prefix(1);
  int exponent = 0;
  const auto [end, error] =
      std::from_chars(exponent_text.data(), exponent_text.data() + exponent_text.size(), exponent);
  if (error != std::errc() || end != exponent_text.data() + exponent_text.size()) {
    throw fail("bad exponent");
  }
  const long base = static_cast<long>(exponent) + kBias;
  if (base < 0) throw fail("below 2^-1074");
  // The top limb is a signed 64-bit chunk: room for bits up to 32 * 67 + 58.
  if (base + 4 * static_cast<long>(hex.size()) >
      static_cast<long>(kChunkBits) * (kLimbs - 1) + 58) {
    throw fail("too large");
  }
  for (std::size_t d = 0; d < hex.size(); ++d) {
    const char c = hex[hex.size() - 1 - d];
    std::int64_t nibble = 0;
    if (c >= '0' && c <= '9') {
      nibble = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      nibble = c - 'a' + 10;
    } else {
      throw fail("bad hex digit");
    }
    const long position = base + 4 * static_cast<long>(d);
    const long limb = std::min(position / kChunkBits, static_cast<long>(kLimbs - 1));
    sum.limbs_[limb] += nibble << (position - limb * kChunkBits);
  }
  if (negative) {
    for (std::int64_t& limb : sum.limbs_) limb = -limb;
  }
  sum.normalize();
  return sum;
}

bool operator==(const ExactSum& a, const ExactSum& b) {
  if (a.special_ != b.special_) return false;
  if (a.special_ != ExactSum::Special::kFinite) return true;
  ExactSum ca = a;
  ExactSum cb = b;
  ca.normalize();
  cb.normalize();
  return ca.limbs_ == cb.limbs_;
}

void to_json(nlohmann::json& json, const ExactSum& sum) {
  json = sum.to_string();
}

void from_json(const nlohmann::json& json, ExactSum& sum) {
  sum = ExactSum::from_string(json.get<std::string>());
}

}  // namespace parley
