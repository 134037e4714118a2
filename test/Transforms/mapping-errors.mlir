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

// A conditional must take each qubit it uses back out as a result; one
// that also yields a classical value is not OpenQASM's `if`.
func.func @conditional_with_classical_result() -> i1 {
  %a = qgate.alloc
  %a1, %m = qgate.measure %a
  %b = qgate.alloc
  // expected-error @below {{layout and routing handle a conditional whose branches apply gates to qubits from outside and yield them back, one result per qubit}}
  %b1, %n = scf.if %m -> (!qgate.qubit, i1) {
    %b2 = qgate.x %b
    scf.yield %b2, %m : !qgate.qubit, i1
  } else {
    scf.yield %b, %m : !qgate.qubit, i1
  }
  return %n : i1
}

// -----

// A loop over qubits.
func.func @loop_on_qubits() {
  %a = qgate.alloc
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  // expected-error @below {{layout and routing do not handle 'scf.for' on qubits (control flow) yet}}
  %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%q = %a) -> (!qgate.qubit) {
    %q1 = qgate.h %q
    scf.yield %q1 : !qgate.qubit
  }
  return
}
