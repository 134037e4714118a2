#!/bin/sh
# Installs what is missing, builds qopt, and compiles the example circuit:
# parse, canonicalize, print, with gate counts before and after.
. "$(dirname "$0")/common.sh"
qopt_install_deps
qopt_build
circuit="${1:-$QOPT_ROOT/examples/grover_n2.mlir}"
echo "== qopt $circuit --canonicalize"
"$QOPT_BUILD_DIR/bin/qopt" "$circuit" --print-op-stats --canonicalize \
  --print-op-stats
