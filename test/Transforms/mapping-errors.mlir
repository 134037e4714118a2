// What layout and routing reject, each with a diagnostic at the cause.
// RUN: qopt %s --split-input-file --target=%S/../Target/Inputs/line5.json --layout --route -verify-diagnostics

// attach-target (what --target runs) already rejects it.
// expected-error @below {{circuit needs 6 qubits but target 'line5' has 5}}
func.func @too_wide() {
  %a = qgate.alloc
  %b = qgate.alloc
  %c = qgate.alloc
  %d = qgate.alloc
  %e = qgate.alloc
  %f = qgate.alloc
  return
}

// -----

func.func @three_qubit_gate() {
  %a = qgate.alloc
  %b = qgate.alloc
  %c = qgate.alloc
  // expected-error @below {{acts on 3 qubits; decompose it first (to-target-basis) so that routing sees at most two}}
  %a1, %b1, %c1 = qgate.ccx %a, %b, %c
  return
}

// -----

// expected-error @below {{layout and routing need qubits from qgate.alloc or qgate.physical; argument #0 is a qubit}}
func.func @qubit_argument(%q: !qgate.qubit) -> !qgate.qubit {
  %q1 = qgate.h %q
  return %q1 : !qgate.qubit
}

// -----

func.func @mixed() {
  %a = qgate.physical 0
  // expected-error @below {{layout and routing need all qubits virtual (qgate.alloc) or all on the device (qgate.physical)}}
  %b = qgate.alloc
  return
}

// -----

func.func @bit_used_by_gate_logic() -> i1 {
  %a = qgate.alloc
  %a1, %m = qgate.measure %a
  // expected-error @below {{layout and routing need measurement results used only by the return}}
  %n = arith.xori %m, %m : i1
  return %n : i1
}
