// Input of bad-calibration.mlir for native-pulse-ansatz.

func.func @x_with_zero_sigma(%t: f64) {
  %q1 = qgate.physical 1
  // expected-error @below {{native-pulse-ansatz: the calibrated x pulse of qubit 1 has no positive sigma}}
  %a = qgate.ry(%t) %q1
  return
}

// -----

func.func @cross_resonance_longer_than_its_pulse() {
  %q0 = qgate.physical 0
  %q1 = qgate.physical 1
  // expected-error @below {{native-pulse-ansatz: the calibrated cross-resonance pulse of qubits 0, 1 has no flat-top width within its duration}}
  %a, %b = qgate.cx %q0, %q1
  return
}
