#include "engine/input_error.hpp"

namespace parley {

namespace {
std::string compose(const std::string& file, int line, int column, const std::string& pointer,
                    const std::string& expected, const std::string& found) {
  std::string text = file;
  if (line > 0) {
    text.append(":").append(std::to_string(line)).append(":").append(std::to_string(column));
  }
  text.append(": error");
  if (!pointer.empty() || line > 0) text.append(" at ").append(pointer.empty() ? "/" : pointer);
  text.append(": expected ").append(expected);
  if (!found.empty()) text.append(", found ").append(found);
  return text;
}
}  // namespace

InputError::InputError(std::string file, int line, int column, std::string pointer,
                       std::string expected, std::string found)
    : std::runtime_error(compose(file, line, column, pointer, expected, found)),
      file_(std::move(file)),
      line_(line),
      column_(column),
      pointer_(std::move(pointer)),
      expected_(std::move(expected)),
      found_(std::move(found)) {}

}  // namespace parley
