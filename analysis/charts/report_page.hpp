#pragma once
#include <string>
#include <utility>
#include <vector>

#include "analysis/charts/chart.hpp"

namespace parley {

// A report as one self-contained HTML page: headings, short paragraphs, key facts and charts.
// Each chart's Vega specification sits in the page as JSON (a <script type="application/json"
// class="vega-spec"> per chart, so its numbers can be read back), and the Vega runtime is
// inlined: the file opens from disk with no network.
// A table of a report (a class's results), sortable by clicking a column's header: numbers
// sort as numbers. `sort_keys`, when a row has them, give each cell's sort value (a date, a
// status ranked) instead of its text; empty strings keep the text. It is drawn under the text of
// the page's section number `section`, before its charts.
struct PageTable {
  std::size_t section = 0;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::vector<std::string>> sort_keys;  // per row, per cell; may be empty
};

struct ReportSection {
  std::string heading;
  std::string text;  // a paragraph under the heading; may be empty
  std::vector<Chart> charts;
};

struct ReportPage {
  std::string title;
  std::string subtitle;
  std::vector<std::pair<std::string, std::string>> facts;  // label, value
  std::vector<ReportSection> sections;
  std::vector<PageTable> tables;

  std::size_t chart_count() const;
};

// The page, with `vega_script` (vega_runtime_script()) inlined.
std::string html_page(const ReportPage& page, const std::string& vega_script);

// Text for HTML: & < > " escaped.
std::string html_escape(const std::string& text);

// The Vega specifications embedded in a page written by html_page, in page order.
std::vector<nlohmann::ordered_json> embedded_specs(const std::string& html);

}  // namespace parley
