#!/usr/bin/env bash
# The printed briefs in a real browser: Debian's chromium, headless, loads every party's brief
# of the Korea and Istanbul 2025 scenarios and the instructor's, and fails on any console
# message, a party's page that holds the history ("What happened") or lacks the situation, or an
# instructor's page without the history. Screenshots are kept in OUT_DIR to look at, as a
# student would see the page.
# Usage: brief_browser_test.sh PARLEY_BINARY SOURCE_DIR OUT_DIR. Exit 77 (CTest: skipped) when
# chromium is missing.
set -u
parley=$1
src=$2
out=$3
. "$(dirname "$0")/chromium.sh"
mkdir -p "$out"
failures=0

fail() {
  echo "FAIL $1: $2"
  failures=$((failures + 1))
}

cd "$src" || exit 1
for scenario in korea-1951-53 istanbul-2025; do
  file="scenarios/$scenario.json"
  parties=$(python3 -c 'import json, sys; print(" ".join(p["id"] for p in json.load(open(sys.argv[1]))["parties"]))' "$file")
  for who in $parties instructor; do
    name="brief-$scenario-$who"
    html="$out/$name.html"
    if [ "$who" = instructor ]; then
      "$parley" brief "$file" --instructor --format html --out "$html" 2> "$work/$name.err"
    else
      "$parley" brief "$file" --party "$who" --format html --out "$html" 2> "$work/$name.err"
    fi || { fail "$name" "parley brief: $(cat "$work/$name.err")"; continue; }
    page_dom "$name" "file://$html" || { fail "$name" "chromium did not load the page"; continue; }
    console=$(page_console "$name")
    [ -z "$console" ] || fail "$name" "console messages: $console"
    grep -q '<h3>The situation</h3>' "$work/$name.dom" || fail "$name" "no situation"
    grep -q 'has no description of the situation' "$work/$name.dom" && fail "$name" "no situation text"
    if [ "$who" = instructor ]; then
      grep -q '<h3>What happened</h3>' "$work/$name.dom" || fail "$name" "no history for the instructor"
    else
      grep -q 'What happened' "$work/$name.dom" && fail "$name" "a party's brief holds the history"
    fi
    page_screenshot "$name" "file://$html" 900 2400 "$out/$name.png" || fail "$name" "no screenshot"
    echo "ok   $name: screenshot $out/$name.png"
  done
done
if [ "$failures" -gt 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "every brief rendered in chromium"
