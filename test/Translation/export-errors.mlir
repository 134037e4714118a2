// What OpenQASM export rejects, with the message and where it points.
// RUN: qopt-translate --export-qasm -split-input-file -verify-diagnostics %s
// RUN: not qopt-translate --export-qasm3 -split-input-file %s 2>&1 | FileCheck %s --check-prefix=QASM3

// expected-error @below {{export needs exactly one circuit function, found 0}}
module {
  func.func private @declaration()
}

// -----

// expected-error @below {{export needs exactly one circuit function, found 2}}
module {
  func.func @first() {
    return
  }
  func.func @second() {
    return
  }
}

// -----

// expected-error @below {{circuit parameter #1 must be bound before export}}
func.func @parameter(%q: !qgate.qubit, %theta: f64) {
  %0 = qgate.rx(%theta) %q
  return
}

// -----

func.func @symbolic_angle() {
  %a = arith.constant 0.5 : f64
  %b = arith.addf %a, %a : f64
  %q = qgate.alloc
  // expected-error @below {{angle operands must be constants to export; bind the circuit's parameters first}}
  %0 = qgate.rx(%b) %q
  return
}

// -----

func.func @mixed_qubits() {
  %q = qgate.alloc
  // expected-error @below {{a circuit mixing physical and virtual qubits cannot be exported}}
  %p = qgate.physical 0
  %0:2 = qgate.cx %q, %p
  return
}

// -----

func.func @unsupported_op() {
  %q = qgate.alloc
  %n = arith.constant 2 : index
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // QASM3: 'scf.for' op cannot be exported to OpenQASM 3
  // expected-error @below {{'scf.for' op cannot be exported to OpenQASM 2}}
  %0 = scf.for %i = %c0 to %n step %c1 iter_args(%w = %q) -> (!qgate.qubit) {
    %h = qgate.h %w
    scf.yield %h : !qgate.qubit
  }
  return
}

// -----

func.func @condition_not_creg_equals() {
  %q = qgate.alloc
  %a = qgate.alloc
  %0, %bit = qgate.measure %a -> "c"[0]
  // expected-error @below {{only a qgate.creg_equals condition can be exported to OpenQASM 2}}
  %1 = scf.if %bit -> (!qgate.qubit) {
    %x = qgate.x %q
    scf.yield %x : !qgate.qubit
  } else {
    scf.yield %q : !qgate.qubit
  }
  return
}

// -----

func.func @else_branch() attributes {qgate.cregs = [["c", 1]]} {
  %q = qgate.alloc
  %a = qgate.alloc
  %0, %bit = qgate.measure %a -> "c"[0]
  %cond = qgate.creg_equals "c"[%bit], 1
  // QASM3: error: an else branch cannot be exported to OpenQASM 3
  // expected-error @below {{OpenQASM 2 cannot express an else branch}}
  %1 = scf.if %cond -> (!qgate.qubit) {
    %x = qgate.x %q
    scf.yield %x : !qgate.qubit
  } else {
    %z = qgate.z %q
    scf.yield %z : !qgate.qubit
  }
  return
}

// -----

// The condition names only part of the register.
func.func @partial_register() attributes {qgate.cregs = [["c", 2]]} {
  %q = qgate.alloc
  %a = qgate.alloc
  %0, %bit = qgate.measure %a -> "c"[0]
  // expected-error @below {{condition does not read the current value of register c}}
  %cond = qgate.creg_equals "c"[%bit], 1
  %1 = scf.if %cond -> (!qgate.qubit) {
    %x = qgate.x %q
    scf.yield %x : !qgate.qubit
  } else {
    scf.yield %q : !qgate.qubit
  }
  return
}

// -----

// c[0] was measured again before the condition is evaluated.
func.func @stale_bit() attributes {qgate.cregs = [["c", 1]]} {
  %q = qgate.alloc
  %a = qgate.alloc
  %0, %bit = qgate.measure %a -> "c"[0]
  // expected-error @below {{condition does not read the current value of register c}}
  %cond = qgate.creg_equals "c"[%bit], 1
  %1, %again = qgate.measure %0 -> "c"[0]
  %2 = scf.if %cond -> (!qgate.qubit) {
    %x = qgate.x %q
    scf.yield %x : !qgate.qubit
  } else {
    scf.yield %q : !qgate.qubit
  }
  return
}

// -----

// The bit read is not the register's: it was measured into d.
func.func @other_register() attributes {qgate.cregs = [["c", 1], ["d", 1]]} {
  %q = qgate.alloc
  %a = qgate.alloc
  %0, %bit = qgate.measure %a -> "d"[0]
  // expected-error @below {{condition does not read the current value of register c}}
  %cond = qgate.creg_equals "c"[%bit], 1
  %1 = scf.if %cond -> (!qgate.qubit) {
    %x = qgate.x %q
    scf.yield %x : !qgate.qubit
  } else {
    scf.yield %q : !qgate.qubit
  }
  return
}

// -----

// A bit measured under a condition has no known value unless the if yields
// it.
func.func @bit_lost_in_branch() attributes {qgate.cregs = [["c", 1], ["d", 1]]} {
  %false = arith.constant false
  %q = qgate.alloc
  %a = qgate.alloc
  %cond = qgate.creg_equals "d"[%false], 0
  %0 = scf.if %cond -> (!qgate.qubit) {
    %m, %bit = qgate.measure %a -> "c"[0]
    scf.yield %m : !qgate.qubit
  } else {
    scf.yield %a : !qgate.qubit
  }
  // expected-error @below {{condition does not read the current value of register c}}
  %cond2 = qgate.creg_equals "c"[%false], 0
  %1 = scf.if %cond2 -> (!qgate.qubit) {
    %x = qgate.x %q
    scf.yield %x : !qgate.qubit
  } else {
    scf.yield %q : !qgate.qubit
  }
  return
}

// -----

// Each statement re-reads the register, so nothing may follow a measurement
// into it.
func.func @measure_changes_condition() -> i1 attributes {qgate.cregs = [["c", 1]]} {
  %false = arith.constant false
  %q = qgate.alloc
  %a = qgate.alloc
  %cond = qgate.creg_equals "c"[%false], 0
  %0:3 = scf.if %cond -> (!qgate.qubit, !qgate.qubit, i1) {
    // expected-note @below {{measured here}}
    %m, %bit = qgate.measure %a -> "c"[0]
    // expected-error @below {{'qgate.x' op cannot be exported after a measurement into the condition's register in the same branch}}
    %x = qgate.x %q
    scf.yield %x, %m, %bit : !qgate.qubit, !qgate.qubit, i1
  } else {
    scf.yield %q, %a, %false : !qgate.qubit, !qgate.qubit, i1
  }
  return %0#2 : i1
}

// -----

func.func @crossed_wires() attributes {qgate.cregs = [["c", 1]]} {
  %false = arith.constant false
  %a = qgate.alloc
  %b = qgate.alloc
  %cond = qgate.creg_equals "c"[%false], 0
  // expected-error @below {{result #0 continues different qubits in the two branches}}
  %0:2 = scf.if %cond -> (!qgate.qubit, !qgate.qubit) {
    scf.yield %b, %a : !qgate.qubit, !qgate.qubit
  } else {
    scf.yield %a, %b : !qgate.qubit, !qgate.qubit
  }
  return
}

// -----

func.func @conditional_barrier() attributes {qgate.cregs = [["c", 1]]} {
  %false = arith.constant false
  %q = qgate.alloc
  %cond = qgate.creg_equals "c"[%false], 0
  %0 = scf.if %cond -> (!qgate.qubit) {
    // expected-error @below {{'qgate.barrier' op cannot be conditional in OpenQASM 2}}
    %b = qgate.barrier %q
    scf.yield %b : !qgate.qubit
  } else {
    scf.yield %q : !qgate.qubit
  }
  return
}

// -----

func.func @conditional_alloc() attributes {qgate.cregs = [["c", 1]]} {
  %false = arith.constant false
  %q = qgate.alloc
  %cond = qgate.creg_equals "c"[%false], 0
  %0 = scf.if %cond -> (!qgate.qubit) {
    // expected-error @below {{'qgate.alloc' op cannot be exported to OpenQASM 2}}
    %a = qgate.alloc
    %x:2 = qgate.cx %a, %q
    scf.yield %x#1 : !qgate.qubit
  } else {
    scf.yield %q : !qgate.qubit
  }
  return
}

// -----

func.func @undeclared_target() attributes {qgate.cregs = [["c", 1]]} {
  %q = qgate.alloc
  // expected-error @below {{'qgate.measure' op target c[1] is not a bit of a declared classical register}}
  %0, %bit = qgate.measure %q -> "c"[1]
  return
}

// -----

// expected-error @below {{expects 'qgate.cregs' to be an array of [name, size] pairs}}
func.func @malformed_layout() attributes {qgate.cregs = [["c"]]} {
  return
}

// -----

// expected-error @below {{register name 'Q' is not a valid OpenQASM identifier}}
func.func @bad_name() attributes {qgate.qregs = [["Q", 1]]} {
  %q = qgate.alloc
  return
}

// -----

// expected-error @below {{register name 'c' is used twice}}
func.func @same_name() attributes {qgate.qregs = [["c", 1]], qgate.cregs = [["c", 1]]} {
  %q = qgate.alloc
  return
}
