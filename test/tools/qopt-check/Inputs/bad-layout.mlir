func.func @bad_layout() -> !qgate.qubit
    attributes {qgate.initial_layout = array<i64: 3>,
                qgate.final_layout = array<i64: 3>} {
  %p0 = qgate.physical 0
  return %p0 : !qgate.qubit
}
