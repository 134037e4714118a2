// Broken pulse calibrations (Inputs/belem-bad-defs, see its SOURCE.md) are
// errors naming what is missing, never a pulse built from made-up zeros.
// RUN: qopt %s --target=%S/Inputs/belem-bad-defs --lower-to-pulse -split-input-file -verify-diagnostics
// RUN: qopt %S/Inputs/bad-calibration-napa.mlir --target=%S/Inputs/belem-bad-defs --native-pulse-ansatz -split-input-file -verify-diagnostics

func.func @x_without_amplitude() {
  %q0 = qgate.physical 0
  // expected-error @below {{calibrated drag pulse on d0 has no amplitude}}
  // expected-error @below {{failed to legalize operation 'qgate.x'}}
  %a = qgate.x %q0
  return
}

// -----

func.func @sx_without_duration() {
  %q0 = qgate.physical 0
  // expected-error @below {{calibrated drag pulse on d0 has no positive integer duration of at most 16777216 dt}}
  // expected-error @below {{failed to legalize operation 'qgate.sx'}}
  %a = qgate.sx %q0
  return
}

// -----

func.func @frame_change_without_phase(%t: f64) {
  %q1 = qgate.physical 1
  // expected-error @below {{calibrated 'fc' on d1 has no phase}}
  // expected-error @below {{failed to legalize operation 'qgate.rz'}}
  %a = qgate.rz(%t) %q1
  return
}
