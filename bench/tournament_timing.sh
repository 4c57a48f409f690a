#!/usr/bin/env bash
# Whole-command timing of `parley tournament`: every registered model over every shipped
# scenario, 10 seeds per pairing (figures in bench/README.md, "Tournament").
# Usage: bench/tournament_timing.sh [path/to/parley]   (default: build/parley)
# Run it on a quiet machine: `uptime` is printed first and last.
set -euo pipefail
cd "$(dirname "$0")/.."
PARLEY=${1:-build/parley}
# `program` is left out: it plays through an outside command the tournament would have to be given.
MODELS=$("$PARLEY" agents --format json | python3 -c \
  'import json, sys; print(",".join(m["name"] for m in json.load(sys.stdin) if m["name"] != "program"))')
# Negotiation scenarios only: a stakeholder forecast (actors, no parties) has no roles to play.
SCENARIOS=$(find scenarios -name '*.json' ! -name scenario.schema.json | sort | xargs grep -l '"parties"')

echo "== machine"
lscpu | grep -E 'Model name|^CPU\(s\)'
uptime
"$PARLEY" --version
echo "models: $MODELS"
echo "== tournament, all cores"
/usr/bin/time -f "elapsed_s=%e user_s=%U peak_rss_kb=%M" \
  "$PARLEY" tournament $SCENARIOS --models "$MODELS" --seeds 10 | head -20
uptime
