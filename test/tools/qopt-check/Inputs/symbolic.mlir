// A variational circuit: its angle is a function argument.
func.func @symbolic(%q0: !qgate.qubit, %theta: f64) -> !qgate.qubit {
  %q1 = qgate.rx(%theta) %q0
  return %q1 : !qgate.qubit
}
