// On physical qubits a two-qubit gate needs a coupler: routing comes first.
// RUN: qopt %s --target=%S/Inputs/line3.json --to-target-basis -verify-diagnostics

func.func @uncoupled() {
  %p0 = qgate.physical 0
  %p2 = qgate.physical 2
  // expected-error @below {{'qgate.cx' op acts on device qubits 0 and 2, which the target does not couple; route the circuit first}}
  %a, %b = qgate.cx %p0, %p2
  return
}
