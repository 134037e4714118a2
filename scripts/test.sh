#!/bin/sh
# Installs what is missing, builds qopt, and runs every test: the lit suite,
# the unit tests, the installed-package consumer and the docs check.
. "$(dirname "$0")/common.sh"
qopt_install_deps
qopt_build
cd "$QOPT_BUILD_DIR"
ctest --output-on-failure -j "$(nproc)"
