#include "analysis/charts/report_page.hpp"

#include <cctype>
#include <sstream>

namespace parley {

namespace {

constexpr const char* kReportPageStyle = R"css(
body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #222;
       max-width: 980px; margin: 24px auto; padding: 0 16px; line-height: 1.4; }
h1 { font-size: 24px; margin-bottom: 2px; }
.subtitle { color: #555; margin-top: 0; }
h2 { font-size: 19px; border-bottom: 1px solid #ddd; padding-bottom: 4px; margin-top: 34px; }
table.facts { border-collapse: collapse; margin: 8px 0 16px; }
table.facts td { padding: 2px 14px 2px 0; vertical-align: top; }
table.facts td:first-child { color: #555; }
figure.chart { margin: 18px 0 26px; }
figure.chart figcaption { color: #444; font-size: 13px; margin-top: 2px; max-width: 820px; }
figure.chart .error { color: #b00020; white-space: pre-wrap; }
table.sortable { border-collapse: collapse; margin: 8px 0 16px; font-size: 14px; }
table.sortable th, table.sortable td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; }
table.sortable th { background: #f4f4f4; cursor: pointer; user-select: none; }
table.sortable th[data-dir="asc"]::after { content: " \25B2"; }
table.sortable th[data-dir="desc"]::after { content: " \25BC"; }
)css";

// Sorts a table.sortable by the column whose header is clicked (again: the other way).
constexpr const char* kSort = R"js(
document.querySelectorAll('table.sortable').forEach(function (table) {
  var heads = table.querySelectorAll('th');
  heads.forEach(function (th, i) {
    th.addEventListener('click', function () {
      var asc = th.getAttribute('data-dir') !== 'asc';
      heads.forEach(function (h) { h.removeAttribute('data-dir'); });
      th.setAttribute('data-dir', asc ? 'asc' : 'desc');
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      function key(row) {
        var cell = row.cells[i];
        return cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent;
      }
      rows.sort(function (a, b) {
        var x = key(a), y = key(b), nx = Number(x), ny = Number(y);
        var c = (x !== '' && y !== '' && !isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
        return asc ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
)js";

// Renders every chart with Vega (SVG), marks each figure data-rendered="true" when drawn, and
// the body data-charts="done" when all are: the browser test waits for that.
constexpr const char* kRender = R"js(
(function () {
  var figures = document.querySelectorAll('figure.chart');
  var pending = figures.length;
  function finished() { if (--pending <= 0) document.body.setAttribute('data-charts', 'done'); }
  if (pending === 0) document.body.setAttribute('data-charts', 'done');
  figures.forEach(function (figure) {
    var holder = figure.querySelector('.view');
    try {
      var spec = JSON.parse(figure.querySelector('script.vega-spec').textContent);
      new vega.View(vega.parse(spec), {renderer: 'svg', container: holder, hover: true})
        .runAsync()
        .then(function () { figure.setAttribute('data-rendered', 'true'); finished(); })
        .catch(function (e) { holder.innerHTML = '<p class="error">' + e + '</p>';
                              console.error('chart ' + figure.id + ': ' + e); finished(); });
    } catch (e) {
      holder.innerHTML = '<p class="error">' + e + '</p>';
      console.error('chart ' + figure.id + ': ' + e);
      finished();
    }
  });
})();
)js";

// JSON inside a <script> element: "</" would end the element early, so it is written "<\/",
// which JSON reads back as the same two characters.
std::string script_safe(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (std::size_t i = 0; i < json.size(); ++i) {
    out += json[i];
    if (json[i] == '<' && i + 1 < json.size() && json[i + 1] == '/') out += '\\';
  }
  return out;
}

// JavaScript inside a <script>: only "</script" ends the element (any case); it can only stand
// in a string, where "<\/script" means the same.
std::string script_safe_js(const std::string& js) {
  std::string out;
  out.reserve(js.size());
  for (std::size_t i = 0; i < js.size(); ++i) {
    out += js[i];
    if (js[i] == '<' && i + 7 < js.size() && js[i + 1] == '/') {
      std::string word = js.substr(i + 2, 6);
      for (char& ch : word) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (word == "script") out += '\\';
    }
  }
  return out;
}

}  // namespace

std::size_t ReportPage::chart_count() const {
  std::size_t n = 0;
  for (const auto& s : sections) n += s.charts.size();
  return n;
}

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string html_page(const ReportPage& page, const std::string& vega_script) {
  std::ostringstream h;
  h << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    << "<meta name=\"generator\" content=\"parley report\">\n"
    << "<title>" << html_escape(page.title) << "</title>\n<style>" << kReportPageStyle
    << "</style>\n"
    << "<script>\n"
    << script_safe_js(vega_script) << "</script>\n</head>\n<body>\n"
    << "<h1>" << html_escape(page.title) << "</h1>\n";
  if (!page.subtitle.empty())
    h << "<p class=\"subtitle\">" << html_escape(page.subtitle) << "</p>\n";
  if (!page.facts.empty()) {
    h << "<table class=\"facts\">\n";
    for (const auto& [label, value] : page.facts)
      h << "<tr><td>" << html_escape(label) << "</td><td>" << html_escape(value) << "</td></tr>\n";
    h << "</table>\n";
  }
  int n = 0;
  for (std::size_t index = 0; index < page.sections.size(); ++index) {
    const ReportSection& section = page.sections[index];
    h << "<section>\n<h2>" << html_escape(section.heading) << "</h2>\n";
    if (!section.text.empty()) h << "<p>" << html_escape(section.text) << "</p>\n";
    for (const auto& table : page.tables) {
      if (table.section != index) continue;
      h << "<table class=\"sortable\">\n<thead><tr>";
      for (const auto& head : table.header) h << "<th>" << html_escape(head) << "</th>";
      h << "</tr></thead>\n<tbody>\n";
      for (std::size_t r = 0; r < table.rows.size(); ++r) {
        h << "<tr>";
        for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
          const std::string* key = r < table.sort_keys.size() && c < table.sort_keys[r].size() &&
                                           !table.sort_keys[r][c].empty()
                                       ? &table.sort_keys[r][c]
                                       : nullptr;
          h << "<td" << (key ? " data-sort=\"" + html_escape(*key) + "\"" : "") << ">"
            << html_escape(table.rows[r][c]) << "</td>";
        }
        h << "</tr>\n";
      }
      h << "</tbody>\n</table>\n";
    }
    for (const auto& chart : section.charts) {
      ++n;
      h << "<figure class=\"chart\" id=\"chart-" << n << "\" data-title=\""
        << html_escape(chart.title) << "\">\n<div class=\"view\"></div>\n<figcaption>"
        << html_escape(chart.caption) << "</figcaption>\n"
        << "<script type=\"application/json\" class=\"vega-spec\">"
        << script_safe(chart.spec.dump()) << "</script>\n</figure>\n";
    }
    h << "</section>\n";
  }
  h << "<script>" << kRender << "</script>\n";
  if (!page.tables.empty()) h << "<script>" << kSort << "</script>\n";
  h << "</body>\n</html>\n";
  return h.str();
}

std::vector<nlohmann::ordered_json> embedded_specs(const std::string& html) {
  static const std::string open = "<script type=\"application/json\" class=\"vega-spec\">";
  std::vector<nlohmann::ordered_json> specs;
  std::size_t at = 0;
  while ((at = html.find(open, at)) != std::string::npos) {
    at += open.size();
    const std::size_t end = html.find("</script>", at);
    if (end == std::string::npos) break;
    specs.push_back(nlohmann::ordered_json::parse(html.substr(at, end - at)));
    at = end;
  }
  return specs;
}

}  // namespace parley
