#!/usr/bin/env bash
# Runs one libFuzzer target of fuzz/ (docs/fuzzing.md).
#   run_fuzzer.sh replay BINARY SOURCE_DIR
#       every input of fuzz/corpus/TARGET and fuzz/crashes/TARGET once (a regression test)
#   run_fuzzer.sh fuzz BINARY SOURCE_DIR WORK_DIR SECONDS
#       fuzzes for SECONDS seeded from the corpus; new inputs go to WORK_DIR/corpus, findings to
#       WORK_DIR/findings (the corpus in the repository is only read)
#   run_fuzzer.sh merge BINARY SOURCE_DIR WORK_DIR
#       adds to fuzz/corpus/TARGET the inputs of WORK_DIR/corpus that reach new code
# TARGET is the binary's name without "fuzz_". Exit status 0 when nothing was found.
set -euo pipefail
mode=$1 binary=$2 source=$3
target=$(basename "$binary")
target=${target#fuzz_}
corpus=$source/fuzz/corpus/$target
crashes=$source/fuzz/crashes/$target
seeds=("$corpus")
[ -d "$crashes" ] && seeds+=("$crashes")
# Stop at the first sanitizer report; a hang of 25 s on one input is a finding too.
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=0:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
limits=(-timeout=25 -rss_limit_mb=2048 -max_len=65536)
case $mode in
  replay)
    exec "$binary" "${limits[@]}" -runs=0 "${seeds[@]}"
    ;;
  fuzz)
    work=$4 seconds=$5
    mkdir -p "$work/corpus" "$work/findings"
    exec "$binary" "${limits[@]}" -max_total_time="$seconds" -print_final_stats=1 \
      -artifact_prefix="$work/findings/" "$work/corpus" "${seeds[@]}"
    ;;
  merge)
    work=$4
    exec "$binary" "${limits[@]}" -merge=1 "$corpus" "$work/corpus"
    ;;
  *)
    echo "run_fuzzer.sh: unknown mode '$mode' (replay, fuzz or merge)" >&2
    exit 2
    ;;
esac
