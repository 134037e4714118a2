// Every qgate verifier error, with its exact message and location.
// RUN: qopt %s -split-input-file -verify-diagnostics

func.func @qubit_used_twice(%q0: !qgate.qubit) -> (!qgate.qubit, !qgate.qubit) {
  // expected-note @below {{other use is here}}
  %q1 = qgate.h %q0
  // expected-error @below {{'qgate.x' op consumes qubit operand #0, which is already used elsewhere}}
  %q2 = qgate.x %q0
  return %q1, %q2 : !qgate.qubit, !qgate.qubit
}

// -----

func.func @qubit_used_by_gate_and_return(%q0: !qgate.qubit) -> (!qgate.qubit, !qgate.qubit) {
  // expected-error @below {{'qgate.h' op consumes qubit operand #0, which is already used elsewhere}}
  %q1 = qgate.h %q0
  // expected-note @below {{other use is here}}
  return %q1, %q0 : !qgate.qubit, !qgate.qubit
}

// -----

func.func @same_qubit_twice(%q0: !qgate.qubit) -> (!qgate.qubit, !qgate.qubit) {
  // expected-error @below {{'qgate.cx' op names the same qubit twice (qubit operands #0 and #1)}}
  %a, %b = qgate.cx %q0, %q0
  return %a, %b : !qgate.qubit, !qgate.qubit
}

// -----

func.func @same_qubit_twice_in_barrier(%q0: !qgate.qubit, %q1: !qgate.qubit) -> (!qgate.qubit, !qgate.qubit, !qgate.qubit) {
  // expected-error @below {{'qgate.barrier' op names the same qubit twice (qubit operands #0 and #2)}}
  %x:3 = qgate.barrier %q0, %q1, %q0
  return %x#0, %x#1, %x#2 : !qgate.qubit, !qgate.qubit, !qgate.qubit
}

// -----

func.func @measured_twice(%q0: !qgate.qubit) -> (i1, i1) {
  // expected-note @below {{other use is here}}
  %q1, %b0 = qgate.measure %q0
  // expected-error @below {{'qgate.measure' op consumes qubit operand #0, which is already used elsewhere}}
  %q2, %b1 = qgate.measure %q0
  return %b0, %b1 : i1, i1
}

// -----

func.func @negative_physical_index() -> !qgate.qubit {
  // expected-error @below {{'qgate.physical' op physical qubit index must be non-negative, got -1}}
  %q = qgate.physical -1
  return %q : !qgate.qubit
}

// -----

func.func @physical_index_twice() -> (!qgate.qubit, !qgate.qubit) {
  // expected-note @below {{first started here}}
  %a = qgate.physical 5
  %b = qgate.physical 6
  // expected-error @below {{'qgate.physical' op physical qubit 5 already has a wire in this block}}
  %c = qgate.physical 5
  return %a, %c : !qgate.qubit, !qgate.qubit
}

// -----

func.func @nan_angle(%q0: !qgate.qubit) -> !qgate.qubit {
  %nan = arith.constant 0x7FF8000000000000 : f64
  // expected-error @below {{'qgate.rx' op angle operand #0 is NaN; angles must be finite}}
  %q1 = qgate.rx(%nan) %q0
  return %q1 : !qgate.qubit
}

// -----

func.func @infinite_angle(%q0: !qgate.qubit) -> !qgate.qubit {
  %zero = arith.constant 0.0 : f64
  %inf = arith.constant 0x7FF0000000000000 : f64
  // expected-error @below {{'qgate.u' op angle operand #2 is infinite; angles must be finite}}
  %q1 = qgate.u(%zero, %zero, %inf) %q0
  return %q1 : !qgate.qubit
}

// -----

func.func @empty_barrier() {
  // expected-error @below {{'qgate.barrier' op needs at least one qubit}}
  qgate.barrier
  return
}

// -----

func.func @wrong_qubit_count(%q0: !qgate.qubit) -> !qgate.qubit {
  // expected-error @below {{'qgate.cx' op expected 2 results}}
  %q1 = "qgate.cx"(%q0) : (!qgate.qubit) -> !qgate.qubit
  return %q1 : !qgate.qubit
}

// -----

func.func @angle_not_f64(%q0: !qgate.qubit, %t: f32) -> !qgate.qubit {
  // expected-error @below {{'qgate.rx' op operand #1 must be 64-bit float, but got 'f32'}}
  %q1 = "qgate.rx"(%q0, %t) : (!qgate.qubit, f32) -> !qgate.qubit
  return %q1 : !qgate.qubit
}

// -----

func.func @gate_on_classical_value(%b: i1) -> !qgate.qubit {
  // expected-error @below {{'qgate.h' op operand #0 must be a !qgate.qubit, but got 'i1'}}
  %q1 = "qgate.h"(%b) : (i1) -> !qgate.qubit
  return %q1 : !qgate.qubit
}

// -----

func.func @missing_angle(%q0: !qgate.qubit) -> !qgate.qubit {
  // expected-error @below {{expected '('}}
  %q1 = qgate.rz %q0
  return %q1 : !qgate.qubit
}

// -----

func.func @unknown_gate(%q0: !qgate.qubit) -> !qgate.qubit {
  // expected-error @below {{custom op 'qgate.foo' is unknown}}
  %q1 = qgate.foo %q0
  return %q1 : !qgate.qubit
}

// -----

func.func @gate_result_not_qubit(%q0: !qgate.qubit) -> i1 {
  // expected-error @below {{'qgate.h' op result #0 must be a !qgate.qubit, but got 'i1'}}
  %r = "qgate.h"(%q0) : (!qgate.qubit) -> i1
  return %r : i1
}

// -----

func.func @angle_missing_in_generic_form(%q0: !qgate.qubit) -> !qgate.qubit {
  // expected-error @below {{'qgate.rx' op expected 2 operands, but found 1}}
  %r = "qgate.rx"(%q0) : (!qgate.qubit) -> !qgate.qubit
  return %r : !qgate.qubit
}

// -----

func.func @barrier_drops_a_qubit(%q0: !qgate.qubit, %q1: !qgate.qubit) -> !qgate.qubit {
  // expected-error @below {{'qgate.barrier' op must yield one qubit per consumed qubit (consumes 2, yields 1)}}
  %r = "qgate.barrier"(%q0, %q1) : (!qgate.qubit, !qgate.qubit) -> !qgate.qubit
  return %r : !qgate.qubit
}

// -----

func.func @measure_result_types(%q0: !qgate.qubit) -> (i1, i1) {
  // expected-error @below {{'qgate.measure' op result #0 must be the state of one qubit at one point of a circuit, but got 'i1'}}
  %r:2 = "qgate.measure"(%q0) : (!qgate.qubit) -> (i1, i1)
  return %r#0, %r#1 : i1, i1
}

// -----

func.func @measure_target_without_index(%q0: !qgate.qubit) -> i1 {
  // expected-error @below {{'qgate.measure' op needs both a register name and a bit index, or neither}}
  %q1, %b = "qgate.measure"(%q0) {creg = "c"} : (!qgate.qubit) -> (!qgate.qubit, i1)
  return %b : i1
}

// -----

func.func @measure_negative_bit(%q0: !qgate.qubit) -> i1 {
  // expected-error @below {{'qgate.measure' op register bit index must be non-negative, got -2}}
  %q1, %b = qgate.measure %q0 -> "c"[-2]
  return %b : i1
}

// -----

func.func @creg_value_too_wide(%b0: i1, %b1: i1) -> i1 {
  // expected-error @below {{'qgate.creg_equals' op value 4 does not fit in a 2-bit register}}
  %c = qgate.creg_equals "c"[%b0, %b1], 4
  return %c : i1
}

// -----

func.func @creg_empty() -> i1 {
  // expected-error @below {{'qgate.creg_equals' op register width must be between 1 and 63 bits, got 0}}
  %c = qgate.creg_equals "c"[], 0
  return %c : i1
}
