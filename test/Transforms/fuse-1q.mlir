// fuse-1q: each run of one-qubit gates becomes one Euler rotation when that
// is cheaper, and the circuit keeps its meaning.
// RUN: qopt %s --fuse-1q=basis=rz,sx,x,cx -o %t.zsx.mlir
// RUN: qopt-check %s %t.zsx.mlir | FileCheck %s --check-prefix=SAME
// RUN: FileCheck %s --check-prefix=ZSX < %t.zsx.mlir
// RUN: qopt %s --fuse-1q -o %t.u.mlir
// RUN: qopt-check %s %t.u.mlir | FileCheck %s --check-prefix=SAME
// RUN: FileCheck %s --check-prefix=U < %t.u.mlir
// SAME: equivalent (exact unitary on 2 qubits, up to global phase)

// ZSX-LABEL: func.func @runs
// sx sx sx is sx-dagger: one pulse (rz sx rz) instead of three.
// ZSX: qgate.rz
// ZSX-NEXT: qgate.sx
// ZSX: qgate.rz
// The x x run on %b is the identity and disappears.
// ZSX-NEXT: qgate.cx
// h t h would cost two pulses either way, so it stays as written.
// ZSX-NEXT: qgate.h
// ZSX-NEXT: qgate.t
// ZSX-NEXT: qgate.h
// ZSX-NEXT: return
// U-LABEL: func.func @runs
// U: qgate.u
// U-NEXT: qgate.cx
// U: qgate.u
// U-NEXT: return
func.func @runs(%a: !qgate.qubit, %b: !qgate.qubit) -> (!qgate.qubit, !qgate.qubit) {
  %a1 = qgate.sx %a
  %a2 = qgate.sx %a1
  %a3 = qgate.sx %a2
  %b1 = qgate.x %b
  %b2 = qgate.x %b1
  %a4, %b3 = qgate.cx %a3, %b2
  %a5 = qgate.h %a4
  %a6 = qgate.t %a5
  %a7 = qgate.h %a6
  return %a7, %b3 : !qgate.qubit, !qgate.qubit
}
