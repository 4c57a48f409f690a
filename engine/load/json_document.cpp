#include "engine/load/json_document.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "engine/format.hpp"
#include "engine/load/input_limits.hpp"
#include "engine/load/message_text.hpp"

namespace parley {

namespace {
constexpr int kMaxDepth = kMaxNesting;  // keeps recursion bounded

bool is_utf8_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_' || c == '+' ||
         c == '-' || c == '.';
}

std::string position_text(TextPosition p) {
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

void append_utf8(std::string& out, std::uint32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

// Length of the well-formed UTF-8 sequence starting at text[i], or 0 if it is malformed.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  std::size_t length = 0;
  std::uint32_t min = 0;
  std::uint32_t code_point = 0;
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, min = 0x80, code_point = lead & 0x1Fu;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, min = 0x800, code_point = lead & 0x0Fu;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, min = 0x10000, code_point = lead & 0x07u;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    const auto byte = static_cast<unsigned char>(text[i + k]);
    if (!is_utf8_continuation(byte)) return 0;
    code_point = (code_point << 6) | (byte & 0x3Fu);
  }
  if (code_point < min || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF))
    return 0;
  return length;
}
}  // namespace

// Recursive descent over RFC 8259 JSON, recording every value's position by pointer.
class JsonParser {
 public:
  JsonParser(std::string_view text, JsonDocument& document) : text_(text), doc_(document) {}

  void parse() {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3;  // a UTF-8 byte order mark
    skip_whitespace();
    doc_.root_ = parse_value("", 0, "a JSON value");
    skip_whitespace();
    if (i_ < text_.size())
      fail("", "the end of the file after the top-level value", describe_next());
  }

 private:
  std::string_view text_;
  JsonDocument& doc_;
  std::size_t i_ = 0;
  int line_ = 1;
  int column_ = 1;

  TextPosition here() const { return {line_, column_}; }
  bool at_end() const { return i_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[i_]; }

  void advance() {
    const char c = text_[i_++];
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else if (!is_utf8_continuation(static_cast<unsigned char>(c))) {
      ++column_;
    }
  }

  [[noreturn]] void fail_at(TextPosition where, const std::string& pointer, std::string expected,
                            std::string found) const {
    throw InputError(doc_.name_, where.line, where.column, pointer, std::move(expected),
                     std::move(found));
  }
  [[noreturn]] void fail(const std::string& pointer, std::string expected,
                         std::string found) const {
    fail_at(here(), pointer, std::move(expected), std::move(found));
  }

  void skip_whitespace() {
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
      advance();
  }

  // What stands at the current place, for "found".
  std::string describe_next() const {
    if (at_end()) return "the end of the file";
    const char c = peek();
    if (c == '"') {
      std::size_t end = i_ + 1;
      while (end < text_.size() && text_[end] != '"' && text_[end] != '\n') end += 1;
      return "the string " + quote(text_.substr(i_ + 1, end - i_ - 1));
    }
    if (c == '/') return "\"/\" (JSON has no comments)";
    if (c == '\'') return "\"'\" (JSON strings use double quotes)";
    if (is_word_char(c)) {
      std::size_t end = i_;
      while (end < text_.size() && is_word_char(text_[end])) ++end;
      const std::string word(text_.substr(i_, end - i_));
      if (word == "NaN" || word == "Infinity" || word == "-Infinity")
        return word + " (JSON has no NaN or Infinity)";
      if (word == "True" || word == "False" || word == "None" || word == "TRUE" ||
          word == "FALSE" || word == "Null" || word == "NULL")
        return word + " (JSON writes true, false and null in lower case)";
      return word;
    }
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20) {
      char text[32];
      std::snprintf(text, sizeof text, "the control character U+%04X", byte);
      return text;
    }
    const std::size_t length = utf8_sequence_length(text_, i_);
    if (length == 0) {
      char text[32];
      std::snprintf(text, sizeof text, "the byte 0x%02X (not UTF-8)", byte);
      return text;
    }
    return quote(text_.substr(i_, length));
  }

  nlohmann::json parse_value(const std::string& pointer, int depth, const char* expected) {
    const TextPosition start = here();
    JsonDocument::Node& node = doc_.nodes_[pointer];
    node.value = start;
    if (node.key.line == 0) node.key = start;
    if (depth > kMaxDepth)
      fail(pointer, "at most " + std::to_string(kMaxDepth) + " nested arrays and objects",
           "deeper nesting");
    switch (peek()) {
      case '{':
        return parse_object(pointer, depth);
      case '[':
        return parse_array(pointer, depth);
      case '"':
        return parse_string(pointer);
      case 't':
        return parse_literal(pointer, "true", true);
      case 'f':
        return parse_literal(pointer, "false", false);
      case 'n':
        return parse_literal(pointer, "null", nullptr);
      default:
        if (peek() == '-' || is_digit(peek())) return parse_number(pointer);
        fail(pointer, expected, describe_next());
    }
  }

  nlohmann::json parse_literal(const std::string& pointer, std::string_view word,
                               nlohmann::json value) {
    std::size_t end = i_;
    while (end < text_.size() && is_word_char(text_[end])) ++end;
    if (text_.substr(i_, end - i_) != word) fail(pointer, "a JSON value", describe_next());
    while (i_ < end) advance();
    return value;
  }

  nlohmann::json parse_number(const std::string& pointer) {
    const std::size_t begin = i_;
    bool integral = true;
    if (peek() == '-') advance();
    if (!is_digit(peek())) fail(pointer, "a digit after \"-\"", describe_next());
    if (peek() == '0') {
      advance();
      if (is_digit(peek())) {
        std::size_t end = i_;
        while (end < text_.size() && is_word_char(text_[end])) ++end;
        fail_at(doc_.nodes_[pointer].value, pointer, "a number without leading zeros",
                std::string(text_.substr(begin, end - begin)));
      }
    } else {
      while (is_digit(peek())) advance();
    }
    if (peek() == '.') {
      integral = false;
      advance();
      if (!is_digit(peek())) fail(pointer, "a digit after the decimal point", describe_next());
      while (is_digit(peek())) advance();
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      advance();
      if (peek() == '+' || peek() == '-') advance();
      if (!is_digit(peek())) fail(pointer, "a digit in the exponent", describe_next());
      while (is_digit(peek())) advance();
    }
    const std::string_view token = text_.substr(begin, i_ - begin);
    doc_.nodes_[pointer].raw = std::string(token);
    if (integral) {
      std::int64_t value = 0;
      const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value);
      if (error == std::errc() && end == token.data() + token.size()) return value;
    }
    // strtod accepts every JSON number; from_chars for double is missing in older libstdc++.
    const std::string copy(token);
    const double value = std::strtod(copy.c_str(), nullptr);
    if (!std::isfinite(value))
      fail_at(doc_.nodes_[pointer].value, pointer, "a number of magnitude below 1.8e308", copy);
    return value;
  }

  std::uint32_t parse_hex4(const std::string& pointer) {
    std::uint32_t value = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = peek();
      std::uint32_t digit = 0;
      if (c >= '0' && c <= '9') {
        digit = static_cast<std::uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        digit = static_cast<std::uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        digit = static_cast<std::uint32_t>(c - 'A' + 10);
      } else {
        fail(pointer, "4 hexadecimal digits after \\u", describe_next());
      }
      value = value * 16 + digit;
      advance();
    }
    return value;
  }

  std::string parse_string(const std::string& pointer) {
    const TextPosition start = here();
    advance();  // the opening quote
    std::string out;
    while (true) {
      if (at_end()) fail(pointer, "a closing quote (\") for the string", "the end of the file");
      if (out.size() > kMaxStringBytes)
        fail_at(start, pointer,
                "a string of at most " + format_thousands(static_cast<long long>(kMaxStringBytes)) +
                    " bytes",
                "a longer string");
      const char c = peek();
      const auto byte = static_cast<unsigned char>(c);
      if (c == '"') {
        advance();
        return out;
      }
      if (c == '\n' || c == '\r')
        fail(pointer, "a closing quote (\") before the end of the line", "a line break");
      if (byte < 0x20)
        fail(pointer, "a character or an escape such as \\t inside the string", describe_next());
      if (c == '\\') {
        advance();
        const char e = peek();
        switch (e) {
          case '"':
            out += '"';
            break;
          case '\\':
            out += '\\';
            break;
          case '/':
            out += '/';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            advance();
            std::uint32_t code_point = parse_hex4(pointer);
            if (code_point >= 0xD800 && code_point <= 0xDBFF) {
              // A high surrogate must be followed by \u and a low surrogate.
              if (text_.substr(i_, 2) != "\\u")
                fail(pointer, "a low surrogate \\uDC00-\\uDFFF after a high surrogate",
                     describe_next());
              advance();
              advance();
              const std::uint32_t low = parse_hex4(pointer);
              if (low < 0xDC00 || low > 0xDFFF)
                fail(pointer, "a low surrogate \\uDC00-\\uDFFF after a high surrogate",
                     "another escape");
              code_point = 0x10000 + ((code_point - 0xD800) << 10) + (low - 0xDC00);
            } else if (code_point >= 0xDC00 && code_point <= 0xDFFF) {
              fail(pointer, "a Unicode escape that is not a lone low surrogate",
                   "a lone low surrogate");
            }
            append_utf8(out, code_point);
            continue;  // parse_hex4 has advanced past the digits
          }
          default: {
            std::string found = "the end of the file";
            if (!at_end()) {
              found = "\\";
              found.push_back(e);
            }
            fail(pointer, "an escape: \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX", found);
          }
        }
        advance();
        continue;
      }
      const std::size_t length = utf8_sequence_length(text_, i_);
      if (length == 0) fail(pointer, "text encoded in UTF-8", describe_next());
      out += text_.substr(i_, length);
      for (std::size_t k = 0; k < length; ++k) advance();
    }
  }

  nlohmann::json parse_array(const std::string& pointer, int depth) {
    advance();  // [
    nlohmann::json array = nlohmann::json::array();
    skip_whitespace();
    if (peek() == ']') {
      advance();
      return array;
    }
    while (true) {
      const std::string item = child_pointer(pointer, array.size());
      array.push_back(parse_value(item, depth + 1, "a JSON value"));
      skip_whitespace();
      if (peek() == ']') {
        advance();
        return array;
      }
      if (peek() != ',')
        fail(pointer, "\",\" or \"]\" after an item of the array", describe_next());
      advance();
      skip_whitespace();
      if (peek() == ']')
        fail(child_pointer(pointer, array.size()),
             "a value after \",\" (JSON allows no trailing comma)", describe_next());
    }
  }

  nlohmann::json parse_object(const std::string& pointer, int depth) {
    advance();  // {
    nlohmann::json object = nlohmann::json::object();
    skip_whitespace();
    if (peek() == '}') {
      advance();
      return object;
    }
    while (true) {
      if (peek() != '"') {
        const bool trailing_comma = !object.empty() && peek() == '}';
        fail(pointer,
             trailing_comma ? "a property name after \",\" (JSON allows no trailing comma)"
                            : "a property name in double quotes",
             describe_next());
      }
      const TextPosition key_start = here();
      const std::string key = parse_string(pointer);
      const std::string member = child_pointer(pointer, key);
      if (object.contains(key))
        fail_at(key_start, member, "each property name once in an object",
                quote(key) + " again (first at " + position_text(doc_.nodes_[member].key) + ")");
      doc_.nodes_[member].key = key_start;
      doc_.nodes_[pointer].names.push_back(key);
      skip_whitespace();
      if (peek() != ':') fail(member, "\":\" after the property name", describe_next());
      advance();
      skip_whitespace();
      object[key] = parse_value(member, depth + 1, "a JSON value");
      skip_whitespace();
      if (peek() == '}') {
        advance();
        return object;
      }
      if (peek() != ',')
        fail(pointer, "\",\" or \"}\" after a property of the object", describe_next());
      advance();
      skip_whitespace();
    }
  }
};

void check_file_size(std::size_t bytes, const std::string& name) {
  if (bytes <= kMaxScenarioFileBytes) return;
  throw InputError(name, 0, 0, "",
                   "a file of at most " +
                       format_thousands(static_cast<long long>(kMaxScenarioFileBytes >> 20)) +
                       " MiB",
                   "a larger file");
}

JsonDocument JsonDocument::parse(std::string_view text, std::string name) {
  check_file_size(text.size(), name);
  JsonDocument document;
  document.name_ = std::move(name);
  JsonParser(text, document).parse();
  return document;
}

const nlohmann::json& JsonDocument::at(const std::string& pointer) const {
  return root_.at(nlohmann::json::json_pointer(pointer));
}

TextPosition JsonDocument::position(const std::string& pointer) const {
  std::string p = pointer;
  while (true) {
    const auto it = nodes_.find(p);
    if (it != nodes_.end()) return it->second.value;
    if (p.empty()) return {1, 1};
    p = parent_pointer(p);
  }
}

TextPosition JsonDocument::key_position(const std::string& pointer) const {
  const auto it = nodes_.find(pointer);
  return it == nodes_.end() ? position(pointer) : it->second.key;
}

const std::vector<std::string>& JsonDocument::keys(const std::string& pointer) const {
  static const std::vector<std::string> none;
  const auto it = nodes_.find(pointer);
  return it == nodes_.end() ? none : it->second.names;
}

std::string JsonDocument::literal(const std::string& pointer) const {
  const auto it = nodes_.find(pointer);
  if (it == nodes_.end()) return "nothing";
  const nlohmann::json& value = at(pointer);
  switch (value.type()) {
    case nlohmann::json::value_t::string:
      return quote(value.get_ref<const std::string&>());
    case nlohmann::json::value_t::object:
      return "an object";
    case nlohmann::json::value_t::array:
      return "an array";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
      return it->second.raw;
    default:
      return value.dump();  // true, false, null
  }
}

std::string JsonDocument::describe(const std::string& pointer) const {
  if (!contains(pointer)) return "nothing";
  const nlohmann::json& value = at(pointer);
  if (value.is_string()) return "a string " + literal(pointer);
  if (value.is_number()) return "a number " + literal(pointer);
  if (value.is_object()) return value.empty() ? "an empty object" : "an object";
  if (value.is_array()) return value.empty() ? "an empty array" : "an array";
  return literal(pointer);
}

InputError JsonDocument::error(const std::string& pointer, std::string expected,
                               std::string found) const {
  const TextPosition p = position(pointer);
  return InputError(name_, p.line, p.column, pointer, std::move(expected), std::move(found));
}

InputError JsonDocument::key_error(const std::string& pointer, std::string expected,
                                   std::string found) const {
  const TextPosition p = key_position(pointer);
  return InputError(name_, p.line, p.column, pointer, std::move(expected), std::move(found));
}

std::string child_pointer(const std::string& pointer, std::string_view key) {
  std::string out = pointer + "/";
  for (const char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string child_pointer(const std::string& pointer, std::size_t index) {
  return pointer + "/" + std::to_string(index);
}

std::string last_token(const std::string& pointer) {
  const std::size_t slash = pointer.rfind('/');
  const std::string token = slash == std::string::npos ? pointer : pointer.substr(slash + 1);
  std::string out;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size()) {
      out += token[i + 1] == '1' ? '/' : '~';
      ++i;
    } else {
      out += token[i];
    }
  }
  return out;
}

std::string parent_pointer(const std::string& pointer) {
  const std::size_t slash = pointer.rfind('/');
  return slash == std::string::npos ? std::string() : pointer.substr(0, slash);
}

}  // namespace parley
