#!/usr/bin/env bash
# The class debrief in a real browser: a class folder of Korea tables (three finished games and
# one cut short) goes through parley debrief, and Debian's chromium, headless, loads the page; it
# fails on any console message, any chart not drawn, or a class table that is not there. The
# screenshot is kept in OUT_DIR to look at.
# Usage: debrief_browser_test.sh PARLEY_BINARY SOURCE_DIR OUT_DIR. Exit 77 (CTest: skipped) when
# chromium or libjs-vega is missing.
set -u
parley=$1
src=$2
out=$3
. "$(dirname "$0")/chromium.sh"
require_vega
mkdir -p "$out"

fail() {
  echo "FAIL: $1"
  exit 1
}

cd "$src" || exit 1
class="$work/korea-class"
mkdir -p "$class/tables"
cp scenarios/korea-1951-53.json "$class/scenario.json"
for seed in 1 2 3; do
  "$parley" run "$class/scenario.json" --seed "$seed" --trace "$class/tables/t0$seed.trace.json" \
    > /dev/null || fail "parley run --seed $seed"
done
# A table still playing: its trace without the run-end line.
head -n 40 "$class/tables/t01.trace.json" > "$class/tables/t04.trace.json"
html="$out/debrief-korea.html"
"$parley" debrief "$class" --runs 50 --out "$html" 2> "$work/debrief.log" ||
  fail "parley debrief: $(cat "$work/debrief.log")"

page_dom page "file://$html"
console=$(page_console page)
[ -z "$console" ] || fail "console messages:
$console"
grep -q 'data-charts="done"' "$work/page.dom" || fail "the page never finished drawing"
expected=$(grep -o '<figure class="chart"' "$html" | wc -l)
drawn=$(awk 'BEGIN { RS = "<figure class=\"chart\"" } NR > 1 && /data-rendered="true"/ && /<svg/ && /<path/ { n++ } END { print n + 0 }' "$work/page.dom")
[ "$expected" -gt 0 ] || fail "no charts in the page"
[ "$drawn" -eq "$expected" ] || fail "$drawn of $expected charts hold a drawn SVG"
grep -q '<table class="sortable">' "$work/page.dom" || fail "no class table"
for table in t01 t02 t03 t04 "(history)"; do
  grep -q "<td>$table</td>" "$work/page.dom" || fail "no row for $table in the class table"
done
page_screenshot page "file://$html" 1100 3200 "$out/debrief-korea.png" || fail "no screenshot"
echo "ok   debrief: $drawn of $expected charts drawn, class table present, screenshot $out/debrief-korea.png"
