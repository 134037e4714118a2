#!/bin/sh
# Installs what is missing, builds qopt, and runs every test: the lit suite,
# the unit tests, the installed-package consumer and the docs check.
. "$(dirname "$0")/common.sh"
qopt_install_deps
qopt_build
cd "$QOPT_BUILD_DIR"
ctest --output-on-failure -j "$(nproc)"
# QOPT_SANITIZE=1 also runs the suite under ASan and UBSan and
# smoke-tests the fuzzers: a second build, in build-sanitize/.
if [ "${QOPT_SANITIZE:-}" = "1" ]; then
  "$QOPT_ROOT/scripts/sanitize.sh"
fi
