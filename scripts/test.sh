#!/bin/sh
# Installs what is missing, builds qopt, and runs every test: the lit suite,
# the unit tests, differential testing, the installed-package consumer and
# the docs check. With QOPT_SANITIZE=1, and in CI (CI=true) unless
# QOPT_SANITIZE=0, it then does it all again under ASan and UBSan in a
# second build directory and smoke-tests the fuzzers (scripts/sanitize.sh).
. "$(dirname "$0")/common.sh"
started=$(date +%s)
# jsonschema validates qopt compile's JSON report in the tests.
qopt_install_deps python3-jsonschema
qopt_build
built=$(date +%s)
(cd "$QOPT_BUILD_DIR" && ctest --output-on-failure -j "$(nproc)")
tested=$(date +%s)
echo "qopt: build $((built - started)) s, tests $((tested - built)) s"
sanitize="${QOPT_SANITIZE:-}"
if [ -z "$sanitize" ] && [ "${CI:-}" = "true" ]; then
  sanitize=1
fi
if [ "$sanitize" = "1" ]; then
  "$QOPT_ROOT/scripts/sanitize.sh"
  echo "qopt: sanitized build, tests and fuzz smoke $(($(date +%s) - tested)) s"
fi
