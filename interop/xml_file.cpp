#include "interop/xml_file.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include "interop/import_support.hpp"

namespace parley {

namespace {

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

}  // namespace

std::string in_quotes(const std::string& text) {
  return "\"" + text + "\"";
}

std::string xml_path(pugi::xml_node node) {
  std::string path;
  for (; node && node.type() == pugi::node_element; node = node.parent()) {
    int position = 1;
    int same_named = 0;
    for (pugi::xml_node sibling = node.parent().child(node.name()); sibling;
         sibling = sibling.next_sibling(node.name())) {
      ++same_named;
      if (sibling == node) position = same_named;
    }
    std::string step = concat("/", node.name());
    if (same_named > 1) step += concat("[", std::to_string(position), "]");
    path = concat(step, path);
  }
  return path.empty() ? "/" : path;
}

XmlFile::XmlFile(std::string path) : path_(std::move(path)) {
  std::ifstream in(path_, std::ios::binary);
  if (!in) throw InputError(path_, 0, 0, "", "a readable XML file", "it cannot be opened");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  text_ = buffer.str();

  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);

  const pugi::xml_parse_result result =
      document_.load_buffer(text_.data(), text_.size(), pugi::parse_default);
  if (!result) {
    int line = 0;
    int column = 0;
    position(result.offset, line, column);
    throw InputError(path_, line, column, "", "well-formed XML", result.description());
  }
  if (!document_.document_element())
    throw InputError(path_, 0, 0, "", "an XML document with a root element", "none");
}

void XmlFile::position(std::ptrdiff_t offset, int& line, int& column) const {
  if (offset < 0) {
    line = 0;
    column = 0;
    return;
  }
  const auto at = static_cast<std::size_t>(offset);
  const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), at);
  const auto index = static_cast<std::size_t>(next - line_starts_.begin()) - 1;
  line = static_cast<int>(index) + 1;
  column = static_cast<int>(at - line_starts_[index]) + 1;
}

InputError XmlFile::error(pugi::xml_node node, const std::string& attribute, std::string expected,
                          std::string found) const {
  int line = 0;
  int column = 0;
  // offset_debug() points at the element's name; the element starts one character before.
  const std::ptrdiff_t offset = node.offset_debug();
  position(offset > 0 ? offset - 1 : offset, line, column);
  std::string pointer = xml_path(node);
  if (!attribute.empty()) pointer += "/@" + attribute;
  return InputError(path_, line, column, pointer, std::move(expected), std::move(found));
}

XmlPlace XmlFile::place(pugi::xml_node node, std::string element) const {
  XmlPlace place;
  place.file = path_;
  const std::ptrdiff_t offset = node.offset_debug();
  position(offset > 0 ? offset - 1 : offset, place.line, place.column);
  place.element = element.empty() ? xml_path(node) : std::move(element);
  return place;
}

bool XmlFile::has(pugi::xml_node node, const char* attribute) const {
  return static_cast<bool>(node.attribute(attribute));
}

std::string XmlFile::text(pugi::xml_node node, const char* attribute) const {
  const pugi::xml_attribute a = node.attribute(attribute);
  if (!a) throw error(node, attribute, std::string("attribute ") + attribute, "none");
  const std::string value = a.value();
  if (trimmed(value).empty()) throw error(node, attribute, "a non-empty text", in_quotes(value));
  return value;
}

double XmlFile::number(pugi::xml_node node, const char* attribute) const {
  const pugi::xml_attribute a = node.attribute(attribute);
  if (!a) throw error(node, attribute, std::string("attribute ") + attribute, "none");
  const std::string value = trimmed(a.value());
  double x = 0.0;
  const char* end = value.data() + value.size();
  const auto [stop, problem] = std::from_chars(value.data(), end, x);
  if (value.empty() || problem != std::errc() || stop != end || !std::isfinite(x))
    throw error(node, attribute, "a number", in_quotes(a.value()));
  return x;
}

int XmlFile::integer(pugi::xml_node node, const char* attribute) const {
  const pugi::xml_attribute a = node.attribute(attribute);
  if (!a) throw error(node, attribute, std::string("attribute ") + attribute, "none");
  const std::string value = trimmed(a.value());
  int x = 0;
  const char* end = value.data() + value.size();
  const auto [stop, problem] = std::from_chars(value.data(), end, x);
  if (value.empty() || problem != std::errc() || stop != end)
    throw error(node, attribute, "an integer", in_quotes(a.value()));
  return x;
}

}  // namespace parley
