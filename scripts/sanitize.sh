#!/bin/sh
# Builds qopt under AddressSanitizer and UndefinedBehaviorSanitizer, with
# the libFuzzer targets, in build-sanitize/ (QOPT_SANITIZE_BUILD_DIR), runs
# the whole test suite there, then each fuzzer for a few seconds
# (QOPT_FUZZ_SECONDS, default 5) as a smoke test. scripts/test.sh runs this
# when QOPT_SANITIZE=1.
. "$(dirname "$0")/common.sh"
qopt_install_deps libclang-rt-19-dev
QOPT_SANITIZE_BUILD_DIR="${QOPT_SANITIZE_BUILD_DIR:-$QOPT_ROOT/build-sanitize}"
if [ ! -f "$QOPT_SANITIZE_BUILD_DIR/build.ninja" ]; then
  cmake -G Ninja -S "$QOPT_ROOT" -B "$QOPT_SANITIZE_BUILD_DIR" \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
    -DQOPT_ENABLE_FUZZERS=ON -DQOPT_BUILD_BENCHMARKS=OFF
fi
started=$(date +%s)
cmake --build "$QOPT_SANITIZE_BUILD_DIR"
built=$(date +%s)
# Debian's libLLVM poisons its own allocator's memory without ASan's
# bookkeeping for it; our code is what is checked.
export ASAN_OPTIONS="allow_user_poisoning=0:detect_leaks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
(cd "$QOPT_SANITIZE_BUILD_DIR" && ctest --output-on-failure -j "$(nproc)")
tested=$(date +%s)
echo "qopt: sanitized build $((built - started)) s, tests $((tested - built)) s"
QOPT_BUILD_DIR="$QOPT_SANITIZE_BUILD_DIR" \
  "$QOPT_ROOT/scripts/fuzz.sh" "${QOPT_FUZZ_SECONDS:-5}"
