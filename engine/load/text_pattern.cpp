#include "engine/load/text_pattern.hpp"

#include <stdexcept>

namespace parley {

namespace {
constexpr int kMaxExpandedAtoms = 1000;  // {n,m} copies; the schema's patterns use a dozen

[[noreturn]] void unsupported(std::string_view pattern, const std::string& what) {
  throw std::invalid_argument("pattern \"" + std::string(pattern) + "\": " + what +
                              " is not supported by the linear matcher");
}

bool is_letter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
}  // namespace

bool TextPattern::Atom::matches(unsigned char c) const {
  if (any) return c != '\n';
  bool in = false;
  for (const auto& [lo, hi] : ranges) in = in || (c >= lo && c <= hi);
  return in != negated;
}

TextPattern::TextPattern(std::string_view pattern) : source_(pattern) {
  std::size_t i = 0;
  const std::size_t n = pattern.size();
  if (i < n && pattern[i] == '^') {
    anchored_start_ = true;
    ++i;
  }
  // Reads one (possibly escaped) character of a literal or a class.
  const auto character = [&](std::size_t& at) -> unsigned char {
    if (pattern[at] == '\\') {
      if (at + 1 >= n) unsupported(pattern, "a trailing backslash");
      const char e = pattern[at + 1];
      if (is_letter(e) || is_digit(e)) unsupported(pattern, std::string("the escape \\") + e);
      at += 2;
      return static_cast<unsigned char>(e);
    }
    return static_cast<unsigned char>(pattern[at++]);
  };
  // Reads a decimal count of a {n,m} quantifier.
  const auto count = [&](std::size_t& at) {
    if (at >= n || !is_digit(pattern[at])) unsupported(pattern, "a quantifier without a count");
    int value = 0;
    while (at < n && is_digit(pattern[at])) {
      value = value * 10 + (pattern[at++] - '0');
      if (value > kMaxExpandedAtoms) unsupported(pattern, "a count above 1000");
    }
    return value;
  };
  std::vector<Atom> atoms;
  while (i < n) {
    const char c = pattern[i];
    if (c == '$' && i + 1 == n) {
      anchored_end_ = true;
      ++i;
      break;
    }
    Atom atom;
    if (c == '(' || c == ')' || c == '|' || c == '$' || c == '^' || c == '*' || c == '+' ||
        c == '?' || c == '{' || c == '}') {
      unsupported(pattern, std::string("'") + c + "' at position " + std::to_string(i));
    } else if (c == '.') {
      atom.any = true;
      ++i;
    } else if (c == '[') {
      ++i;
      if (i < n && pattern[i] == '^') {
        atom.negated = true;
        ++i;
      }
      bool first = true;
      while (i < n && (pattern[i] != ']' || first)) {
        first = false;
        const unsigned char lo = character(i);
        unsigned char hi = lo;
        if (i + 1 < n && pattern[i] == '-' && pattern[i + 1] != ']') {
          ++i;
          hi = character(i);
          if (hi < lo) unsupported(pattern, "a reversed range");
        }
        atom.ranges.emplace_back(lo, hi);
      }
      if (i >= n) unsupported(pattern, "an unclosed '['");
      ++i;  // ']'
    } else {
      const unsigned char literal = character(i);
      atom.ranges.emplace_back(literal, literal);
    }
    if (i < n) {
      if (pattern[i] == '?') {
        atom.min = 0;
        ++i;
      } else if (pattern[i] == '*') {
        atom.min = 0;
        atom.max = -1;
        ++i;
      } else if (pattern[i] == '+') {
        atom.max = -1;
        ++i;
      } else if (pattern[i] == '{') {
        ++i;
        atom.min = count(i);
        atom.max = atom.min;
        if (i < n && pattern[i] == ',') {
          ++i;
          atom.max = (i < n && pattern[i] == '}') ? -1 : count(i);
        }
        if (i >= n || pattern[i] != '}') unsupported(pattern, "an unclosed '{'");
        if (atom.max != -1 && atom.max < atom.min) unsupported(pattern, "a count range max < min");
        ++i;
      }
      if (i < n && (pattern[i] == '?' || pattern[i] == '+'))
        unsupported(pattern, "a lazy or possessive quantifier");
    }
    atoms.push_back(atom);
  }
  // Expand {n,m} into n required copies, then either one loop (unbounded) or m - n optional
  // copies: each element of atoms_ is then "exactly one", "at most one" or "any number".
  for (const Atom& atom : atoms) {
    Atom one = atom;
    one.min = 1;
    one.max = 1;
    for (int k = 0; k < atom.min; ++k) atoms_.push_back(one);
    if (atom.max == -1) {
      Atom loop = atom;
      loop.min = 0;
      atoms_.push_back(loop);
    } else {
      Atom optional = atom;
      optional.min = 0;
      optional.max = 1;
      for (int k = atom.min; k < atom.max; ++k) atoms_.push_back(optional);
    }
    if (atoms_.size() > static_cast<std::size_t>(kMaxExpandedAtoms))
      unsupported(pattern, "more than 1000 repeated atoms");
  }
}

bool TextPattern::search(std::string_view text) const {
  const std::size_t k = atoms_.size();  // state k: the whole pattern matched
  std::vector<char> current(k + 1, 0);
  std::vector<char> next(k + 1, 0);
  // Adds `state` and every state reachable from it without reading (skipping optional atoms).
  const auto add = [&](std::vector<char>& set, std::size_t state) {
    while (true) {
      set[state] = 1;
      if (state == k || atoms_[state].min != 0) return;
      ++state;
    }
  };
  add(current, 0);
  if (!anchored_end_ && current[k]) return true;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    std::fill(next.begin(), next.end(), 0);
    for (std::size_t s = 0; s < k; ++s) {
      if (!current[s] || !atoms_[s].matches(c)) continue;
      if (atoms_[s].max == -1) add(next, s);  // a loop may read again
      add(next, s + 1);
    }
    if (!anchored_start_) add(next, 0);
    if (!anchored_end_ && next[k]) return true;
    current.swap(next);
  }
  return current[k] != 0;
}

bool is_id(std::string_view text) {
  if (text.empty() || !is_letter(text.front())) return false;
  for (const char c : text)
    if (!is_letter(c) && !is_digit(c) && c != '_' && c != '-') return false;
  return true;
}

}  // namespace parley
