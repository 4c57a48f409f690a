#!/usr/bin/env bash
# Start-up of the commands that need a Pareto frontier, on the synthetic five-party scenario
# with 10^6 possible deals written by bench/five_party_scenario.py (figures in bench/README.md,
# "Start-up"):
#   1. `parley sweep FIVE --runs 1000`: time from the command's start until it starts running,
#      i.e. until it writes its first checkpoint (OUT/state.json, written whole just before the
#      first run is handed to a thread; docs/sweep.md); target: under 2 s.
#   2. `parley sweep FIVE --runs 1`: start-up, one run and the frontier (computed at the first
#      agreement), end to end.
#   3. `parley analyze FIVE`, `parley evaluate FIVE DEAL` and `parley brief FIVE --instructor`,
#      which need the frontier before they print anything.
#   4. `parley validate` of a scenario whose one issue has 16,000 options (the schema's
#      "all different" check must stay linear in the input).
# Usage: bench/startup_timing.sh [path/to/parley]   (default: build/parley)
# Run it on a quiet machine: `uptime` is printed first and last.
set -euo pipefail
cd "$(dirname "$0")/.."
PARLEY=${1:-build/parley}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FIVE=$WORK/five-party.json
python3 bench/five_party_scenario.py > "$FIVE"

echo "== machine"
lscpu | grep -E 'Model name|^CPU\(s\)'
uptime
"$PARLEY" --version

now() { date +%s.%N; }

echo "== 1. sweep --runs 1000: seconds until it starts running (3 times)"
# Wall-clock seconds from the command's start until the first checkpoint exists, and the CPU
# seconds the process had used by then (from /proc: utime + stime, in clock ticks). The sweep
# is then stopped with Ctrl-C (SIGINT): the runs themselves are not what is timed here.
ticks=$(getconf CLK_TCK)
for i in 1 2 3; do
  rm -rf "$WORK/s"
  start=$(now)
  "$PARLEY" sweep "$FIVE" --runs 1000 --out "$WORK/s" > /dev/null 2> "$WORK/s.err" &
  pid=$!
  while [ ! -f "$WORK/s/state.json" ] && kill -0 "$pid" 2> /dev/null; do sleep 0.005; done
  first=$(now)
  cpu=$(awk -v t="$ticks" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$pid/stat")
  kill -INT "$pid"
  wait "$pid" || true
  echo "run $i: starts running after $(echo "$first - $start" | bc) s wall, $cpu s CPU"
done

echo "== 2. sweep --runs 1, end to end"
/usr/bin/time -f "sweep --runs 1: elapsed_s=%e user_s=%U sys_s=%S peak_rss_kb=%M" \
  "$PARLEY" sweep "$FIVE" --runs 1 --out "$WORK/one" > /dev/null 2> "$WORK/one.err" || true
grep elapsed_s "$WORK/one.err"

echo "== 3. the commands that print the frontier's results"
DEAL="i0=o0 i1=o0 i2=o0 i3=o0 i4=o0 i5=o0"
/usr/bin/time -f "analyze: elapsed_s=%e user_s=%U sys_s=%S peak_rss_kb=%M" \
  "$PARLEY" analyze "$FIVE" > "$WORK/analyze.txt" 2> "$WORK/analyze.err"
grep elapsed_s "$WORK/analyze.err"
grep -i "frontier" "$WORK/analyze.txt" | head -3
/usr/bin/time -f "evaluate: elapsed_s=%e user_s=%U sys_s=%S peak_rss_kb=%M" \
  "$PARLEY" evaluate "$FIVE" $DEAL > /dev/null 2> "$WORK/evaluate.err"
grep elapsed_s "$WORK/evaluate.err"
/usr/bin/time -f "brief --instructor: elapsed_s=%e user_s=%U sys_s=%S peak_rss_kb=%M" \
  "$PARLEY" brief "$FIVE" --instructor --out "$WORK/brief.md" > /dev/null 2> "$WORK/brief.err"
grep elapsed_s "$WORK/brief.err"

echo "== 4. validate: one issue of 16,000 options"
python3 bench/five_party_scenario.py --parties 2 --issues 1 --options 16000 > "$WORK/wide.json"
/usr/bin/time -f "validate 16,000 options: elapsed_s=%e peak_rss_kb=%M" \
  "$PARLEY" validate "$WORK/wide.json" > /dev/null 2> "$WORK/wide.err"
grep elapsed_s "$WORK/wide.err"
uptime
