#include "engine/load/quoted_words.hpp"

#include <cctype>

namespace parley {

std::vector<std::string> split_quoted_words(const std::string& line, char* unclosed) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char open = 0;
  for (const char c : line) {
    if (open) {
      if (c == open)
        open = 0;
      else
        word += c;
    } else if (c == '"' || c == '\'') {
      open = c;
      in_word = true;
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  if (unclosed) *unclosed = open;
  return words;
}

}  // namespace parley
