#include "engine/load/message_text.hpp"

#include <algorithm>
#include <cstdio>

namespace parley {

namespace {
constexpr std::size_t kQuoteLimit = 40;  // code points; long texts only need to be recognised

bool is_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}
}  // namespace

std::string quote(std::string_view text) {
  std::string out = "\"";
  std::size_t code_points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (!is_continuation(byte) && ++code_points > kQuoteLimit) {
      out += "...";
      break;
    }
    switch (byte) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (byte < 0x20) {
          char escape[8];
          std::snprintf(escape, sizeof escape, "\\u%04x", byte);
          out += escape;
        } else {
          out += static_cast<char>(byte);
        }
    }
  }
  return out + "\"";
}

std::string quoted_list(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + quote(item);
  return out;
}

std::string plain_list(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  // A typo is at most two edits away, and fewer for short words ("x" is not a typo of "y").
  const std::size_t limit = word.size() <= 2 ? 0 : word.size() <= 4 ? 1 : 2;
  std::string best;
  std::size_t best_distance = limit + 1;
  for (const std::string& candidate : candidates) {
    // Lengths further apart than the limit cannot be close: skip them without the quadratic
    // edit distance (a 65,536-letter word against thousands of options would take minutes).
    const std::size_t gap = word.size() > candidate.size() ? word.size() - candidate.size()
                                                           : candidate.size() - word.size();
    if (gap > limit) continue;
    const std::size_t d = edit_distance(word, candidate);
    if (d > 0 && d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  return best;
}

std::string with_suggestion(std::string found, std::string_view word,
                            const std::vector<std::string>& candidates) {
  const std::string match = closest_match(word, candidates);
  if (!match.empty()) found += " (did you mean " + quote(match) + "?)";
  return found;
}

std::string count_of(std::size_t n, std::string_view singular, std::string_view plural) {
  if (n == 0) return "none";
  return std::to_string(n) + " " + std::string(n == 1 ? singular : plural);
}

}  // namespace parley
