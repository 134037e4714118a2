// Runs stop at symbolic angles and barriers; lone basis gates stay.
// RUN: qopt %s --fuse-1q=basis=rz,sx,x,cx | FileCheck %s

// CHECK-LABEL: func.func @boundaries
// CHECK: qgate.sx
// CHECK-NEXT: qgate.rx(%arg1)
// CHECK-NEXT: qgate.sx
// CHECK-NEXT: qgate.barrier
// CHECK-NEXT: qgate.sx
// CHECK-NEXT: return
func.func @boundaries(%q: !qgate.qubit, %t: f64) -> !qgate.qubit {
  %q1 = qgate.sx %q
  %q2 = qgate.rx(%t) %q1
  %q3 = qgate.sx %q2
  %q4 = qgate.barrier %q3
  %q5 = qgate.sx %q4
  return %q5 : !qgate.qubit
}
