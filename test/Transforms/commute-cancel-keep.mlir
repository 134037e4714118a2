// RUN: qopt %s --commute-cancel | FileCheck %s --check-prefix=KEEP
// RUN: qopt %s --commute-cancel --bind-params=values=%S/Inputs/keep.json | qopt-check - %S/Inputs/keep-bound.mlir | FileCheck %s --check-prefix=SAME
// SAME: equivalent
// Nothing to do: cx(a,b) then cx(b,a) do not commute, and a symbolic rx
// does not commute with anything non-diagonal.
// KEEP-LABEL: func.func @keep
// KEEP: qgate.cx
// KEEP-NEXT: qgate.cx
// KEEP-NEXT: qgate.rx
// KEEP-NEXT: qgate.cx
// KEEP-NEXT: qgate.rx
func.func @keep(%a: !qgate.qubit, %b: !qgate.qubit, %t: f64) -> (!qgate.qubit, !qgate.qubit) {
  %a1, %b1 = qgate.cx %a, %b
  %b2, %a2 = qgate.cx %b1, %a1
  %a3 = qgate.rx(%t) %a2
  %a4, %b3 = qgate.cx %a3, %b2
  %a5 = qgate.rx(%t) %a4
  return %a5, %b3 : !qgate.qubit, !qgate.qubit
}
