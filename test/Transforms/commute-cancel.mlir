// commute-cancel removes inverse pairs and merges rotations separated by
// gates they commute with, and nothing else.
// RUN: qopt %s --commute-cancel -o %t.mlir
// RUN: qopt-check %s %t.mlir | FileCheck %s --check-prefix=SAME
// RUN: FileCheck %s < %t.mlir
// SAME: equivalent (exact unitary on 3 qubits, up to global phase)

// rz on the control cancels through the cx; x on the target too; the two
// cx sharing control %a cancel around the rz pair; the two rx(0.3) merge
// through the cx target. h does not commute with the cx control, so the
// last three gates stay.
// CHECK-LABEL: func.func @through
// CHECK-NOT: qgate.rz
// CHECK-NOT: qgate.x
// CHECK: qgate.cx
// CHECK-NEXT: arith.constant 6.000000e-01
// CHECK-NEXT: qgate.rx
// CHECK-NEXT: qgate.h
// CHECK-NEXT: qgate.cx
// CHECK-NEXT: qgate.h
// CHECK-NEXT: return
func.func @through(%a: !qgate.qubit, %b: !qgate.qubit, %c: !qgate.qubit) -> (!qgate.qubit, !qgate.qubit, !qgate.qubit) {
  %t = arith.constant 0.7 : f64
  %mt = arith.constant -0.7 : f64
  %u = arith.constant 0.3 : f64
  %a1 = qgate.rz(%t) %a
  %b1 = qgate.x %b
  %b0 = qgate.rx(%u) %b1
  %a2, %b2 = qgate.cx %a1, %b0
  %a3 = qgate.rz(%mt) %a2
  %b3 = qgate.x %b2
  %b4 = qgate.rx(%u) %b3
  %a4, %c1 = qgate.cx %a3, %c
  %a5 = qgate.rz(%t) %a4
  %a6, %c2 = qgate.cx %a5, %c1
  %a7 = qgate.rz(%mt) %a6
  // h on the control blocks: this h, cx, h survive.
  %a8 = qgate.h %a7
  %a9, %b5 = qgate.cx %a8, %b4
  %a10 = qgate.h %a9
  return %a10, %b5, %c2 : !qgate.qubit, !qgate.qubit, !qgate.qubit
}
