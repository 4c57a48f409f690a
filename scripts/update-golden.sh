#!/usr/bin/env bash
# Regenerates tests/golden/: the traces of the shipped scenarios (seed 1) and the text outputs
# listed in tests/golden/text/commands.txt. Run after an intended change
# of behaviour, then review `git diff tests/golden` before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
parley=${PARLEY:-build/parley}
# `scripts/update-golden.sh text` (or `traces`) regenerates only that kind; no argument: both.
what=${1:-all}
[ "$what" = text ] || find scenarios -name '*.json' ! -name scenario.schema.json | sort | while read -r scenario; do
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
[ "$what" = traces ] && exit 0

# The text a user reads (tests/golden/text/): one golden file per line of commands.txt, each
# command run with bash from the repository root, $PARLEY the binary and $TMP a fresh folder.
parley_abs=$(cd "$(dirname "$parley")" && pwd)/$(basename "$parley")
grep -v '^#' tests/golden/text/commands.txt | grep ' | ' | while IFS= read -r line; do
  name=${line%% | *}
  command=${line#* | }
  tmp=$(mktemp -d)
  PARLEY="$parley_abs" TMP="$tmp" bash -c "$command" > "tests/golden/text/$name" < /dev/null || true
  rm -rf "$tmp"
  echo "wrote tests/golden/text/$name"
done
