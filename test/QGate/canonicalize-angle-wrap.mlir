// Merged constant angles come back into (-pi, pi], except for controlled
// rotations, where a 2*pi turn is a Z on the control; both keep the
// unitary (up to global phase).
// RUN: qopt %s -canonicalize -o %t.mlir
// RUN: FileCheck %s < %t.mlir
// RUN: qopt-check %s %t.mlir | FileCheck %s --check-prefix=SAME
// SAME: equivalent (exact unitary on 2 qubits, up to global phase)

// CHECK-LABEL: func.func @wrap
// 3.0 + 3.5 = 6.5 is 6.5 - 2*pi = 0.21681... for rz,
// CHECK-DAG: arith.constant 0.21681469282041
// but stays 6.5 for crz.
// CHECK-DAG: arith.constant 6.500000e+00
// CHECK: qgate.rz
// CHECK-NEXT: qgate.crz
// CHECK-NEXT: return
func.func @wrap(%q: !qgate.qubit, %r: !qgate.qubit) -> (!qgate.qubit, !qgate.qubit) {
  %a = arith.constant 3.0 : f64
  %b = arith.constant 3.5 : f64
  %q1 = qgate.rz(%a) %q
  %q2 = qgate.rz(%b) %q1
  %q3, %r1 = qgate.crz(%a) %q2, %r
  %q4, %r2 = qgate.crz(%b) %q3, %r1
  return %q4, %r2 : !qgate.qubit, !qgate.qubit
}
