// RUN: qopt %s -split-input-file -verify-diagnostics

// expected-error @below {{'qgate.target' belongs on a module}}
func.func @on_a_function() attributes {qgate.target = #qgate.target<name = "x", num_qubits = 2, calibration_date = "d", content_hash = "h", source = "s">} {
  return
}

// -----

// expected-error @below {{'qgate.target' must be a #qgate.target attribute}}
module attributes {qgate.target = "montreal"} {
}

// -----

// expected-error @below {{unknown qgate attribute 'qgate.device'}}
module attributes {qgate.device = 1} {
}

// -----

module attributes {qgate.target = #qgate.target<name = "two", num_qubits = 2, calibration_date = "d", content_hash = "h", source = "s">} {
  func.func @f() {
    // expected-error @below {{'qgate.physical' op uses qubit 2 but target 'two' has 2 qubits}}
    %q = qgate.physical 2
    return
  }
}
