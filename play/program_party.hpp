#pragma once
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "engine/agent_registry.hpp"
#include "engine/external_agent.hpp"

namespace parley {

// A party played by another program over standard input and output, one JSON object per line
// (docs/python.md, "Programs playing a party"): a NegMAS negotiator, a GENIUS bridge, a
// language-model wrapper. parley starts the program for each (party, track) of a run, sends it
// a "start" line, then one line per decision, and reads one line back within the time limit.
//
// A program that exits, overruns its time or answers anything but a legal move has failed: a
// clear message goes to `errors` (stderr by default), the program is stopped, and the party
// walks away at its next answer (rejects, where the rules forbid walking away); asked for an
// offer meanwhile, it repeats its best outcome.
struct ProgramOptions {
  std::vector<std::string> command;            // program and arguments (looked up on PATH)
  std::chrono::milliseconds time_limit{5000};  // per move, and for the start line's answer
  std::ostream* errors = nullptr;              // null: std::cerr
};

class ProgramSource final : public DecisionSource {
 public:
  ProgramSource(const AgentSetup& setup, ProgramOptions options);
  ~ProgramSource() override;
  ProgramSource(const ProgramSource&) = delete;
  ProgramSource& operator=(const ProgramSource&) = delete;

  std::int64_t propose(const PartyView& view) override;
  Response respond(const PartyView& view) override;

  // Why the program was given up on ("" while it plays).
  const std::string& failure() const { return failure_; }

 private:
  bool exchange(const std::string& line, std::string& answer);  // false on failure (recorded)
  void fail(const std::string& why);
  void stop();

  ProgramOptions options_;
  std::string who_;  // "party UA, track humanitarian" for messages
  std::int64_t best_ = 0;
  int socket_ = -1;
  int pid_ = -1;
  std::string buffer_;
  std::string failure_;
};

// The agent model of a program: each (party, track) of each run gets its own process.
AgentModel program_agent_model(std::string name, ProgramOptions options);

// The agent model "program": a party played by the program its scenario names
// (AgentSpec::command, from the file's "command" or `--agent ID=program:cmd=...`), with its time
// limit per move in seconds as the parameter `time_limit`.
AgentModel scenario_program_model();

// The built-in models and "program": the registry of the front ends that can run programs (the
// loader still refuses a file naming one unless LoadOptions::allow_programs).
const AgentRegistry& agents_with_programs();

}  // namespace parley
