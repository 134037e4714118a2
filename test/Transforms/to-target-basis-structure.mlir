// to-target-basis leaves basis gates alone, keeps symbolic angles symbolic,
// and reports what it cannot do.
// RUN: qopt %s -split-input-file --to-target-basis=basis=rz,sx,x,cx -verify-diagnostics | FileCheck %s

// Already in the basis: nothing changes.
// CHECK-LABEL: func.func @in_basis
// CHECK-NEXT: arith.constant
// CHECK-NEXT: qgate.rz
// CHECK-NEXT: qgate.sx
// CHECK-NEXT: qgate.x
// CHECK-NEXT: qgate.cx
// CHECK-NEXT: return
func.func @in_basis(%a: !qgate.qubit, %b: !qgate.qubit) -> (!qgate.qubit, !qgate.qubit) {
  %t = arith.constant 0.5 : f64
  %a1 = qgate.rz(%t) %a
  %a2 = qgate.sx %a1
  %a3 = qgate.x %a2
  %a4, %b1 = qgate.cx %a3, %b
  return %a4, %b1 : !qgate.qubit, !qgate.qubit
}

// -----

// A trainable rx(theta) becomes rz sx rz(theta + pi) sx rz: the angle stays
// an SSA value.
// CHECK-LABEL: func.func @symbolic
// CHECK-SAME: (%[[Q:[^:]*]]: !qgate.qubit, %[[T:[^:]*]]: f64)
// CHECK: qgate.rz
// CHECK-NEXT: qgate.sx
// CHECK: %[[SHIFT:.*]] = arith.addf %[[T]], %{{.*}}
// CHECK-NEXT: qgate.rz(%[[SHIFT]])
// CHECK-NEXT: qgate.sx
// CHECK: qgate.rz
// CHECK-NEXT: return
func.func @symbolic(%q: !qgate.qubit, %theta: f64) -> !qgate.qubit {
  %q1 = qgate.rx(%theta) %q
  return %q1 : !qgate.qubit
}

// -----

// A Hadamard is one sx between two rz(pi/2).
// CHECK-LABEL: func.func @hadamard
// CHECK-COUNT-1: qgate.sx
// CHECK-NOT: qgate.sx
func.func @hadamard(%q: !qgate.qubit) -> !qgate.qubit {
  %q1 = qgate.h %q
  return %q1 : !qgate.qubit
}
