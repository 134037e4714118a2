// commute-cancel-keep.mlir's circuit with t = 0.4.
func.func @keep(%a: !qgate.qubit, %b: !qgate.qubit) -> (!qgate.qubit, !qgate.qubit) {
  %t = arith.constant 0.4 : f64
  %a1, %b1 = qgate.cx %a, %b
  %b2, %a2 = qgate.cx %b1, %a1
  %a3 = qgate.rx(%t) %a2
  %a4, %b3 = qgate.cx %a3, %b2
  %a5 = qgate.rx(%t) %a4
  return %a5, %b3 : !qgate.qubit, !qgate.qubit
}
