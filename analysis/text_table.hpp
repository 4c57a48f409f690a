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

}  // namespace parley
