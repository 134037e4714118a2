// A measurement whose bit the circuit does not return still hides the
// phases before it: drop-final-diagonal removes the rz in front of it, and
// qopt-check --ignore-final-phases accepts that. (The checker once grouped
// phases only by the measurements of returned bits; qopt-fuzz-pipeline
// found it.)
// RUN: qopt %s --drop-final-diagonal -o %t.mlir
// RUN: FileCheck %s < %t.mlir
// RUN: qopt-check --ignore-final-phases %s %t.mlir | FileCheck %s --check-prefix=SAME
// RUN: not qopt-check %s %t.mlir | FileCheck %s --check-prefix=DIFFERENT
// SAME: equivalent (exact unitary on 2 qubits, up to phases before the final measurements)
// DIFFERENT: not equivalent

// CHECK-LABEL: func.func @unreturned
// CHECK: qgate.h
// CHECK-NEXT: qgate.cx
// CHECK-NEXT: qgate.measure
// CHECK-NEXT: qgate.measure
// CHECK-NEXT: return
func.func @unreturned() -> i1 {
  %t = arith.constant 0.7 : f64
  %a = qgate.alloc
  %b = qgate.alloc
  %a1 = qgate.h %a
  %a2, %b1 = qgate.cx %a1, %b
  %b2 = qgate.rz(%t) %b1
  %a3, %m0 = qgate.measure %a2
  %b3, %m1 = qgate.measure %b2
  return %m0 : i1
}
