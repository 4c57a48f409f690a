#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace parley {

// A regular expression of the small kind the scenario schema uses ("^[A-Za-z][A-Za-z0-9_-]*$",
// "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "^/"), matched in time linear in the text and constant stack.
// std::regex matches by recursion and overflows the stack on a long text (a 32,768-letter id
// crashed the loader); this matcher keeps the set of pattern positions reachable so far
// (Thompson's construction, Thompson 1968, "Regular expression search algorithm", CACM 11(6)).
// Supported: optional ^ and $ anchors; atoms that are a literal character, an escaped character
// (\. \- \/ ...), `.` or a bracket class ([A-Za-z0-9_-], [^...]); quantifiers ?, *, + and {n},
// {n,}, {n,m}. Anything else (groups, alternation, backreferences) is refused when the pattern
// is compiled, so a schema that grows beyond this subset fails its tests, not a user's file.
class TextPattern {
 public:
  // Throws std::invalid_argument naming the unsupported construct.
  explicit TextPattern(std::string_view pattern);

  // ECMA-262 search semantics as JSON Schema's "pattern" uses: the pattern may match anywhere
  // unless anchored.
  bool search(std::string_view text) const;

  const std::string& source() const { return source_; }

 private:
  struct Atom {
    bool any = false;      // `.`
    bool negated = false;  // [^...]
    std::vector<std::pair<unsigned char, unsigned char>> ranges;
    int min = 1;
    int max = 1;  // -1: unbounded
    bool matches(unsigned char c) const;
  };
  std::string source_;
  bool anchored_start_ = false;
  bool anchored_end_ = false;
  std::vector<Atom> atoms_;  // each with {min,max} expanded into copies (max -1 kept as a loop)
};

// An id as the schema defines it: a letter, then letters, digits, '_' or '-'. A linear scan.
bool is_id(std::string_view text);

}  // namespace parley
