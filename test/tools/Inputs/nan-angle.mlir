func.func @f(%q0: !qgate.qubit) -> !qgate.qubit {
  // A NaN written as its bit pattern.
  %nan = arith.constant 0x7FF8000000000000 : f64
  %q1 = qgate.rz(%nan) %q0
  return %q1 : !qgate.qubit
}
