// A sweep's definition travels to another process (a rank of parley-mpi) and is rebuilt there
// into the very same runs: same identity, and a block run there has the statistics of the same
// block run here.
#include "sweep/sweep_definition.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "agents/builtin_agents.hpp"
#include "engine/load/scenario_loader.hpp"
#include "engine/load/vary_option.hpp"
#include "sweep/identity.hpp"
#include "sweep/recorder.hpp"
#include "sweep/runner.hpp"

namespace parley {
namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// What `parley sweep FILE --vary ... --seed 7 --runs 5000` prepares, and its definition.
struct Original {
  std::string path = std::string(PARLEY_SOURCE_DIR) + "/scenarios/korea-1951-53.json";
  std::string bytes = read(path);
  ScenarioPtr scenario = load_scenario_text(bytes, path, builtin_agents());
  Simulator simulator{scenario, builtin_agents()};
  UncertaintySpec spec = [this] {
    UncertaintySpec s = scenario->uncertainty;
    s.set(parse_vary("/protocol/breakdown_probability=beta(2,30)"));
    return s;
  }();
  std::vector<ParameterSlot> slots = bind_parameters(spec, *scenario, builtin_agents());
  SamplingDesign design{spec, 7, 5000};
  SweepDefinition definition{sweep_identity(*scenario, path, bytes, 7, 5000, spec, slots), path,
                             bytes, false};
};

SweepStatistics run_block(const Simulator& simulator, const SamplingDesign& design,
                          const std::vector<ParameterSlot>& slots,
                          std::shared_ptr<const SweepLayout> layout, std::uint64_t block) {
  SweepRecorder recorder(simulator, layout, slots, efficiency_references(simulator), false);
  SweepOptions options;
  options.seed = 7;
  options.blocks = {block};
  run_sweep(simulator, design, slots, options, [&](int) -> SweepWorker& { return recorder; });
  return recorder.statistics();
}

TEST(SweepDefinition, TravelsAsBytesAndRebuildsTheSameRuns) {
  const Original original;
  const SweepDefinition decoded =
      decode_sweep_definition(encode_sweep_definition(original.definition));
  EXPECT_EQ(decoded.identity, original.definition.identity);
  EXPECT_EQ(decoded.scenario_bytes, original.bytes);
  const auto rebuilt = rebuild_sweep(decoded, builtin_agents());
  EXPECT_EQ(rebuilt->seed, 7u);
  EXPECT_EQ(rebuilt->design->runs(), 5000u);
  ASSERT_EQ(rebuilt->slots.size(), original.slots.size());
  const auto layout = std::make_shared<const SweepLayout>(
      make_sweep_layout(original.simulator, original.slots, original.spec));
  // Block 1 (runs 4096-4999) run from the rebuilt sweep and from the original: the same bits.
  EXPECT_TRUE(run_block(*rebuilt->simulator, *rebuilt->design, rebuilt->slots, layout, 1) ==
              run_block(original.simulator, original.design, original.slots, layout, 1));
}

TEST(SweepDefinition, RefusesBytesThatAreNotADefinition) {
  EXPECT_THROW(decode_sweep_definition("not cbor at all"), std::invalid_argument);
  EXPECT_THROW(decode_sweep_definition(""), std::invalid_argument);
}

TEST(SweepDefinition, RefusesToRebuildFromAScenarioOtherThanTheIdentitysOwn) {
  Original original;
  SweepDefinition changed = original.definition;
  changed.scenario_bytes += " ";  // the same scenario, other bytes: another fingerprint
  EXPECT_THROW(rebuild_sweep(changed, builtin_agents()), std::invalid_argument);
}

}  // namespace
}  // namespace parley
