func.func @mapped() -> (!qgate.qubit, !qgate.qubit) {
  %tiny = arith.constant 0.01 : f64
  %p0 = qgate.physical 0
  %p1 = qgate.physical 1
  %a1 = qgate.h %p0
  %a2, %b1 = qgate.cx %a1, %p1
  %b2 = qgate.rx(%tiny) %b1
  return %a2, %b2 : !qgate.qubit, !qgate.qubit
}
