#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace parley {

// One picture of a report: a complete Vega 5 specification with its data inlined, and the words
// around it. The builders below take plain data and write the specification, so a report (a
// run, a sweep, a classroom debrief) says what to draw and never how.
struct Chart {
  std::string title;
  std::string caption;  // one line: what to look for
  nlohmann::ordered_json spec;
};

// A point of an x–y chart. `series` names its line or colour; `shape` (optional) a second
// grouping drawn as the symbol's shape (who proposed an offer); `note` goes in the tooltip.
struct XYPoint {
  double x = 0.0;
  double y = 0.0;
  std::string series;
  std::string shape;
  std::string note;
};

// A labelled point drawn on top (the Nash point, the deal).
struct Marker {
  double x = 0.0;
  double y = 0.0;
  std::string label;
};

// A vertical interval at x (a 95% interval around a line's point), coloured by series.
struct ErrorBar {
  double x = 0.0;
  double lower = 0.0;
  double upper = 0.0;
  std::string series;
};

struct XYChart {
  std::string title;
  std::string caption;
  std::string x_title;  // axis titles carry their units: "round (day)", "utility (0-1)"
  std::string y_title;
  std::string series_title;    // legend title of `lines` and `dots`
  std::string shape_title;     // legend title of the shapes, when points have them
  std::vector<XYPoint> cloud;  // grey dots without a legend: every outcome, say
  std::vector<XYPoint> lines;  // joined in the given order, one line per series
  std::vector<XYPoint> dots;   // coloured by series, not joined
  std::vector<Marker> markers;
  std::vector<ErrorBar> error_bars;
  bool step = false;        // lines as steps (a survival curve)
  bool line_points = true;  // a symbol at each point of a line
  bool x_integer = false;   // x ticks at whole numbers (rounds)
  std::optional<std::pair<double, double>> x_domain;
  std::optional<std::pair<double, double>> y_domain;
  std::string y_format;  // d3 format of the y axis ("%" for a share), empty for the default
};

// A horizontal bar per row, with an optional interval drawn as a whisker and a text label.
struct IntervalBar {
  std::string label;
  std::string group;  // colour; empty for one colour
  double value = 0.0;
  std::optional<double> lower;
  std::optional<double> upper;
  std::string text;  // printed beside the bar: "83.2% (80.1–86.0%)"
};

struct IntervalChart {
  std::string title;
  std::string caption;
  std::string value_title;  // the axis along the bars, with its unit
  std::string group_title;  // legend title when bars have groups
  std::vector<IntervalBar> bars;
  std::optional<std::pair<double, double>> domain;
  std::string format;  // d3 format of the value axis ("%" for shares)
  // Bars span [lower, upper] instead of [0, value], with no whisker: a tornado of effects.
  bool span_bars = false;
};

// A histogram from counts already binned.
struct Bin {
  double lower = 0.0;
  double upper = 0.0;
  double count = 0.0;
};

struct HistogramChart {
  std::string title;
  std::string caption;
  std::string x_title;
  std::string y_title;
  std::vector<Bin> bins;
};

// Lanes along a shared x axis: a span per lane (a track open until it closed, coloured by how
// it closed) and instants (events).
struct Span {
  std::string lane;
  double start = 0.0;
  double end = 0.0;
  std::string status;
  std::string note;
};

struct Instant {
  std::string lane;
  double x = 0.0;
  std::string note;
};

struct TimelineChart {
  std::string title;
  std::string caption;
  std::string x_title;
  std::string status_title;
  std::vector<Span> spans;
  std::vector<Instant> instants;
};

// A grid of cells coloured by value: an outcome by two parameters.
struct Cell {
  std::string x;
  std::string y;
  double value = 0.0;
  std::string text;
};

struct HeatmapChart {
  std::string title;
  std::string caption;
  std::string x_title;
  std::string y_title;
  std::string value_title;
  std::vector<Cell> cells;
  std::string format;  // d3 format of the legend
};

Chart xy_chart(const XYChart& c);
Chart interval_chart(const IntervalChart& c);
Chart histogram_chart(const HistogramChart& c);
Chart timeline_chart(const TimelineChart& c);
Chart heatmap_chart(const HeatmapChart& c);

// The names of a chart's data sets and their rows, as the specification holds them: for tests
// and for anyone checking a report's numbers.
const nlohmann::ordered_json* chart_data(const nlohmann::ordered_json& spec,
                                         const std::string& name);

}  // namespace parley
