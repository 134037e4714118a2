// Logical qubits 0 and 1 start on device qubits 5 and 7; device qubit 6 is a
// spare that the route passes through. Indices need not be contiguous.
func.func @ancilla() -> (!qgate.qubit, !qgate.qubit, !qgate.qubit)
    attributes {qgate.initial_layout = array<i64: 5, 7>,
                qgate.final_layout = array<i64: 5, 6>} {
  %p5 = qgate.physical 5
  %p6 = qgate.physical 6
  %p7 = qgate.physical 7
  %p5a = qgate.h %p5
  %p7a, %p6a = qgate.swap %p7, %p6
  %p5b, %p6b = qgate.cx %p5a, %p6a
  return %p5b, %p6b, %p7a : !qgate.qubit, !qgate.qubit, !qgate.qubit
}
