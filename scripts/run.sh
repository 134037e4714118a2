#!/bin/sh
# Installs what is missing, builds qopt, and runs the main job: `qopt compile`
# on the example circuit (QASMBench's Grover search) for the default shipped
# device. It maps the circuit with the device's calibration (noise-adaptive
# layout, routing, post-layout), optimizes it, lowers it to calibrated
# pulses, estimates its fidelity, prints a summary and writes the outputs
# and a report into build/out/; then checks the compiled circuit against its
# input. `./scripts/run.sh my.qasm` compiles another circuit,
# QOPT_TARGET=sherbrooke another device.
. "$(dirname "$0")/common.sh"
qopt_install_deps
qopt_build
circuit="${1:-$QOPT_ROOT/examples/qasmbench/grover_n2.qasm}"
target="${QOPT_TARGET:-montreal}"
out="$QOPT_BUILD_DIR/out"
name="$(basename "${circuit%.*}")"
echo "== qopt compile $circuit --target=$target -O3 -o $out"
"$QOPT_BUILD_DIR/bin/qopt" compile "$circuit" --target="$target" -O3 \
  -o "$out"
echo "== qopt-check --up-to-layout --ignore-final-phases $circuit $out/$name.mlir"
"$QOPT_BUILD_DIR/bin/qopt-check" --up-to-layout --ignore-final-phases \
  "$circuit" "$out/$name.mlir"
echo "== report: $out/$name.report.md; pulse schedule: $out/$name.pulses.svg"
