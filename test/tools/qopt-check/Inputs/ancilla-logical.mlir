func.func @ancilla_logical() -> (!qgate.qubit, !qgate.qubit) {
  %a = qgate.alloc
  %b = qgate.alloc
  %a1 = qgate.h %a
  %a2, %b1 = qgate.cx %a1, %b
  return %a2, %b1 : !qgate.qubit, !qgate.qubit
}
