#include "analysis/report/document.hpp"

#include <cctype>
#include <sstream>

#include "analysis/charts/report_page.hpp"

namespace parley {

namespace {

// A table cell in Markdown: pipes escaped, line breaks flattened.
std::string cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

constexpr const char* kDocumentStyle = R"(
body { font-family: Georgia, "DejaVu Serif", serif; max-width: 48em; margin: 2em auto;
       padding: 0 1em; color: #222; line-height: 1.45; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.3em; border-bottom: 1px solid #bbb; margin-top: 1.6em; }
h3 { font-size: 1.1em; margin-top: 1.3em; }
h4 { font-size: 1em; margin-bottom: 0.3em; }
table { border-collapse: collapse; margin: 0.5em 0 1em; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
td.num, th.num { text-align: right; }
.page-break { break-before: page; page-break-before: always; border: 0; }
@media print { body { margin: 0; max-width: none; } h2, h3 { break-after: avoid; } }
)";

// A cell that holds a number (points, a percentage) is right-aligned.
bool numeric(const std::string& text) {
  if (text.empty()) return false;
  for (char c : text)
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == ',' || c == '-' ||
          c == '%' || c == ' ' || c == '+'))
      return false;
  return true;
}

}  // namespace

Document& Document::heading(int level, std::string text) {
  DocumentBlock b;
  b.kind = DocumentBlock::Kind::Heading;
  b.level = level;
  b.text = std::move(text);
  blocks_.push_back(std::move(b));
  return *this;
}

Document& Document::paragraph(std::string text) {
  DocumentBlock b;
  b.kind = DocumentBlock::Kind::Paragraph;
  b.text = std::move(text);
  blocks_.push_back(std::move(b));
  return *this;
}

Document& Document::list(std::vector<std::string> items) {
  DocumentBlock b;
  b.kind = DocumentBlock::Kind::List;
  b.items = std::move(items);
  blocks_.push_back(std::move(b));
  return *this;
}

Document& Document::table(std::vector<std::vector<std::string>> rows) {
  DocumentBlock b;
  b.kind = DocumentBlock::Kind::Table;
  b.rows = std::move(rows);
  blocks_.push_back(std::move(b));
  return *this;
}

Document& Document::page_break() {
  DocumentBlock b;
  b.kind = DocumentBlock::Kind::PageBreak;
  blocks_.push_back(std::move(b));
  return *this;
}

std::string Document::markdown() const {
  std::ostringstream out;
  out << "# " << title_ << "\n";
  for (const DocumentBlock& b : blocks_) {
    out << "\n";
    switch (b.kind) {
      case DocumentBlock::Kind::Heading:
        out << std::string(static_cast<std::size_t>(b.level), '#') << " " << b.text << "\n";
        break;
      case DocumentBlock::Kind::Paragraph:
        out << b.text << "\n";
        break;
      case DocumentBlock::Kind::List:
        for (const std::string& item : b.items) out << "- " << item << "\n";
        break;
      case DocumentBlock::Kind::Table:
        for (std::size_t r = 0; r < b.rows.size(); ++r) {
          out << "|";
          for (const std::string& c : b.rows[r]) out << " " << cell(c) << " |";
          out << "\n";
          if (r == 0) {
            out << "|";
            for (const std::string& c : b.rows[0]) out << (numeric(c) ? "---:|" : "---|");
            out << "\n";
          }
        }
        break;
      case DocumentBlock::Kind::PageBreak:
        out << "---\n";
        break;
    }
  }
  return out.str();
}

std::string Document::html_body() const {
  std::ostringstream h;
  h << "<h1>" << html_escape(title_) << "</h1>\n";
  for (const DocumentBlock& b : blocks_) {
    switch (b.kind) {
      case DocumentBlock::Kind::Heading:
        h << "<h" << b.level << ">" << html_escape(b.text) << "</h" << b.level << ">\n";
        break;
      case DocumentBlock::Kind::Paragraph:
        h << "<p>" << html_escape(b.text) << "</p>\n";
        break;
      case DocumentBlock::Kind::List:
        h << "<ul>\n";
        for (const std::string& item : b.items) h << "<li>" << html_escape(item) << "</li>\n";
        h << "</ul>\n";
        break;
      case DocumentBlock::Kind::Table:
        h << "<table>\n";
        for (std::size_t r = 0; r < b.rows.size(); ++r) {
          h << "<tr>";
          const char* tag = r == 0 ? "th" : "td";
          for (const std::string& c : b.rows[r])
            h << "<" << tag << (r > 0 && numeric(c) ? " class=\"num\"" : "") << ">"
              << html_escape(c) << "</" << tag << ">";
          h << "</tr>\n";
        }
        h << "</table>\n";
        break;
      case DocumentBlock::Kind::PageBreak:
        h << "<hr class=\"page-break\">\n";
        break;
    }
  }
  return h.str();
}

std::string Document::html() const {
  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
         html_escape(title_) + "</title>\n<style>" + kDocumentStyle +
         "</style>\n</head>\n<body>\n" + html_body() + "</body>\n</html>\n";
}

}  // namespace parley
