#pragma once
#include <stdexcept>
#include <string>

namespace parley {

// Bad input, reported for people (docs/architecture.md, rule 3): where (file, line:column, JSON
// pointer), what was expected and what was found. The CLI prints what() and exits with status 2.
class InputError : public std::runtime_error {
 public:
  InputError(std::string file, int line, int column, std::string pointer, std::string expected,
             std::string found);

  const std::string& file() const { return file_; }
  int line() const { return line_; }
  int column() const { return column_; }
  const std::string& pointer() const { return pointer_; }
  const std::string& expected() const { return expected_; }
  const std::string& found() const { return found_; }

 private:
  std::string file_;
  int line_;
  int column_;
  std::string pointer_;
  std::string expected_;
  std::string found_;
};

}  // namespace parley
