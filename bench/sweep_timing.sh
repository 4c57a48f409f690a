#!/usr/bin/env bash
# Whole-command timings of `parley sweep` on the shipped Istanbul scenario with its uncertainty
# block (figures in bench/README.md, "Sweeps"):
#   1. one million runs on every core (target: under 2 s on the 2-core reference machine);
#   2. one thread against two on the same sweep (target: two at least 1.8 times as fast);
#   3. peak resident memory for 10^4 and 10^6 runs (target: within 10%);
#   4. user CPU per run, one thread, 50,000 runs, median of three (less load-dependent);
#   5. instructions per run under callgrind, 4,096 runs (one block), one thread (independent
#      of load; includes writing summary.json and state.json once).
# Usage: bench/sweep_timing.sh [path/to/parley] [sections]
#   path defaults to build/parley; sections (default "123") picks which of 1, 2, 3 to run, e.g.
#   "1" for the headline figure alone; 4 and 5 run only when asked ("45").
# Run it on a quiet machine: `uptime` is printed first; a load above ~1.5 on two cores skews
# every figure.
set -euo pipefail
cd "$(dirname "$0")/.."
PARLEY=${1:-build/parley}
SECTIONS=${2:-123}
SCENARIO=scenarios/istanbul-2025-06.json
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "== machine"
lscpu | grep -E 'Model name|^CPU\(s\)'
uptime
"$PARLEY" --version

if [[ $SECTIONS == *1* ]]; then
  echo "== 1. one million runs, all cores"
  hyperfine --runs 3 --prepare "rm -rf $WORK/m" \
    "$PARLEY sweep $SCENARIO --runs 1000000 --out $WORK/m"
fi

if [[ $SECTIONS == *2* ]]; then
  echo "== 2. one thread against two (one million runs)"
  hyperfine --runs 3 --prepare "rm -rf $WORK/t" \
    "$PARLEY sweep $SCENARIO --runs 1000000 --threads 1 --out $WORK/t" \
    "$PARLEY sweep $SCENARIO --runs 1000000 --threads 2 --out $WORK/t"
fi

if [[ $SECTIONS == *3* ]]; then
  echo "== 3. peak memory against the number of runs"
  for runs in 10000 1000000; do
    rm -rf "$WORK/r"
    /usr/bin/time -f "runs=$runs peak_rss_kb=%M elapsed_s=%e" \
      "$PARLEY" sweep "$SCENARIO" --runs "$runs" --out "$WORK/r" 2>&1 | grep -E '^runs='
  done
fi

if [[ $SECTIONS == *4* ]]; then
  echo "== 4. user CPU per run, one thread, 50,000 runs (median of three)"
  for i in 1 2 3; do
    rm -rf "$WORK/c"
    /usr/bin/time -f "%U" -o "$WORK/user.$i" \
      "$PARLEY" sweep "$SCENARIO" --runs 50000 --seed 1 --threads 1 --out "$WORK/c" >/dev/null
  done
  sort -n "$WORK"/user.* | sed -n 2p | awk '{printf "user_s=%s us_per_run=%.1f\n", $1, $1 / 50000 * 1e6}'
fi

if [[ $SECTIONS == *5* ]]; then
  echo "== 5. instructions per run (callgrind, 4,096 runs, one thread)"
  rm -rf "$WORK/g"
  valgrind --tool=callgrind --callgrind-out-file="$WORK/cg.out" "$PARLEY" sweep "$SCENARIO" \
    --runs 4096 --seed 1 --threads 1 --out "$WORK/g" 2>&1 | grep -E 'refs' || true
  callgrind_annotate --inclusive=yes "$WORK/cg.out" 2>/dev/null |
    grep -E 'parley::(run_sweep|Simulator::run|SweepRecorder::add|SweepStatistics::add|TimeDependentAgent::choose|cli::write_sweep_directory)\(' |
    awk '{gsub(",", "", $1); printf "%12.0f per run  %s\n", $1 / 4096, $0}' | cut -c1-160
fi

uptime
