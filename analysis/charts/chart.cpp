// Vega 5 specifications for the report's charts (https://vega.github.io/vega/docs/). Every
// domain is computed here from the data, so a chart reads the same whatever the browser.
#include "analysis/charts/chart.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace parley {

namespace {

using OrderedJson = nlohmann::ordered_json;

constexpr int kWidth = 600;

// Vega refuses NaN and infinities in JSON; a report never draws them.
double finite(double v) {
  return std::isfinite(v) ? v : 0.0;
}

OrderedJson base(const std::string& title, int width, int height) {
  OrderedJson spec;
  spec["$schema"] = "https://vega.github.io/schema/vega/v5.json";
  spec["width"] = width;
  spec["height"] = height;
  spec["padding"] = 8;
  spec["autosize"] = {{"type", "pad"}};
  spec["title"] = {{"text", title}, {"anchor", "start"}, {"fontSize", 15}, {"offset", 10}};
  spec["config"] = {{"axis", {{"labelFontSize", 11}, {"titleFontSize", 12}}},
                    {"legend", {{"labelFontSize", 11}, {"titleFontSize", 12}}}};
  spec["data"] = OrderedJson::array();
  spec["scales"] = OrderedJson::array();
  spec["axes"] = OrderedJson::array();
  spec["legends"] = OrderedJson::array();
  spec["marks"] = OrderedJson::array();
  return spec;
}

struct Extent {
  double lo = std::numeric_limits<double>::infinity();
  double hi = -std::numeric_limits<double>::infinity();
  void add(double v) {
    if (!std::isfinite(v)) return;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  OrderedJson domain() const {
    if (!(lo <= hi)) return OrderedJson::array({0.0, 1.0});
    if (lo == hi) return OrderedJson::array({lo - 0.5, hi + 0.5});
    return OrderedJson::array({lo, hi});
  }
};

OrderedJson linear_scale(const std::string& name, const OrderedJson& domain,
                         const std::string& range, bool nice, bool zero) {
  return {{"name", name},   {"type", "linear"}, {"domain", domain},
          {"range", range}, {"nice", nice},     {"zero", zero}};
}

// The distinct values of a field, in order of first appearance.
template <class Rows, class Get>
std::vector<std::string> distinct(const Rows& rows, Get get, std::vector<std::string> seen = {}) {
  for (const auto& r : rows) {
    const std::string& v = get(r);
    if (!v.empty() && std::find(seen.begin(), seen.end(), v) == seen.end()) seen.push_back(v);
  }
  return seen;
}

OrderedJson xy_rows(const std::vector<XYPoint>& points) {
  OrderedJson rows = OrderedJson::array();
  for (const auto& p : points)
    rows.push_back({{"x", finite(p.x)},
                    {"y", finite(p.y)},
                    {"series", p.series},
                    {"shape", p.shape},
                    {"note", p.note}});
  return rows;
}

OrderedJson tooltip(const std::string& x_title, const std::string& y_title) {
  return {
      {"signal", "{'" + x_title + "': datum.x, '" + y_title +
                     "': format(datum.y, '.4~g'), 'series': datum.series, 'note': datum.note}"}};
}

std::string quoted(std::string s) {
  // Axis titles become object keys of a Vega expression: no quotes or backslashes inside.
  std::replace(s.begin(), s.end(), '\'', ' ');
  std::replace(s.begin(), s.end(), '\\', ' ');
  return s;
}

}  // namespace

Chart xy_chart(const XYChart& c) {
  OrderedJson spec = base(c.title, kWidth, 300);
  spec["data"].push_back({{"name", "cloud"}, {"values", xy_rows(c.cloud)}});
  spec["data"].push_back({{"name", "lines"}, {"values", xy_rows(c.lines)}});
  spec["data"].push_back({{"name", "dots"}, {"values", xy_rows(c.dots)}});
  OrderedJson markers = OrderedJson::array();
  for (const auto& m : c.markers)
    markers.push_back({{"x", finite(m.x)}, {"y", finite(m.y)}, {"label", m.label}});
  spec["data"].push_back({{"name", "markers"}, {"values", markers}});
  OrderedJson bars = OrderedJson::array();
  for (const auto& e : c.error_bars)
    bars.push_back({{"x", finite(e.x)},
                    {"lower", finite(e.lower)},
                    {"upper", finite(e.upper)},
                    {"series", e.series}});
  spec["data"].push_back({{"name", "error_bars"}, {"values", bars}});

  Extent ex, ey;
  for (const auto* set : {&c.cloud, &c.lines, &c.dots})
    for (const auto& p : *set) {
      ex.add(p.x);
      ey.add(p.y);
    }
  for (const auto& m : c.markers) {
    ex.add(m.x);
    ey.add(m.y);
  }
  for (const auto& e : c.error_bars) {
    ex.add(e.x);
    ey.add(e.lower);
    ey.add(e.upper);
  }
  const OrderedJson xd =
      c.x_domain ? OrderedJson::array({c.x_domain->first, c.x_domain->second}) : ex.domain();
  const OrderedJson yd =
      c.y_domain ? OrderedJson::array({c.y_domain->first, c.y_domain->second}) : ey.domain();
  spec["scales"].push_back(linear_scale("x", xd, "width", !c.x_domain, false));
  spec["scales"].push_back(linear_scale("y", yd, "height", !c.y_domain, false));
  auto series = distinct(c.lines, [](const XYPoint& p) -> const std::string& { return p.series; });
  series = distinct(
      c.error_bars, [](const ErrorBar& e) -> const std::string& { return e.series; }, series);
  series = distinct(
      c.dots, [](const XYPoint& p) -> const std::string& { return p.series; }, series);
  const auto shapes =
      distinct(c.lines, [](const XYPoint& p) -> const std::string& { return p.shape; });
  spec["scales"].push_back({{"name", "color"},
                            {"type", "ordinal"},
                            {"domain", series},
                            {"range", {{"scheme", "tableau10"}}}});
  spec["scales"].push_back(
      {{"name", "shape"},
       {"type", "ordinal"},
       {"domain", shapes},
       {"range", {"circle", "triangle-up", "square", "diamond", "cross", "triangle-down"}}});

  OrderedJson xaxis = {{"orient", "bottom"}, {"scale", "x"}, {"title", c.x_title}, {"grid", true}};
  if (c.x_integer) xaxis["tickMinStep"] = 1;
  if (c.x_integer) xaxis["format"] = "d";
  OrderedJson yaxis = {{"orient", "left"}, {"scale", "y"}, {"title", c.y_title}, {"grid", true}};
  if (!c.y_format.empty()) yaxis["format"] = c.y_format;
  spec["axes"].push_back(xaxis);
  spec["axes"].push_back(yaxis);
  if (!series.empty())
    spec["legends"].push_back({{"stroke", "color"},
                               {"fill", "color"},
                               {"title", c.series_title},
                               {"symbolType", "circle"},
                               {"labelLimit", 280},
                               {"orient", "right"}});
  if (!shapes.empty())
    spec["legends"].push_back({{"shape", "shape"}, {"title", c.shape_title}, {"orient", "right"}});

  const OrderedJson tip = tooltip(quoted(c.x_title), quoted(c.y_title));
  OrderedJson& marks = spec["marks"];
  marks.push_back({{"type", "symbol"},
                   {"from", {{"data", "cloud"}}},
                   {"encode",
                    {{"enter",
                      {{"x", {{"scale", "x"}, {"field", "x"}}},
                       {"y", {{"scale", "y"}, {"field", "y"}}},
                       {"size", {{"value", 14}}},
                       {"fill", {{"value", "#9aa0a6"}}},
                       {"fillOpacity", {{"value", 0.45}}},
                       {"tooltip", tip}}}}}});
  marks.push_back({{"type", "rule"},
                   {"from", {{"data", "error_bars"}}},
                   {"encode",
                    {{"enter",
                      {{"x", {{"scale", "x"}, {"field", "x"}}},
                       {"y", {{"scale", "y"}, {"field", "lower"}}},
                       {"y2", {{"scale", "y"}, {"field", "upper"}}},
                       {"stroke", {{"scale", "color"}, {"field", "series"}}},
                       {"strokeWidth", {{"value", 1.5}}},
                       {"strokeOpacity", {{"value", 0.6}}}}}}}});
  const OrderedJson line_enter = {{"x", {{"scale", "x"}, {"field", "x"}}},
                                  {"y", {{"scale", "y"}, {"field", "y"}}},
                                  {"stroke", {{"scale", "color"}, {"field", "series"}}},
                                  {"strokeWidth", {{"value", 2}}},
                                  {"interpolate", {{"value", c.step ? "step-after" : "linear"}}}};
  // One line per series and shape: in a negotiation dance, a party's valuation of its own
  // offers and of the other's are two lines.
  const OrderedJson facet = {{"name", "one_series"},
                             {"data", "lines"},
                             {"groupby", OrderedJson::array({"series", "shape"})}};
  marks.push_back({{"type", "group"},
                   {"from", {{"facet", facet}}},
                   {"marks", OrderedJson::array({{{"type", "line"},
                                                  {"from", {{"data", "one_series"}}},
                                                  {"encode", {{"enter", line_enter}}}}})}});
  if (c.line_points) {
    OrderedJson enter = {{"x", {{"scale", "x"}, {"field", "x"}}},
                         {"y", {{"scale", "y"}, {"field", "y"}}},
                         {"size", {{"value", 50}}},
                         {"fill", {{"scale", "color"}, {"field", "series"}}},
                         {"tooltip", tip}};
    if (!shapes.empty()) enter["shape"] = {{"scale", "shape"}, {"field", "shape"}};
    marks.push_back(
        {{"type", "symbol"}, {"from", {{"data", "lines"}}}, {"encode", {{"enter", enter}}}});
  }
  marks.push_back({{"type", "symbol"},
                   {"from", {{"data", "dots"}}},
                   {"encode",
                    {{"enter",
                      {{"x", {{"scale", "x"}, {"field", "x"}}},
                       {"y", {{"scale", "y"}, {"field", "y"}}},
                       {"size", {{"value", 40}}},
                       {"fill", {{"scale", "color"}, {"field", "series"}}},
                       {"tooltip", tip}}}}}});
  marks.push_back({{"type", "symbol"},
                   {"name", "marker_points"},
                   {"from", {{"data", "markers"}}},
                   {"encode",
                    {{"enter",
                      {{"x", {{"scale", "x"}, {"field", "x"}}},
                       {"y", {{"scale", "y"}, {"field", "y"}}},
                       {"shape", {{"value", "diamond"}}},
                       {"size", {{"value", 130}}},
                       {"fill", {{"value", "#111"}}},
                       {"stroke", {{"value", "white"}}},
                       {"tooltip",
                        {{"signal",
                          "datum.label + ': (' + format(datum.x, '.3~g') + "
                          "', ' + format(datum.y, '.3~g') + ')'"}}}}}}}});
  // Labels go where they overlap nothing and stay inside the plot (vega-label).
  marks.push_back({{"type", "text"},
                   {"from", {{"data", "marker_points"}}},
                   {"encode",
                    {{"enter",
                      {{"text", {{"field", "datum.label"}}},
                       {"fontSize", {{"value", 11}}},
                       {"fontWeight", {{"value", "bold"}}},
                       {"fill", {{"value", "#111"}}}}}}},
                   {"transform",
                    {{{"type", "label"},
                      {"size", {{"signal", "[width, height]"}}},
                      {"avoidMarks", {"marker_points"}},
                      {"anchor",
                       {"top-right", "right", "bottom-right", "top-left", "left", "bottom-left",
                        "top", "bottom"}},
                      {"offset", {3, 3, 3, 3, 3, 3, 6, 6}}}}}});
  return {c.title, c.caption, spec};
}

Chart interval_chart(const IntervalChart& c) {
  const int rows = static_cast<int>(c.bars.size());
  OrderedJson spec = base(c.title, kWidth - 160, std::max(40, 26 * rows));
  OrderedJson values = OrderedJson::array();
  Extent ex;
  ex.add(0.0);
  std::vector<std::string> labels;
  for (const auto& b : c.bars) {
    OrderedJson row = {
        {"label", b.label}, {"group", b.group}, {"value", finite(b.value)}, {"text", b.text}};
    row["lower"] = finite(b.lower.value_or(b.value));
    row["upper"] = finite(b.upper.value_or(b.value));
    row["whisker"] = !c.span_bars && b.lower.has_value() && b.upper.has_value();
    values.push_back(row);
    ex.add(b.value);
    if (b.upper) ex.add(*b.upper);
    if (b.lower) ex.add(*b.lower);
    labels.push_back(b.label);
  }
  spec["data"].push_back({{"name", "bars"}, {"values", values}});
  const OrderedJson xd =
      c.domain ? OrderedJson::array({c.domain->first, c.domain->second}) : ex.domain();
  spec["scales"].push_back(linear_scale("x", xd, "width", !c.domain, true));
  spec["scales"].push_back({{"name", "y"},
                            {"type", "band"},
                            {"domain", labels},
                            {"range", "height"},
                            {"padding", 0.25}});
  const auto groups =
      distinct(c.bars, [](const IntervalBar& b) -> const std::string& { return b.group; });
  spec["scales"].push_back({{"name", "color"},
                            {"type", "ordinal"},
                            {"domain", groups.empty() ? std::vector<std::string>{""} : groups},
                            {"range", {{"scheme", "tableau10"}}}});
  OrderedJson xaxis = {
      {"orient", "bottom"}, {"scale", "x"}, {"title", c.value_title}, {"grid", true}};
  if (!c.format.empty()) xaxis["format"] = c.format;
  spec["axes"].push_back(xaxis);
  spec["axes"].push_back({{"orient", "left"}, {"scale", "y"}, {"labelLimit", 220}});
  if (groups.size() > 1)
    spec["legends"].push_back({{"fill", "color"},
                               {"title", c.group_title},
                               {"orient", "bottom"},
                               {"direction", "horizontal"}});
  OrderedJson& marks = spec["marks"];
  marks.push_back({{"type", "rect"},
                   {"from", {{"data", "bars"}}},
                   {"encode",
                    {{"enter",
                      {{"x", c.span_bars ? OrderedJson{{"scale", "x"}, {"field", "lower"}}
                                         : OrderedJson{{"scale", "x"}, {"value", 0}}},
                       {"x2", {{"scale", "x"}, {"field", c.span_bars ? "upper" : "value"}}},
                       {"y", {{"scale", "y"}, {"field", "label"}}},
                       {"height", {{"scale", "y"}, {"band", 1}}},
                       {"fill", {{"scale", "color"}, {"field", "group"}}},
                       {"fillOpacity", {{"value", 0.75}}},
                       {"tooltip", {{"signal", "datum.label + ': ' + datum.text"}}}}}}}});
  marks.push_back({{"type", "rule"},
                   {"from", {{"data", "bars"}}},
                   {"encode",
                    {{"enter",
                      {{"x", {{"scale", "x"}, {"field", "lower"}}},
                       {"x2", {{"scale", "x"}, {"field", "upper"}}},
                       {"y", {{"scale", "y"}, {"field", "label"}, {"band", 0.5}}},
                       {"stroke", {{"value", "#222"}}},
                       {"strokeWidth", {{"value", 1.5}}},
                       {"opacity", {{"signal", "datum.whisker ? 1 : 0"}}}}}}}});
  marks.push_back({{"type", "text"},
                   {"from", {{"data", "bars"}}},
                   {"encode",
                    {{"enter",
                      {{"x", {{"scale", "x"}, {"signal", "max(datum.value, datum.upper)"}}},
                       {"dx", {{"value", 5}}},
                       {"y", {{"scale", "y"}, {"field", "label"}, {"band", 0.5}}},
                       {"baseline", {{"value", "middle"}}},
                       {"text", {{"field", "text"}}},
                       {"fontSize", {{"value", 11}}},
                       {"fill", {{"value", "#222"}}}}}}}});
  return {c.title, c.caption, spec};
}

Chart histogram_chart(const HistogramChart& c) {
  OrderedJson spec = base(c.title, kWidth - 120, 220);
  OrderedJson values = OrderedJson::array();
  Extent ex, ey;
  ey.add(0.0);
  for (const auto& b : c.bins) {
    values.push_back(
        {{"lower", finite(b.lower)}, {"upper", finite(b.upper)}, {"count", finite(b.count)}});
    ex.add(b.lower);
    ex.add(b.upper);
    ey.add(b.count);
  }
  spec["data"].push_back({{"name", "bins"}, {"values", values}});
  spec["scales"].push_back(linear_scale("x", ex.domain(), "width", false, false));
  spec["scales"].push_back(linear_scale("y", ey.domain(), "height", true, true));
  spec["axes"].push_back({{"orient", "bottom"}, {"scale", "x"}, {"title", c.x_title}});
  spec["axes"].push_back(
      {{"orient", "left"}, {"scale", "y"}, {"title", c.y_title}, {"grid", true}});
  spec["marks"].push_back(
      {{"type", "rect"},
       {"from", {{"data", "bins"}}},
       {"encode",
        {{"enter",
          {{"x", {{"scale", "x"}, {"field", "lower"}}},
           {"x2", {{"scale", "x"}, {"field", "upper"}}},
           {"y", {{"scale", "y"}, {"field", "count"}}},
           {"y2", {{"scale", "y"}, {"value", 0}}},
           {"fill", {{"value", "#4c78a8"}}},
           {"stroke", {{"value", "white"}}},
           {"strokeWidth", {{"value", 0.5}}},
           {"tooltip",
            {{"signal",
              "format(datum.lower, ',.4~g') + ' to ' + format(datum.upper, ',.4~g') + "
              "': ' + format(datum.count, ',') + ' runs'"}}}}}}}});
  return {c.title, c.caption, spec};
}

Chart timeline_chart(const TimelineChart& c) {
  std::vector<std::string> lanes;
  lanes = distinct(c.spans, [](const Span& s) -> const std::string& { return s.lane; });
  lanes = distinct(
      c.instants, [](const Instant& s) -> const std::string& { return s.lane; }, lanes);
  OrderedJson spec = base(c.title, kWidth - 140, std::max(40, 24 * static_cast<int>(lanes.size())));
  OrderedJson spans = OrderedJson::array();
  OrderedJson instants = OrderedJson::array();
  Extent ex;
  for (const auto& s : c.spans) {
    spans.push_back({{"lane", s.lane},
                     {"start", finite(s.start)},
                     {"end", finite(s.end)},
                     {"status", s.status},
                     {"note", s.note}});
    ex.add(s.start);
    ex.add(s.end);
  }
  for (const auto& i : c.instants) {
    instants.push_back({{"lane", i.lane}, {"x", finite(i.x)}, {"note", i.note}});
    ex.add(i.x);
  }
  spec["data"].push_back({{"name", "spans"}, {"values", spans}});
  spec["data"].push_back({{"name", "instants"}, {"values", instants}});
  spec["scales"].push_back(linear_scale("x", ex.domain(), "width", true, false));
  spec["scales"].push_back(
      {{"name", "y"}, {"type", "band"}, {"domain", lanes}, {"range", "height"}, {"padding", 0.3}});
  const auto statuses =
      distinct(c.spans, [](const Span& s) -> const std::string& { return s.status; });
  spec["scales"].push_back({{"name", "color"},
                            {"type", "ordinal"},
                            {"domain", statuses},
                            {"range", {{"scheme", "tableau10"}}}});
  spec["axes"].push_back({{"orient", "bottom"},
                          {"scale", "x"},
                          {"title", c.x_title},
                          {"grid", true},
                          {"format", "d"},
                          {"tickMinStep", 1}});
  spec["axes"].push_back({{"orient", "left"}, {"scale", "y"}, {"labelLimit", 220}});
  if (!statuses.empty())
    spec["legends"].push_back({{"fill", "color"}, {"title", c.status_title}, {"orient", "right"}});
  spec["marks"].push_back(
      {{"type", "rect"},
       {"from", {{"data", "spans"}}},
       {"encode",
        {{"enter",
          {{"x", {{"scale", "x"}, {"field", "start"}}},
           {"x2", {{"scale", "x"}, {"signal", "max(datum.end, datum.start + 0.4)"}}},
           {"y", {{"scale", "y"}, {"field", "lane"}}},
           {"height", {{"scale", "y"}, {"band", 1}}},
           {"fill", {{"scale", "color"}, {"field", "status"}}},
           {"tooltip", {{"signal", "datum.lane + ': ' + datum.note"}}}}}}}});
  spec["marks"].push_back({{"type", "symbol"},
                           {"from", {{"data", "instants"}}},
                           {"encode",
                            {{"enter",
                              {{"x", {{"scale", "x"}, {"field", "x"}}},
                               {"y", {{"scale", "y"}, {"field", "lane"}, {"band", 0.5}}},
                               {"shape", {{"value", "triangle-down"}}},
                               {"size", {{"value", 90}}},
                               {"fill", {{"value", "#d62728"}}},
                               {"tooltip", {{"signal", "datum.lane + ': ' + datum.note"}}}}}}}});
  return {c.title, c.caption, spec};
}

Chart heatmap_chart(const HeatmapChart& c) {
  const auto xs = distinct(c.cells, [](const Cell& s) -> const std::string& { return s.x; });
  const auto ys = distinct(c.cells, [](const Cell& s) -> const std::string& { return s.y; });
  OrderedJson spec =
      base(c.title, std::min(kWidth - 140, std::max(200, 60 * static_cast<int>(xs.size()))),
           std::max(120, 36 * static_cast<int>(ys.size())));
  OrderedJson values = OrderedJson::array();
  Extent ev;
  for (const auto& cell : c.cells) {
    values.push_back(
        {{"x", cell.x}, {"y", cell.y}, {"value", finite(cell.value)}, {"text", cell.text}});
    ev.add(cell.value);
  }
  spec["data"].push_back({{"name", "cells"}, {"values", values}});
  const double light =
      c.format == "%" ? 0.6 : (ev.lo <= ev.hi ? ev.lo + 0.6 * (ev.hi - ev.lo) : 0.0);
  spec["scales"].push_back({{"name", "x"}, {"type", "band"}, {"domain", xs}, {"range", "width"}});
  std::vector<std::string> ys_up(ys.rbegin(), ys.rend());  // the first level at the bottom
  spec["scales"].push_back(
      {{"name", "y"}, {"type", "band"}, {"domain", ys_up}, {"range", "height"}});
  spec["scales"].push_back(
      {{"name", "color"},
       {"type", "linear"},
       // Shares span the whole 0-100%: colours then compare across maps and
       // do not magnify a 92-98% spread.
       {"domain", c.format == "%" ? OrderedJson::array({0.0, 1.0}) : ev.domain()},
       {"range", {{"scheme", "viridis"}}}});
  spec["axes"].push_back({{"orient", "bottom"},
                          {"scale", "x"},
                          {"title", c.x_title},
                          {"labelAngle", -30},
                          {"labelAlign", "right"},
                          {"labelLimit", 260}});
  spec["axes"].push_back(
      {{"orient", "left"}, {"scale", "y"}, {"title", c.y_title}, {"labelLimit", 260}});
  OrderedJson legend = {{"fill", "color"}, {"title", c.value_title}, {"orient", "right"}};
  if (!c.format.empty()) legend["format"] = c.format;
  spec["legends"].push_back(legend);
  spec["marks"].push_back({{"type", "rect"},
                           {"from", {{"data", "cells"}}},
                           {"encode",
                            {{"enter",
                              {{"x", {{"scale", "x"}, {"field", "x"}}},
                               {"width", {{"scale", "x"}, {"band", 1}}},
                               {"y", {{"scale", "y"}, {"field", "y"}}},
                               {"height", {{"scale", "y"}, {"band", 1}}},
                               {"fill", {{"scale", "color"}, {"field", "value"}}},
                               {"tooltip", {{"field", "text"}}}}}}}});
  spec["marks"].push_back(
      {{"type", "text"},
       {"from", {{"data", "cells"}}},
       {"encode",
        {{"enter",
          {{"x", {{"scale", "x"}, {"field", "x"}, {"band", 0.5}}},
           {"y", {{"scale", "y"}, {"field", "y"}, {"band", 0.5}}},
           {"align", {{"value", "center"}}},
           {"baseline", {{"value", "middle"}}},
           {"text", {{"field", "text"}}},
           {"fontSize", {{"value", 10}}},
           // dark text on the light end of the scale
           {"fill",
            {{"signal", "datum.value > " + std::to_string(light) + " ? '#111' : 'white'"}}}}}}}});
  return {c.title, c.caption, spec};
}

const nlohmann::ordered_json* chart_data(const nlohmann::ordered_json& spec,
                                         const std::string& name) {
  if (!spec.contains("data")) return nullptr;
  for (const auto& d : spec["data"])
    if (d.value("name", "") == name && d.contains("values")) return &d["values"];
  return nullptr;
}

}  // namespace parley
