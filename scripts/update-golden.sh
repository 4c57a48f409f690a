#!/usr/bin/env bash
# Regenerates tests/golden/ from the shipped scenarios (seed 1). Run after an intended change
# of behaviour, then review `git diff tests/golden` before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
parley=${PARLEY:-build/parley}
find scenarios -name '*.json' ! -name scenario.schema.json | sort | while read -r scenario; do
  golden="tests/golden/${scenario#scenarios/}"
  mkdir -p "$(dirname "$golden")"
  # A stakeholder forecast (actors, no parties) is pinned by its JSON report.
  if grep -q '"actors"' "$scenario" && ! grep -q '"parties"' "$scenario"; then
    golden="${golden%.json}.forecast.json"
    "$parley" forecast "$scenario" --format json > "$golden"
    echo "wrote $golden"
    continue
  fi
  golden="${golden%.json}.jsonl"
  "$parley" run "$scenario" --seed 1 --trace "$golden" > /dev/null
  echo "wrote $golden"
done
