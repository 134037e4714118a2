func.func @f(%q0: !qgate.qubit) -> !qgate.qubit {
  %q1 = qgate.h %q0
  return %q1 : !qgate.qubit
