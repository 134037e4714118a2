// prune-gates removes rotations near the identity and reports the bound.
// RUN: qopt %s --prune-gates=tolerance=0.01 2>&1 | FileCheck %s --check-prefix=TOL
// RUN: qopt %s --prune-gates=tolerance=0 2>&1 | FileCheck %s --check-prefix=EXACT
// RUN: qopt %s --prune-gates=ratio=0.5 2>&1 | FileCheck %s --check-prefix=RATIO
// RUN: qopt %s --prune-gates=tolerance=0 | qopt-check %s - | FileCheck %s --check-prefix=SAME
// SAME: equivalent (exact unitary on 2 qubits, up to global phase)

// rx(0.004): 2 sin(0.001) = 0.002; rz(2 pi): 0; crz(12.56), 0.00637 short
// of 4 pi: 2 sin(0.00637 / 4) = 0.00318. Together 0.00519.
// TOL: remark: pruned 3 gate(s); the circuit moved by at most 5.18{{[0-9]*}}e-03 in operator norm
// TOL-LABEL: func.func @mixed
// TOL-NOT: qgate.rx
// TOL-NOT: qgate.rz(
// TOL-NOT: qgate.crz
// TOL: qgate.ry
// TOL-NEXT: qgate.p
// TOL-NEXT: return

// Exact: only rz(2 pi), which is -I: the unitary keeps up to global phase.
// EXACT: remark: pruned 1 gate(s)
// EXACT-LABEL: func.func @mixed
// EXACT: qgate.rx
// EXACT-NEXT: qgate.ry
// EXACT-NEXT: qgate.crz
// EXACT-NEXT: qgate.p

// Ratio 0.5 of 5 parameterized gates: the 2 closest, rz(2 pi) and rx.
// RATIO: remark: pruned 2 gate(s); the circuit moved by at most 2.0{{[0-9]*}}e-03
// RATIO-LABEL: func.func @mixed
// RATIO-NOT: qgate.rx
// RATIO-NOT: qgate.rz(
// RATIO: qgate.ry
// RATIO-NEXT: qgate.crz
// RATIO-NEXT: qgate.p
func.func @mixed(%q: !qgate.qubit, %r: !qgate.qubit) -> (!qgate.qubit, !qgate.qubit) {
  %small = arith.constant 0.004 : f64
  %twopi = arith.constant 6.283185307179586 : f64
  %big = arith.constant 1.2 : f64
  %almost = arith.constant 12.56 : f64
  %q1 = qgate.rx(%small) %q
  %q2 = qgate.rz(%twopi) %q1
  %q3 = qgate.ry(%big) %q2
  %q4, %r1 = qgate.crz(%almost) %q3, %r
  %q5 = qgate.p(%big) %q4
  return %q5, %r1 : !qgate.qubit, !qgate.qubit
}
