// drop-final-diagonal removes diagonal gates whose qubits are measured next:
// the statistics stay (qopt-check --ignore-final-phases), the unitary does
// not (plain qopt-check).
// RUN: qopt %s --drop-final-diagonal -o %t.mlir
// RUN: FileCheck %s < %t.mlir
// RUN: qopt-check --ignore-final-phases %s %t.mlir | FileCheck %s --check-prefix=SAME
// RUN: not qopt-check %s %t.mlir | FileCheck %s --check-prefix=DIFFERENT
// SAME: equivalent (exact unitary on 3 qubits, up to phases before the final measurements)
// DIFFERENT: not equivalent

// CHECK-LABEL: func.func @final
// CHECK: qgate.h
// CHECK-NEXT: qgate.h
// CHECK-NEXT: qgate.cx
// The rz before the cx stays: the cx is not a measurement.
// CHECK-NEXT: qgate.rz
// CHECK-NEXT: qgate.cx
// CHECK-NEXT: qgate.h
// CHECK-NEXT: qgate.measure
// CHECK-NEXT: qgate.measure
// CHECK-NEXT: qgate.measure
// CHECK-NEXT: return
func.func @final() -> (i1, i1, i1) {
  %t = arith.constant 0.3 : f64
  %a = qgate.alloc
  %b = qgate.alloc
  %c = qgate.alloc
  %a1 = qgate.h %a
  %b1 = qgate.h %b
  %a2, %b2 = qgate.cx %a1, %b1
  %b3 = qgate.rz(%t) %b2
  %b4, %c1 = qgate.cx %b3, %c
  %c2 = qgate.h %c1
  // A chain of diagonal gates before the measurements: all go, the cz
  // included once the t and s after it are gone.
  %a3, %b5 = qgate.cz %a2, %b4
  %a4 = qgate.t %a3
  %b6 = qgate.s %b5
  %c3 = qgate.rz(%t) %c2
  %a5, %m0 = qgate.measure %a4
  %b7, %m1 = qgate.measure %b6
  %c4, %m2 = qgate.measure %c3
  return %m0, %m1, %m2 : i1, i1, i1
}
