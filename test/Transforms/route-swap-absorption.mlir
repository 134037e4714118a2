// A SWAP routed right after a CX on the same two qubits is oriented so that
// its first CX is that CX: -O1's commute-cancel then cancels the pair, and
// CX + SWAP costs two CX instead of four.
//
// On line3 (0 - 1 - 2) with q0, q1, q2 on 0, 1, 2, the CX from q0 to q2
// needs a SWAP; the next CX (q1 to q0) makes the router move q0, over the
// coupler the first CX (q1 to q0) just used.
// RUN: qopt %s --target=%S/Inputs/line3.json --layout="strategy=user qubits=0,1,2" --route -o %t.routed.mlir 2>/dev/null
// RUN: FileCheck %s --check-prefix=ROUTED < %t.routed.mlir
// ROUTED:      %[[C:.+]], %[[T:.+]] = qgate.cx %1, %0
// ROUTED-NEXT: qgate.swap %[[C]], %[[T]]
//
// RUN: qopt %t.routed.mlir --to-target-basis -O1 -o %t.o1.mlir
// RUN: FileCheck %s --check-prefix=O1 < %t.o1.mlir
// O1-COUNT-4: qgate.cx
// O1-NOT:     qgate.cx
// RUN: qopt-check --up-to-layout %s %t.o1.mlir | FileCheck %s --check-prefix=SAME
// SAME: equivalent
func.func @absorb() {
  %q0 = qgate.alloc
  %q1 = qgate.alloc
  %q2 = qgate.alloc
  %a:2 = qgate.cx %q1, %q0
  %b:2 = qgate.cx %a#1, %q2
  %c:2 = qgate.cx %a#0, %b#0
  return
}
