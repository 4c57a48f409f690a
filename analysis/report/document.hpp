#pragma once
#include <string>
#include <vector>

namespace parley {

// A printable document written once and rendered twice, as Markdown and as self-contained HTML
// (no script, no network, page breaks where a reader tears the sheets apart): the classroom's
// briefs. Text is plain; the renderers escape it.
struct DocumentBlock {
  enum class Kind { Heading, Paragraph, List, Table, PageBreak };
  Kind kind = Kind::Paragraph;
  int level = 2;                               // Heading: 1 to 4
  std::string text;                            // Heading, Paragraph
  std::vector<std::string> items;              // List
  std::vector<std::vector<std::string>> rows;  // Table: the first row is the header
};

class Document {
 public:
  explicit Document(std::string title) : title_(std::move(title)) {}

  Document& heading(int level, std::string text);
  Document& paragraph(std::string text);
  Document& list(std::vector<std::string> items);
  Document& table(std::vector<std::vector<std::string>> rows);
  // A new printed page here (HTML); a rule in Markdown.
  Document& page_break();

  const std::string& title() const { return title_; }
  const std::vector<DocumentBlock>& blocks() const { return blocks_; }

  std::string markdown() const;
  // The body only (from the title's <h1>), for a page that embeds the document.
  std::string html_body() const;
  // A whole page: <!DOCTYPE html>, its style, the body.
  std::string html() const;

 private:
  std::string title_;
  std::vector<DocumentBlock> blocks_;
};

}  // namespace parley
