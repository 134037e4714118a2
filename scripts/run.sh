#!/bin/sh
# Installs what is missing, builds qopt, and compiles the example circuit for
# the default shipped device: import, attach the target, canonicalize, print,
# with gate counts before and after.
. "$(dirname "$0")/common.sh"
qopt_install_deps
qopt_build
circuit="${1:-$QOPT_ROOT/examples/grover_n2.mlir}"
target="${QOPT_TARGET:-montreal}"
echo "== qopt-target-info $target"
"$QOPT_BUILD_DIR/bin/qopt-target-info" "$target"
echo "== qopt $circuit --target=$target --canonicalize"
"$QOPT_BUILD_DIR/bin/qopt" "$circuit" --target="$target" --print-op-stats \
  --canonicalize --print-op-stats
