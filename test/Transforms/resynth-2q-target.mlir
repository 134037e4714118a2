// resynth-2q on device qubits: the new CX run along the target's couplers,
// one-qubit gates are in its basis, and an ECR device is left alone.
// RUN: qopt %s --target=%S/Inputs/directed-cx3.json --resynth-2q -o %t.mlir
// RUN: FileCheck %s < %t.mlir
// RUN: qopt-check %s %t.mlir | FileCheck %s --check-prefix=SAME
// RUN: qopt %s --target=sherbrooke --resynth-2q 2>&1 | FileCheck %s --check-prefix=ECR
// SAME: equivalent (exact unitary on 2 qubits, up to global phase)
// ECR: remark: resynth-2q: the basis has no cx; nothing done
// ECR-COUNT-4: qgate.cx

// The coupler runs 1 -> 0 only; the input's CX run both ways, the result's
// all have physical qubit 1 as control.
// CHECK-LABEL: func.func @swap_then_cx
// CHECK-DAG: %[[P0:.*]] = qgate.physical 0
// CHECK-DAG: %[[P1:.*]] = qgate.physical 1
// CHECK-NOT: qgate.u
// CHECK: %[[A1:.*]] = qgate.rz(%{{.*}}) %[[P1]]
// CHECK: %[[A2:.*]] = qgate.sx %[[A1]]
// CHECK: %[[A3:.*]] = qgate.rz(%{{.*}}) %[[A2]]
// CHECK: %[[B1:.*]] = qgate.sx %[[P0]]
// CHECK: %[[C1:.*]], %[[T1:.*]] = qgate.cx %[[A3]], %[[B1]]
// CHECK: %[[A4:.*]] = qgate.rz(%{{.*}}) %[[C1]]
// CHECK: %[[A5:.*]] = qgate.sx %[[A4]]
// CHECK: %[[A6:.*]] = qgate.rz(%{{.*}}) %[[A5]]
// CHECK: %[[B2:.*]] = qgate.rz(%{{.*}}) %[[T1]]
// CHECK: qgate.cx %[[A6]], %[[B2]]
// CHECK-NOT: qgate.cx
// CHECK-NOT: qgate.u
// CHECK: return
func.func @swap_then_cx() -> (!qgate.qubit, !qgate.qubit) {
  %a = qgate.physical 0
  %b = qgate.physical 1
  %a1, %b1 = qgate.cx %a, %b
  %b2, %a2 = qgate.cx %b1, %a1
  %a3, %b3 = qgate.cx %a2, %b2
  %b4, %a4 = qgate.cx %b3, %a3
  return %a4, %b4 : !qgate.qubit, !qgate.qubit
}
