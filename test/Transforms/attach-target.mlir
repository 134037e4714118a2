// --attach-target (qopt --target=...) records the device on the module, and
// the record survives printing and parsing.
// RUN: qopt %s -split-input-file --target=%S/Inputs/line3.json -verify-diagnostics | FileCheck %s
// RUN: qopt %s -split-input-file --attach-target=target=%S/Inputs/line3.json -verify-diagnostics | qopt -split-input-file | FileCheck %s

// CHECK: module attributes {qgate.target = #qgate.target<name = "line3", num_qubits = 3, calibration_date = "synthetic", content_hash = "sha256:{{[0-9a-f]+}}", source = "{{.*}}line3.json">}
func.func @fits() {
  %q0 = qgate.physical 0
  %q2 = qgate.physical 2
  %a, %b = qgate.cx %q0, %q2
  return
}

// -----

// expected-error @below {{circuit needs 4 qubits but target 'line3' has 3}}
func.func @too_wide() {
  %a = qgate.alloc
  %b = qgate.alloc
  %c = qgate.alloc
  %d = qgate.alloc
  return
}

// -----

func.func @outside_the_device() {
  // expected-error @below {{'qgate.physical' op uses qubit 5 but target 'line3' has 3 qubits}}
  %q = qgate.physical 5
  return
}
