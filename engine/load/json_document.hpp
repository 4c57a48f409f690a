#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/input_error.hpp"

namespace parley {

// 1-based line and column (in characters, a tab counts as one) of a place in a text.
struct TextPosition {
  int line = 0;
  int column = 0;
};

// A JSON text parsed for checking: its values, plus where each value (and each object key)
// was written, by JSON pointer, so every later error can name line:column. Object keys are
// kept in file order too, so checks report the first problem as it appears in the file.
// nlohmann::json alone gives the content but neither positions nor duplicate keys.
class JsonDocument {
 public:
  // Parses strict JSON (RFC 8259: no comments, no trailing commas, no duplicate keys).
  // Throws InputError naming `name`, the line:column and the pointer where parsing stopped.
  static JsonDocument parse(std::string_view text, std::string name);

  const std::string& name() const { return name_; }
  const nlohmann::json& root() const { return root_; }

  bool contains(const std::string& pointer) const { return nodes_.count(pointer) > 0; }
  // The value at `pointer` ("" is the root); std::out_of_range when absent.
  const nlohmann::json& at(const std::string& pointer) const;
  // Where the value starts. For an absent pointer: where its nearest present ancestor starts.
  TextPosition position(const std::string& pointer) const;
  // Where the key of an object member is written; for other values, where the value starts.
  TextPosition key_position(const std::string& pointer) const;
  // The member names of the object at `pointer`, in file order (empty for non-objects).
  const std::vector<std::string>& keys(const std::string& pointer) const;

  // The value as written, for "found": "0.9" in quotes, 1.50 as typed, true, an object.
  std::string literal(const std::string& pointer) const;
  // The value with its type, for type errors: a string "0.9", a number 1.5, an array.
  std::string describe(const std::string& pointer) const;

  // An InputError located at the value (or at its key) with this document's name.
  InputError error(const std::string& pointer, std::string expected, std::string found) const;
  InputError key_error(const std::string& pointer, std::string expected, std::string found) const;

 private:
  friend class JsonParser;
  struct Node {
    TextPosition value;
    TextPosition key;                // members only; else equal to value
    std::string raw;                 // numbers: the text as written
    std::vector<std::string> names;  // objects: member names in file order
  };

  std::string name_;
  nlohmann::json root_;
  std::unordered_map<std::string, Node> nodes_;
};

// Throws InputError naming `name` when a file of `bytes` bytes is over the size limit
// (engine/load/input_limits.hpp).
void check_file_size(std::size_t bytes, const std::string& name);

// JSON pointer (RFC 6901) of a member or an item below `pointer`, with ~ and / escaped.
std::string child_pointer(const std::string& pointer, std::string_view key);
std::string child_pointer(const std::string& pointer, std::size_t index);
// The last token of a pointer, unescaped ("discount" for "/parties/0/preferences/discount").
std::string last_token(const std::string& pointer);
// The pointer one level up ("" for a top-level member).
std::string parent_pointer(const std::string& pointer);

}  // namespace parley
