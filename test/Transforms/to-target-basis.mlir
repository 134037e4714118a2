// to-target-basis: only basis gates remain, and the circuit keeps its
// meaning (qopt-check), on a CX device, on an ECR device, and on physical
// qubits of sherbrooke, whose ECR couplers run one way.

// Every gate kind, into {rz, sx, x, cx} and into {rz, sx, x, ecr}.
// RUN: qopt %S/Inputs/all-gates.mlir --to-target-basis=basis=rz,sx,x,cx -o %t.cx.mlir
// RUN: qopt-check %S/Inputs/all-gates.mlir %t.cx.mlir | FileCheck %s --check-prefix=SAME
// RUN: FileCheck %s --check-prefix=CXBASIS < %t.cx.mlir
// RUN: qopt %S/Inputs/all-gates.mlir --to-target-basis=basis=rz,sx,x,ecr -o %t.ecr.mlir
// RUN: qopt-check %S/Inputs/all-gates.mlir %t.ecr.mlir | FileCheck %s --check-prefix=SAME
// RUN: FileCheck %s --check-prefix=ECRBASIS < %t.ecr.mlir
// SAME: equivalent (exact unitary on 3 qubits, up to global phase)
// CXBASIS-NOT: qgate.{{(h|y|z|s|sdg|t|tdg|sxdg|rx|ry|p|u|id|cy|cz|ch|swap|iswap|ecr|rxx|ryy|rzz|crx|cry|crz|cp|cu|ccx|cswap) }}
// CXBASIS: qgate.cx
// ECRBASIS-NOT: qgate.{{(h|y|z|s|sdg|t|tdg|sxdg|rx|ry|p|u|id|cx|cy|cz|ch|swap|iswap|rxx|ryy|rzz|crx|cry|crz|cp|cu|ccx|cswap) }}
// ECRBASIS: qgate.ecr

// The basis comes from the module's target when not given.
// RUN: qopt %s --target=sherbrooke --to-target-basis -o %t.phys.mlir
// RUN: qopt-check %s %t.phys.mlir | FileCheck %s --check-prefix=SAME-PHYS
// SAME-PHYS: equivalent (exact unitary on 3 qubits, up to global phase)

// Sherbrooke couples ECR 1 -> 0 and 1 -> 2 only: cx(0,1), the cx inside
// cz(0,1), and ecr(2,1) must be turned around; cx(1,0) and cx(1,2) not.
// unittests/Translation/BasisTranslationTest.cpp checks that every ECR
// left runs along a coupler.
func.func @directions() -> (!qgate.qubit, !qgate.qubit, !qgate.qubit) {
  %p0 = qgate.physical 0
  %p1 = qgate.physical 1
  %p2 = qgate.physical 2
  %t = arith.constant 0.37 : f64
  %a = qgate.h %p0
  %b = qgate.ry(%t) %p1
  %c = qgate.rx(%t) %p2
  // Against the coupler: turned around.
  %a1, %b1 = qgate.cx %a, %b
  // With the coupler.
  %b2, %a2 = qgate.cx %b1, %a1
  %b3, %c1 = qgate.cx %b2, %c
  // An ECR against the coupler.
  %c2, %b4 = qgate.ecr %c1, %b3
  %a3, %b5 = qgate.cz %a2, %b4
  return %a3, %b5, %c2 : !qgate.qubit, !qgate.qubit, !qgate.qubit
}
