#include "analysis/report/text_table.hpp"

#include <algorithm>

namespace parley {

namespace {
// Characters as a terminal shows them (UTF-8 continuation bytes take no column).
std::size_t display(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}
}  // namespace

TextTable::TextTable(std::vector<std::string> header, std::size_t left) : left_(left) {
  rows_.push_back(std::move(header));
}

void TextTable::row(std::vector<std::string> cells) {
  rows_.push_back(std::move(cells));
}

std::string TextTable::text(const std::string& indent) const {
  std::vector<std::size_t> width;
  for (const auto& r : rows_) {
    if (width.size() < r.size()) width.resize(r.size(), 0);
    for (std::size_t c = 0; c < r.size(); ++c) width[c] = std::max(width[c], display(r[c]));
  }
  std::string out;
  for (const auto& r : rows_) {
    std::string line = indent;
    for (std::size_t c = 0; c < r.size(); ++c) {
      const std::string pad(width[c] - display(r[c]), ' ');
      if (c > 0) line += "  ";
      line += c < left_ ? r[c] + pad : pad + r[c];
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string wrap_text(const std::string& text, const std::string& first, const std::string& rest,
                      std::size_t width) {
  std::string out;
  std::string line = first;
  std::size_t used = display(first);
  bool empty = true;  // no word on the line yet
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t space = text.find(' ', at);
    const std::size_t end = space == std::string::npos ? text.size() : space;
    const std::string word = text.substr(at, end - at);
    at = end + 1;
    if (word.empty()) continue;
    if (!empty && used + 1 + display(word) > width) {
      out += line + "\n";
      line = rest;
      used = display(rest);
      empty = true;
    }
    if (!empty) {
      line += ' ';
      ++used;
    }
    line += word;
    used += display(word);
    empty = false;
  }
  return out + line + "\n";
}

}  // namespace parley
