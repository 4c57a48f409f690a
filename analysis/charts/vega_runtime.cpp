#include "analysis/charts/vega_runtime.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace parley {

namespace {

// Modules in an order where each comes after those it requires (their UMD headers name them).
constexpr const char* kModules[] = {
    "util",       "canvas",         "time",      "format",          "loader",     "statistics",
    "expression", "event-selector", "dataflow",  "scale",           "scenegraph", "selection",
    "functions",  "runtime",        "view",      "view-transforms", "encode",     "transforms",
    "parser",     "label",          "hierarchy", "regression",      "crossfilter"};

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error("cannot read " + path.string() +
                             ": parley report inlines Vega from Debian's libjs-vega package "
                             "(apt-get install libjs-vega), or set PARLEY_VEGA_DIR to a folder "
                             "holding its vega-*.min.js files");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string wrap(const std::string& name, const std::string& code) {
  // A newline before the closing brace: a module may end in a //# sourceMappingURL comment.
  return "(function(){var module={exports:{}},exports=module.exports,require=__parleyRequire;\n" +
         code + "\n;__parleyModules['" + name + "']=module.exports;})();\n";
}

}  // namespace

std::string vega_directory() {
  const char* env = std::getenv("PARLEY_VEGA_DIR");
  return env != nullptr && *env != '\0' ? std::string(env) : "/usr/share/javascript/vega";
}

std::string vega_runtime_script() {
  return vega_runtime_script(vega_directory());
}

std::string vega_runtime_script(const std::string& vega_dir) {
  const std::filesystem::path dir(vega_dir);
  std::string js =
      "var __parleyModules={};\n"
      "function __parleyRequire(n){if(n==='vega-selections')n='vega-selection';"
      "if(!(n in __parleyModules))throw new Error('Vega module missing: '+n);"
      "return __parleyModules[n];}\n";
  js += wrap("topojson-client",
             read_file(dir.parent_path() / "topojson-client" / "topojson-client.min.js"));
  for (const char* m : kModules) {
    const std::string name = std::string("vega-") + m;
    js += wrap(name, read_file(dir / (name + ".min.js")));
  }
  js +=
      "(function(){var M=__parleyModules,v={};\n"
      "['vega-util','vega-statistics','vega-time','vega-scale','vega-scenegraph','vega-loader',"
      "'vega-format','vega-dataflow','vega-runtime','vega-functions','vega-expression',"
      "'vega-event-selector','vega-view','vega-parser'].forEach(function(n){Object.assign(v,M[n]);"
      "});\n"
      "v.extend(M['vega-dataflow'].transforms,M['vega-transforms'],M['vega-view-transforms'],"
      "M['vega-encode'],M['vega-label'],M['vega-hierarchy'],M['vega-regression'],"
      "M['vega-crossfilter']);\n"
      "v.View=M['vega-view'].View;v.parse=M['vega-parser'].parse;window.vega=v;})();\n";
  return js;
}

}  // namespace parley
