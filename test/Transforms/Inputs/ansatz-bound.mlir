// test/Transforms/bind-params.mlir's circuit with theta = 0.25,
// arg3 = -1.5 and phi = 0.75 written in by hand.
func.func @ansatz(%q: !qgate.qubit, %r: !qgate.qubit) -> (!qgate.qubit, !qgate.qubit) {
  %a = arith.constant 0.25 : f64
  %b = arith.constant -1.5 : f64
  %c = arith.constant 0.75 : f64
  %q1 = qgate.ry(%a) %q
  %q2, %r1 = qgate.cx %q1, %r
  %r2 = qgate.rz(%b) %r1
  %r3 = qgate.rx(%c) %r2
  return %q2, %r3 : !qgate.qubit, !qgate.qubit
}
