#pragma once
#include <string>
#include <vector>

namespace parley {

// A plain-text table for terminal reports (`parley summary`, the history section of
// `parley run`): columns as wide as their widest cell, names left-aligned, numbers right-aligned.
class TextTable {
 public:
  // The first `left` columns are left-aligned (names, text), the rest right-aligned (numbers).
  explicit TextTable(std::vector<std::string> header, std::size_t left = 1);
  void row(std::vector<std::string> cells);
  // Every row on its own line, each starting with `indent`; no trailing spaces.
  std::string text(const std::string& indent = "  ") const;

 private:
  std::size_t left_;
  std::vector<std::vector<std::string>> rows_;
};

// `text` broken at spaces into lines of at most `width` display columns (a longer word gets a
// line of its own): the first line starts with `first`, the others with `rest`; each ends "\n".
std::string wrap_text(const std::string& text, const std::string& first, const std::string& rest,
                      std::size_t width = 100);

}  // namespace parley
