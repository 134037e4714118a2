// The same circuit on a line of device qubits 0-1-2: a swap brings logical
// qubit 2 next to logical qubit 0, so logical 1 and 2 end exchanged.
func.func @routed() -> (!qgate.qubit, !qgate.qubit, !qgate.qubit)
    attributes {qgate.initial_layout = array<i64: 0, 1, 2>,
                qgate.final_layout = array<i64: 0, 2, 1>} {
  %p0 = qgate.physical 0
  %p1 = qgate.physical 1
  %p2 = qgate.physical 2
  %t = arith.constant 0.25 : f64
  %p1a = qgate.ry(%t) %p1
  %p0a = qgate.h %p0
  %p1b, %p2a = qgate.swap %p1a, %p2
  %p0b, %p1c = qgate.cx %p0a, %p1b
  return %p0b, %p1c, %p2a : !qgate.qubit, !qgate.qubit, !qgate.qubit
}
