#pragma once
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "engine/input_error.hpp"

namespace parley {

// Where a part of an XML file is: the file, the 1-based line:column where the element starts
// and its path (/utility_space/objective/issue[2]). A plain value: it outlives the file.
struct XmlPlace {
  std::string file;
  int line = 0;
  int column = 0;
  std::string element;
};

// An XML file read for import and kept in memory, so that every complaint about it can name
// the file, the line and column of the element, and its path (docs/architecture.md, rule 3). The
// path plays the part of the JSON pointer: /utility_space/objective/issue[2]/@type.
class XmlFile {
 public:
  // Reads and parses `path`; throws InputError when it cannot be read or is not well formed.
  explicit XmlFile(std::string path);
  XmlFile(const XmlFile&) = delete;
  XmlFile& operator=(const XmlFile&) = delete;

  const std::string& path() const { return path_; }
  pugi::xml_node root() const { return document_.document_element(); }

  // A complaint about `node`, or about its attribute `attribute` when that is not empty.
  InputError error(pugi::xml_node node, const std::string& attribute, std::string expected,
                   std::string found) const;

  // Where `node` is. `element` names its path when the caller knows it (the 30,000th <item>
  // of an issue), which spares counting its siblings again; else it is computed.
  XmlPlace place(pugi::xml_node node, std::string element = {}) const;

  // Attribute readers that complain (with the position) instead of guessing.
  std::string text(pugi::xml_node node, const char* attribute) const;  // required, non-empty
  double number(pugi::xml_node node, const char* attribute) const;     // required number
  int integer(pugi::xml_node node, const char* attribute) const;       // required integer
  bool has(pugi::xml_node node, const char* attribute) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
  pugi::xml_document document_;

  void position(std::ptrdiff_t offset, int& line, int& column) const;
};

// The path of a node, each step numbered among its same-named siblings: /a/b[2]/c.
std::string xml_path(pugi::xml_node node);

// `text` between double quotes, for "found ..." in messages.
std::string in_quotes(const std::string& text);

}  // namespace parley
