// Qubits thread through scf.if: each branch may consume the qubit once, and
// the if yields its next value. Linearity still holds on every path.
// RUN: qopt %s -split-input-file -verify-diagnostics | FileCheck %s

// CHECK-LABEL: func.func @conditional_x
// CHECK: %[[R:.*]] = scf.if %{{.*}} -> (!qgate.qubit) {
// CHECK-NEXT: %[[X:.*]] = qgate.x %{{.*}}
// CHECK-NEXT: scf.yield %[[X]]
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %{{.*}}
// CHECK: qgate.measure %[[R]]
func.func @conditional_x() -> i1 {
  %q0 = qgate.alloc
  %a0 = qgate.alloc
  %a1 = qgate.h %a0
  %a2, %bit = qgate.measure %a1
  %q1 = scf.if %bit -> !qgate.qubit {
    %x = qgate.x %q0
    scf.yield %x : !qgate.qubit
  } else {
    scf.yield %q0 : !qgate.qubit
  }
  %q2, %out = qgate.measure %q1
  return %out : i1
}

// -----

func.func @consumed_in_branch_and_after(%bit: i1) -> !qgate.qubit {
  %q0 = qgate.alloc
  %q1 = scf.if %bit -> !qgate.qubit {
    // expected-note @below {{other use is here}}
    %x = qgate.x %q0
    scf.yield %x : !qgate.qubit
  } else {
    // expected-note @below {{other use is here}}
    scf.yield %q0 : !qgate.qubit
  }
  // expected-error @below {{'qgate.h' op consumes qubit operand #0, which is already used elsewhere}}
  %q2 = qgate.h %q0
  return %q2 : !qgate.qubit
}
