// h on q0, then cx q0 -> q2, on three virtual qubits.
func.func @logical() -> (!qgate.qubit, !qgate.qubit, !qgate.qubit) {
  %a = qgate.alloc
  %b = qgate.alloc
  %c = qgate.alloc
  %t = arith.constant 0.25 : f64
  %b1 = qgate.ry(%t) %b
  %a1 = qgate.h %a
  %a2, %c1 = qgate.cx %a1, %c
  return %a2, %b1, %c1 : !qgate.qubit, !qgate.qubit, !qgate.qubit
}
