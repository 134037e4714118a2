// resynth-2q: a two-qubit block becomes the fewest CX its unitary needs,
// only when that is fewer two-qubit gates, and the circuit keeps its meaning.
// RUN: qopt %s --resynth-2q -o %t.u.mlir
// RUN: FileCheck %s --check-prefix=U < %t.u.mlir
// RUN: qopt %s --resynth-2q=basis=rz,sx,x,cx -o %t.zsx.mlir
// RUN: FileCheck %s --check-prefix=ZSX < %t.zsx.mlir
// RUN: for f in swap_then_cx reversed_cx_pair generic interrupted; do \
// RUN:   qopt-check %s %t.u.mlir --func=$f && qopt-check %s %t.zsx.mlir --func=$f; \
// RUN: done | FileCheck %s --check-prefix=SAME
// SAME-COUNT-8: equivalent (exact unitary on

// Four alternating CX are a SWAP followed by a CX: two CX suffice.
// U-LABEL: func.func @swap_then_cx
// U-NOT: qgate.cx
// U: qgate.u
// U: qgate.cx
// U: qgate.cx
// U-NOT: qgate.cx
// U: return
// ZSX-LABEL: func.func @swap_then_cx
// ZSX-NOT: qgate.u
// ZSX: qgate.cx
// ZSX-NOT: qgate.u
// ZSX: qgate.cx
// ZSX-NOT: qgate.{{u|cx}}
// ZSX: return
func.func @swap_then_cx(%a: !qgate.qubit, %b: !qgate.qubit) -> (!qgate.qubit, !qgate.qubit) {
  %a1, %b1 = qgate.cx %a, %b
  %b2, %a2 = qgate.cx %b1, %a1
  %a3, %b3 = qgate.cx %a2, %b2
  %b4, %a4 = qgate.cx %b3, %a3
  return %a4, %b4 : !qgate.qubit, !qgate.qubit
}

// A CX and its reverse between Hadamards multiply to the identity up to
// local gates: no CX is left. The Hadamards after the last CX are outside
// the block.
// U-LABEL: func.func @reversed_cx_pair
// U-NOT: qgate.cx
// U: qgate.h
// U-NEXT: qgate.h
// U-NEXT: return
func.func @reversed_cx_pair(%a: !qgate.qubit, %b: !qgate.qubit) -> (!qgate.qubit, !qgate.qubit) {
  %a1, %b1 = qgate.cx %a, %b
  %a2 = qgate.h %a1
  %b2 = qgate.h %b1
  %b3, %a3 = qgate.cx %b2, %a2
  %a4 = qgate.h %a3
  %b4 = qgate.h %b3
  return %a4, %b4 : !qgate.qubit, !qgate.qubit
}

// A generic block already at three CX is left as written.
// U-LABEL: func.func @generic
// U-NEXT: arith.constant
// U-NEXT: arith.constant
// U-NEXT: qgate.cx
// U-NEXT: qgate.ry
// U-NEXT: qgate.rz
// U-NEXT: qgate.cx
// U-NEXT: qgate.ry
// U-NEXT: qgate.cx
// U-NEXT: return
func.func @generic(%a: !qgate.qubit, %b: !qgate.qubit) -> (!qgate.qubit, !qgate.qubit) {
  %t = arith.constant 0.3 : f64
  %u = arith.constant 0.7 : f64
  %a1, %b1 = qgate.cx %a, %b
  %a2 = qgate.ry(%t) %a1
  %b2 = qgate.rz(%u) %b1
  %b3, %a3 = qgate.cx %b2, %a2
  %b4 = qgate.ry(%u) %b3
  %a4, %b5 = qgate.cx %a3, %b4
  return %a4, %b5 : !qgate.qubit, !qgate.qubit
}

// The two CX on (a, b) are separated by a CX on (b, c), so they are in
// different blocks and nothing changes.
// U-LABEL: func.func @interrupted
// U-NEXT: qgate.cx
// U-NEXT: qgate.cx
// U-NEXT: qgate.cx
// U-NEXT: return
func.func @interrupted(%a: !qgate.qubit, %b: !qgate.qubit, %c: !qgate.qubit) -> (!qgate.qubit, !qgate.qubit, !qgate.qubit) {
  %a1, %b1 = qgate.cx %a, %b
  %b2, %c1 = qgate.cx %b1, %c
  %a2, %b3 = qgate.cx %a1, %b2
  return %a2, %b3, %c1 : !qgate.qubit, !qgate.qubit, !qgate.qubit
}

// A symbolic angle stops a block: cx rx(theta) cx stays, while the two CX
// after it form a block of their own and cancel.
// U-LABEL: func.func @symbolic
// U-NEXT: qgate.cx
// U-NEXT: qgate.rx
// U-NEXT: qgate.cx
// U-NEXT: return
func.func @symbolic(%a: !qgate.qubit, %b: !qgate.qubit, %theta: f64) -> (!qgate.qubit, !qgate.qubit) {
  %a1, %b1 = qgate.cx %a, %b
  %a2 = qgate.rx(%theta) %a1
  %a3, %b2 = qgate.cx %a2, %b1
  %a4, %b3 = qgate.cx %a3, %b2
  %a5, %b4 = qgate.cx %a4, %b3
  return %a5, %b4 : !qgate.qubit, !qgate.qubit
}
