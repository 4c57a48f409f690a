#!/usr/bin/env bash
# The report in a real browser: Debian's chromium, headless, loads the run report of every
# shipped scenario and a sweep report, and fails on any console message or any chart that did
# not render (each figure must hold a drawn SVG). Screenshots are kept in OUT_DIR to look at.
# Usage: report_browser_test.sh PARLEY_BINARY SOURCE_DIR OUT_DIR. Exit 77 (CTest: skipped) when
# chromium or libjs-vega is missing.
set -u
parley=$1
src=$2
out=$3
. "$(dirname "$0")/chromium.sh"
require_vega
mkdir -p "$out"
failures=0

fail() {
  echo "FAIL $1: $2"
  failures=$((failures + 1))
}

# check NAME HTML: load the page, read its DOM and console, keep a screenshot.
check() {
  local name=$1 html=$2
  page_dom "$name" "file://$html"
  local expected rendered drawn console
  expected=$(grep -o '<figure class="chart"' "$html" | wc -l)
  console=$(page_console "$name")
  [ -n "$console" ] && fail "$name" "console messages:
$console"
  grep -q 'data-charts="done"' "$work/$name.dom" || fail "$name" "the page never finished drawing"
  rendered=$(grep -o 'data-rendered="true"' "$work/$name.dom" | wc -l)
  # A figure is drawn when it holds an SVG with at least one mark path.
  drawn=$(awk 'BEGIN { RS = "<figure class=\"chart\"" } NR > 1 && /data-rendered="true"/ && /<svg/ && /<path/ { n++ } END { print n + 0 }' "$work/$name.dom")
  [ "$expected" -gt 0 ] || fail "$name" "no charts in the page"
  [ "$rendered" -eq "$expected" ] || fail "$name" "$rendered of $expected charts rendered"
  [ "$drawn" -eq "$expected" ] || fail "$name" "$drawn of $expected charts hold a drawn SVG"
  local height=$((380 * expected + 500))
  [ "$height" -gt 16000 ] && height=16000
  page_screenshot "$name" "file://$html" 1100 "$height" "$out/$name.png" ||
    fail "$name" "no screenshot"
  echo "ok   $name: $rendered of $expected charts drawn, screenshot $out/$name.png"
}

cd "$src" || exit 1
for scenario in scenarios/*.json scenarios/textbook/*.json; do
  case $scenario in *schema*) continue ;; esac
  # A stakeholder forecast (actors, no parties) is not run: parley forecast reads it.
  if grep -q '"actors"' "$scenario" && ! grep -q '"parties"' "$scenario"; then continue; fi
  name=$(basename "$scenario" .json)
  "$parley" run "$scenario" --trace "$work/$name.jsonl" > /dev/null || { fail "$name" "run"; continue; }
  "$parley" report "$work/$name.jsonl" --scenario "$scenario" --out "$out/run-$name.html" 2> /dev/null ||
    { fail "$name" "report"; continue; }
  check "run-$name" "$out/run-$name.html"
done
# The analyst's question: a ceasefire's chance by Ukraine's battlefield odds and Russia's costs.
"$parley" sweep scenarios/istanbul-2025.json --only-vary --design grid --runs 2500 \
  --vary '/world/battlefield/win_probability=discrete(0.3, 0.4, 0.5, 0.6, 0.7)' \
  --vary '/world/parties/RU/costs/casualties/utility_per_unit=discrete(1.3e-7, 2.6e-7, 5.2e-7, 1.04e-6, 2.08e-6)' \
  --out "$work/sweep" > /dev/null 2>&1 &&
  "$parley" report "$work/sweep" --out "$out/sweep-istanbul-2025.html" 2> /dev/null &&
  check sweep-istanbul-2025 "$out/sweep-istanbul-2025.html" || fail sweep "sweep or report"
# Implementation by side: an item one side carries out in full and the other barely.
"$parley" sweep tests/data/world/base-world.json --runs 500 --out "$work/phased" > /dev/null 2>&1 &&
  "$parley" report "$work/phased" --out "$out/sweep-phased.html" 2> /dev/null &&
  check sweep-phased "$out/sweep-phased.html" || fail phased "sweep or report"
grep -q "Each side's part carried out, per item" "$out/sweep-phased.html" 2> /dev/null ||
  fail phased "no implementation chart by side"
if [ "$failures" -gt 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "every report rendered in chromium"
