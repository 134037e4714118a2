// native-pulse-ansatz refuses what it cannot build on.
// RUN: qopt %s --target=%S/Inputs/belem-cut --native-pulse-ansatz -split-input-file -verify-diagnostics
// RUN: not qopt %s --target=%S/Inputs/belem-cut --native-pulse-ansatz=entangler-width-scale=1.5 -split-input-file 2>&1 | FileCheck %s --check-prefix=SCALE
// RUN: not qopt %s --target=%S/Inputs/belem-cut --native-pulse-ansatz=max-entangler-amplitude=0.1 -split-input-file 2>&1 | FileCheck %s --check-prefix=AMP
// RUN: not qopt %s --target=%S/Inputs/belem-cut --native-pulse-ansatz=max-entangler-amplitude=0 -split-input-file 2>&1 | FileCheck %s --check-prefix=MAX
// SCALE: error: native-pulse-ansatz: entangler-width-scale must lie in (0, 1], got 1.5
// AMP: error: native-pulse-ansatz: the calibrated CR pulse of qubits 0, 1 has amplitude 0.143431, above max-entangler-amplitude
// MAX: error: native-pulse-ansatz: max-entangler-amplitude must lie in (0, 1], got 0

// expected-remark @below {{native-pulse-ansatz: @entangler lasts 588 dt against 3648 dt lowered gate by gate (83.9% shorter); 1 pulse parameter(s)}}
func.func @entangler(%t: f64) {
  %q0 = qgate.physical 0
  %q1 = qgate.physical 1
  %a, %b = qgate.cx %q0, %q1
  return
}

// -----

func.func @uncalibrated_qubit(%t: f64) {
  %q2 = qgate.physical 2
  // expected-error @below {{native-pulse-ansatz: qubit 2 has no calibrated DRAG x pulse to build on}}
  %a = qgate.ry(%t) %q2
  return
}

// -----

func.func @uncoupled_pair() {
  %q0 = qgate.physical 0
  %q2 = qgate.physical 2
  // expected-error @below {{native-pulse-ansatz: qubits 0, 2 have no calibrated cross-resonance pulse}}
  %a, %b = qgate.cx %q0, %q2
  return
}

// -----

func.func @amplitude_above_one() {
  %q0 = qgate.physical 0
  %big = arith.constant 20.0 : f64
  // expected-error @below {{native-pulse-ansatz: the rotation needs amplitude 1.53076, beyond 1}}
  %a = qgate.rx(%big) %q0
  return
}

// -----

func.func @not_native() {
  %q0 = qgate.physical 0
  // expected-error @below {{native-pulse-ansatz: target 'belem' has no calibrated 'h' on qubit 0; run to-target-basis first}}
  %a = qgate.h %q0
  return
}
