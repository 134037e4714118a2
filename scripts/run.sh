#!/bin/sh
# Installs what is missing, builds qopt, and compiles the example circuit for
# the default shipped device at -O3 (basis translation, noise-adaptive layout,
# routing, post-layout, optimization), prints the result with gate counts
# before and after and its estimated fidelity, checks it against the input,
# and lowers it to the device's calibrated pulses with a picture of them.
. "$(dirname "$0")/common.sh"
qopt_install_deps
qopt_build
circuit="${1:-$QOPT_ROOT/examples/grover_n2.mlir}"
target="${QOPT_TARGET:-montreal}"
echo "== qopt-target-info $target"
"$QOPT_BUILD_DIR/bin/qopt-target-info" "$target"
echo "== qopt $circuit --target=$target -O3"
out="$QOPT_BUILD_DIR/$(basename "${circuit%.*}").$target.mlir"
"$QOPT_BUILD_DIR/bin/qopt" "$circuit" --print-op-stats -o /dev/null
"$QOPT_BUILD_DIR/bin/qopt" "$circuit" --target="$target" -O3 \
  --fidelity-report -o "$out"
"$QOPT_BUILD_DIR/bin/qopt" "$out" --print-op-stats
echo "== qopt-check --up-to-layout --ignore-final-phases $circuit $out"
"$QOPT_BUILD_DIR/bin/qopt-check" --up-to-layout --ignore-final-phases \
  "$circuit" "$out"
pulses="${out%.mlir}.pulses.svg"
echo "== qopt $out --lower-to-pulse --schedule-pulses --emit=svg -o $pulses"
"$QOPT_BUILD_DIR/bin/qopt" "$out" --lower-to-pulse --schedule-pulses \
  --emit=svg -o "$pulses"
