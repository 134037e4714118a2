#!/bin/sh
# Builds and runs the benchmarks, printing their markdown tables.
#   bench/run.sh [build-dir] [--reps=N]
# The reps option, if given, goes to both benches.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
[ $# -gt 0 ] && shift
ninja -C "$build" qopt-bench-import qopt-bench-sim >&2
echo "Run on $(date -u +%Y-%m-%d), $(nproc) cores," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
"$build/bench/qopt-bench-import" "$@"
echo
"$build/bench/qopt-bench-sim" "$@"
