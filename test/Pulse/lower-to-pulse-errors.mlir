// What lower-to-pulse refuses, each with the gate and the qubits named.
// RUN: qopt %s --target=%S/Inputs/belem-cut --lower-to-pulse -split-input-file -verify-diagnostics

func.func @cx_against_calibration() {
  %q0 = qgate.physical 0
  %q1 = qgate.physical 1
  // expected-error @below {{lower-to-pulse: target 'belem' has no calibrated 'cx' on qubits 1, 0; run to-target-basis first}}
  %a, %b = qgate.cx %q1, %q0
  return
}

// -----

func.func @uncalibrated_qubit() {
  %q2 = qgate.physical 2
  // expected-error @below {{lower-to-pulse: target 'belem' has no calibrated 'x' on qubit 2; run to-target-basis first}}
  %a = qgate.x %q2
  return
}

// -----

func.func @not_in_basis() {
  %q0 = qgate.physical 0
  // expected-error @below {{lower-to-pulse: target 'belem' has no calibrated 'h' on qubit 0; run to-target-basis first}}
  %a = qgate.h %q0
  return
}

// -----

func.func @virtual_qubit() {
  // expected-error @below {{lower-to-pulse needs device qubits: run layout and route first (qopt --target=<device> -O1)}}
  %q = qgate.alloc
  %a = qgate.x %q
  return
}

// -----

func.func @reset() {
  %q0 = qgate.physical 0
  // expected-error @below {{lower-to-pulse: 'qgate.reset' has no calibrated pulse schedule}}
  %a = qgate.reset %q0
  return
}

// -----

func.func @conditional() -> i1 {
  %q0 = qgate.physical 0
  %q1, %bit = qgate.measure %q0
  // expected-error @below {{lower-to-pulse: classically conditioned gates have no static pulse schedule}}
  %q2 = scf.if %bit -> !qgate.qubit {
    %x = qgate.x %q1
    scf.yield %x : !qgate.qubit
  } else {
    scf.yield %q1 : !qgate.qubit
  }
  return %bit : i1
}

// -----

// expected-error @below {{lower-to-pulse: @qubit_argument takes qubit arguments; a pulse schedule drives device qubits named by qgate.physical}}
func.func @qubit_argument(%q: !qgate.qubit) {
  %a = qgate.x %q
  return
}
