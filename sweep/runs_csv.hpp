#pragma once
#include <cstdint>
#include <string>

#include "engine/run_result.hpp"
#include "sweep/layout.hpp"

namespace parley {

// The per-run file of a sweep (`parley sweep --runs-csv`, docs/sweep.md): one row per run, in
// run order, with its drawn parameters and its outcomes per track and party. Plain CSV
// (RFC 4180) for pandas and R.
std::string runs_csv_header(const SweepLayout& layout);
// Appends the row of one run (with its line end) to `out`.
void append_runs_csv_row(std::string& out, const SweepLayout& layout, std::uint64_t run,
                         const double* drawn, const RunResult& result);

}  // namespace parley
