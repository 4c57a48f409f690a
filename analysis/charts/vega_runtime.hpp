#pragma once
#include <string>

namespace parley {

// Vega's JavaScript, to inline in a report so it opens from disk with no network. Debian's
// libjs-vega ships Vega as one UMD file per module (vega-util, vega-scale, ...) rather than
// the upstream bundle; this reads the modules a report needs, wraps each in a small CommonJS
// shim in dependency order, and assembles the `vega` object the upstream bundle exports
// (parse, View, and the transforms registered with the dataflow).
//
// The folder is $PARLEY_VEGA_DIR when set, else /usr/share/javascript/vega; topojson-client,
// which the loader module requires, is read from the sibling folder topojson-client/.
// Throws std::runtime_error naming the missing file and the Debian package.
std::string vega_runtime_script();
std::string vega_runtime_script(const std::string& vega_dir);

// The folder vega_runtime_script() reads.
std::string vega_directory();

}  // namespace parley
