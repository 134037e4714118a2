#!/bin/sh
# Runs qopt's libFuzzer targets: scripts/fuzz.sh [SECONDS] [FUZZER...]
# (default: 60 seconds each, every fuzzer). Needs a build configured with
# -DQOPT_ENABLE_FUZZERS=ON in QOPT_BUILD_DIR (scripts/sanitize.sh makes
# one). Each corpus starts from the test inputs and grows in
# QOPT_BUILD_DIR/fuzz/<fuzzer>/; inputs that crash, hang or break an
# invariant are saved there as crash-*, timeout-* or oom-* and the script
# fails. Exit 0 means no finding. A unit running longer than
# QOPT_FUZZ_TIMEOUT seconds (default 20, wall clock) counts as a hang: raise
# it on a loaded machine.
set -eu
QOPT_ROOT="$(cd "$(dirname "$0")/.." && pwd)"
QOPT_BUILD_DIR="${QOPT_BUILD_DIR:-$QOPT_ROOT/build-sanitize}"
seconds="${1:-60}"
[ $# -gt 0 ] && shift
fuzzers="${*:-qopt-fuzz-qasm qopt-fuzz-target qopt-fuzz-pipeline qopt-fuzz-check}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-allow_user_poisoning=0:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

# seed_corpus FUZZER DIR: copies the test inputs the fuzzer reads into DIR.
seed_corpus() {
  case "$1" in
  qopt-fuzz-qasm)
    find "$QOPT_ROOT/test" "$QOPT_ROOT/examples" -name '*.qasm' \
      -size -64k -exec cp {} "$2" \; ;;
  qopt-fuzz-target)
    find "$QOPT_ROOT/test" -name '*.json' -size -64k -exec cp {} "$2" \;
    # An IBM device: conf, props and defs joined by "#--" lines.
    b="$QOPT_ROOT/targets/belem"
    { cat "$b/conf_belem.json"; printf '\n#--\n'; cat "$b/props_belem.json"
      printf '\n#--\n'; cat "$b/defs_belem.json"; } > "$2/belem-ibm" ;;
  qopt-fuzz-pipeline)
    find "$QOPT_ROOT/test" -name '*.mlir' -size -64k -exec cp {} "$2" \; ;;
  qopt-fuzz-check)
    find "$QOPT_ROOT/test" -name '*.qasm' -size -16k -exec cp {} "$2" \;
    find "$QOPT_ROOT/test" -name '*.mlir' -size -16k -exec cp {} "$2" \; ;;
  esac
}

status=0
for fuzzer in $fuzzers; do
  binary="$QOPT_BUILD_DIR/bin/$fuzzer"
  if [ ! -x "$binary" ]; then
    echo "fuzz.sh: $binary is missing; configure with -DQOPT_ENABLE_FUZZERS=ON" >&2
    exit 2
  fi
  work="$QOPT_BUILD_DIR/fuzz/$fuzzer"
  mkdir -p "$work/corpus" "$work/seeds"
  seed_corpus "$fuzzer" "$work/seeds"
  echo "fuzz.sh: $fuzzer for ${seconds}s"
  # The target loader's IBM seed is ~70 KB; the rest stay small.
  if ! "$binary" "$work/corpus" "$work/seeds" \
      -max_total_time="$seconds" -timeout="${QOPT_FUZZ_TIMEOUT:-20}" -rss_limit_mb=4096 \
      -max_len=131072 -print_final_stats=1 \
      -artifact_prefix="$work/" > "$work/log" 2>&1; then
    echo "fuzz.sh: $fuzzer found a problem; see $work/log and $work/crash-*" >&2
    tail -40 "$work/log" >&2
    status=1
  fi
  grep -E "stat::number_of_executed_units|cov:" "$work/log" | tail -2
done
exit $status
