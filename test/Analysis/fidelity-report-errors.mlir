// What fidelity-report refuses, with the reason.
// RUN: qopt %s --target=%S/Inputs/hand2.json --fidelity-report -split-input-file -verify-diagnostics
// RUN: not qopt %s --target=%S/Inputs/hand2.json --fidelity-report=quest -split-input-file 2>&1 | FileCheck %s --check-prefix=EST
// RUN: not qopt %s --target=%S/Inputs/hand2.json --fidelity-report="estimator=learned model=%t.missing" -split-input-file 2>&1 | FileCheck %s --check-prefix=NOMODEL -DFILE=%t.missing
// RUN: not qopt %s --target=%S/Inputs/hand2.json --fidelity-report="estimator=learned model=%S/Inputs/hand2.json" -split-input-file 2>&1 | FileCheck %s --check-prefix=BADMODEL
// RUN: not qopt %s --fidelity-report -split-input-file 2>&1 | FileCheck %s --check-prefix=NOTARGET
// EST: error: fidelity-report: estimator must be auto, esp, simulate, learned or all, got 'quest'
// NOMODEL: error: fidelity-report: cannot read the model '[[FILE]]': No such file or directory
// BADMODEL: error: fidelity-report: {{.*}}hand2.json: not a model file: expected "format": "qopt-fidelity-model-v2"
// NOTARGET: error: fidelity-report: needs a circuit function in a module with a target (qopt --target=<device>)

// expected-error @below {{fidelity-report: the circuit must be on device qubits (run layout and route)}}
func.func @virtual() {
  %q = qgate.alloc
  %a = qgate.x %q
  return
}

// -----

// expected-error @below {{fidelity-report: the target has no calibration of 'h' on these qubits (rz alone is virtual); run to-target-basis first}}
func.func @not_in_basis() {
  %q0 = qgate.physical 0
  %a = qgate.h %q0
  return
}

// -----

// expected-error @below {{fidelity-report: mid-circuit measurement is not modelled}}
func.func @mid_circuit() -> i1 {
  %q0 = qgate.physical 0
  %a, %m = qgate.measure %q0
  %b = qgate.x %a
  return %m : i1
}
