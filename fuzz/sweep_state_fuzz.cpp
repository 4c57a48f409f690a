// Fuzz target: a sweep folder's state.json (docs/sweep.md, docs/fuzzing.md), read as
// `parley sweep --resume` and `parley merge` read it. The file is read twice: as given (a
// mutated file almost always fails its checksum) and sealed again with a matching checksum, so
// that the search reaches the checks behind it, as an edited file sealed by a careful vandal
// would. A state that reads must write back to the same JSON and give a summary. Errors must be
// InputErrors; anything else is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/input_error.hpp"
#include "fuzz/fuzz_support.hpp"
#include "sweep/files.hpp"
#include "sweep/state.hpp"

namespace {

void read_state(const parley::fuzz::ScratchFolder& folder, const std::string& text) {
  using namespace parley;
  folder.write(cli::kStateFile, text);
  SweepState state;
  try {
    state = cli::read_sweep_state(folder.path().string());
  } catch (const InputError&) {
    return;
  }
  // What reads writes back the same, and sums up.
  const nlohmann::json written = to_json(state);
  if (to_json(sweep_state_from_json(written)) != written) std::abort();
  summary_json(state);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace parley;
  if (size > fuzz::kMaxInput) return 0;
  const std::string text = fuzz::as_text(data, size);
  static const fuzz::ScratchFolder folder;
  read_state(folder, text);
  nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object()) return 0;
  json.erase("checksum");
  seal(json);
  read_state(folder, json.dump());
  return 0;
}
