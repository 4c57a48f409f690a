#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/run_result.hpp"
#include "sweep/layout.hpp"

namespace parley {

// The per-run file of a sweep (`parley sweep --runs-csv`, docs/sweep.md): one row per run, in
// run order, with its drawn parameters and its outcomes per track, party, the war and each
// implementation item. Plain CSV (RFC 4180) for pandas and R. Columns are named by ids (a
// party's id, never its index in the file) and options are written by their label.
std::string runs_csv_header(const SweepLayout& layout);
// Appends the row of one run (with its line end) to `out`.
void append_runs_csv_row(std::string& out, const SweepLayout& layout, std::uint64_t run,
                         const double* drawn, const RunResult& result);

// The rows of runs files left by an interrupted sweep (the committed file and the partial one a
// SIGKILL leaves, in any order, each perhaps cut mid-row) whose run `keep` accepts: complete
// rows only, each run once, in run order, without the header. A resumed sweep starts its file
// with these (the rows of its finished blocks) and appends the rest, so the file ends with the
// bytes an uninterrupted sweep writes.
std::string runs_csv_kept_rows(const std::vector<std::string_view>& texts,
                               const std::function<bool(std::uint64_t run)>& keep);

// What each column is, as CSV (`column,meaning,unit`), written beside the runs file.
std::string runs_csv_columns(const SweepLayout& layout);
// Where that file goes: runs.csv -> runs.columns.csv (FILE.columns.csv for another name).
std::string runs_csv_columns_path(const std::string& runs_csv_path);

// A parameter's column name: its pointer with a party's index replaced by the party's id
// (/parties/0/preferences/discount -> /parties/RU/preferences/discount).
std::string parameter_column(const SweepLayout& layout, const std::string& pointer);

}  // namespace parley
