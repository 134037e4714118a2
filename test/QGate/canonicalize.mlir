// qgate canonicalization: identity rotations fold away, inverse pairs cancel,
// same-axis rotations merge; and the cases where none of that is allowed.
// unittests/QGate/CanonicalizationEquivalenceTest.cpp checks that the same
// patterns preserve the unitary on random circuits.
// RUN: qopt %s -canonicalize -split-input-file | FileCheck %s

// CHECK-LABEL: func.func @identity_rotations_fold
// CHECK-SAME: (%[[Q:[^:]*]]: !qgate.qubit, %[[R:[^:]*]]: !qgate.qubit)
// CHECK-NEXT: return %[[Q]], %[[R]]
func.func @identity_rotations_fold(%q0: !qgate.qubit, %r0: !qgate.qubit) -> (!qgate.qubit, !qgate.qubit) {
  %zero = arith.constant 0.0 : f64
  %twopi = arith.constant 6.283185307179586 : f64
  %fourpi = arith.constant 12.566370614359172 : f64
  %a = arith.constant 0.3 : f64
  %na = arith.constant -0.3 : f64
  %q1 = qgate.rz(%zero) %q0
  // rx(2*pi) = -I: the identity up to global phase.
  %q2 = qgate.rx(%twopi) %q1
  %q3 = qgate.p(%twopi) %q2
  // u(0, phi, -phi) = I.
  %q4 = qgate.u(%zero, %a, %na) %q3
  %q5, %r1 = qgate.rzz(%twopi) %q4, %r0
  // A controlled rotation only returns to I after 4*pi.
  %q6, %r2 = qgate.crz(%fourpi) %q5, %r1
  %q7, %r3 = qgate.cu(%zero, %a, %na, %zero) %q6, %r2
  return %q7, %r3 : !qgate.qubit, !qgate.qubit
}

// -----

// crz(2*pi) = Z on the control: not the identity even up to phase.
// CHECK-LABEL: func.func @controlled_two_pi_is_not_identity
// CHECK: qgate.crz
// CHECK: qgate.cp
// CHECK: qgate.cu
func.func @controlled_two_pi_is_not_identity(%q0: !qgate.qubit, %r0: !qgate.qubit) -> (!qgate.qubit, !qgate.qubit) {
  %zero = arith.constant 0.0 : f64
  %pi = arith.constant 3.141592653589793 : f64
  %twopi = arith.constant 6.283185307179586 : f64
  %q1, %r1 = qgate.crz(%twopi) %q0, %r0
  %q2, %r2 = qgate.cp(%pi) %q1, %r1
  // A control phase gamma = pi makes cu(0,0,0,pi) a Z on the control.
  %q3, %r3 = qgate.cu(%zero, %zero, %zero, %pi) %q2, %r2
  return %q3, %r3 : !qgate.qubit, !qgate.qubit
}

// -----

// CHECK-LABEL: func.func @symbolic_or_nonzero_angles_stay
// CHECK: qgate.rx(%arg1)
// CHECK: qgate.rz(%{{.*}})
// CHECK: qgate.id
func.func @symbolic_or_nonzero_angles_stay(%q0: !qgate.qubit, %t: f64) -> !qgate.qubit {
  %small = arith.constant 1.0e-6 : f64
  %q1 = qgate.rx(%t) %q0
  %q2 = qgate.rz(%small) %q1
  // id is a timed idle on hardware and is kept.
  %q3 = qgate.id %q2
  return %q3 : !qgate.qubit
}

// -----

// CHECK-LABEL: func.func @merge_symbolic
// CHECK-SAME: (%[[Q:[^:]*]]: !qgate.qubit, %[[A:[^:]*]]: f64, %[[B:[^:]*]]: f64)
// CHECK-NEXT: %[[S:.*]] = arith.addf %[[A]], %[[B]]
// CHECK-NEXT: %[[Q1:.*]] = qgate.rx(%[[S]]) %[[Q]]
// CHECK-NEXT: return %[[Q1]]
func.func @merge_symbolic(%q0: !qgate.qubit, %a: f64, %b: f64) -> !qgate.qubit {
  %q1 = qgate.rx(%a) %q0
  %q2 = qgate.rx(%b) %q1
  return %q2 : !qgate.qubit
}

// -----

// CHECK-LABEL: func.func @merge_constants
// CHECK-DAG: %[[C:.*]] = arith.constant 7.500000e-01 : f64
// CHECK-DAG: %[[D:.*]] = arith.constant 1.250000e+00 : f64
// CHECK: qgate.rz(%[[C]])
// CHECK-NEXT: qgate.cp(%[[D]])
// CHECK-NEXT: return
func.func @merge_constants(%q0: !qgate.qubit, %r0: !qgate.qubit) -> (!qgate.qubit, !qgate.qubit) {
  %a = arith.constant 0.25 : f64
  %b = arith.constant 0.5 : f64
  %c = arith.constant 1.0 : f64
  %q1 = qgate.rz(%a) %q0
  %q2 = qgate.rz(%b) %q1
  %q3, %r1 = qgate.cp(%a) %q2, %r0
  // cp is symmetric, so the swapped order still merges.
  %r2, %q4 = qgate.cp(%c) %r1, %q3
  return %q4, %r2 : !qgate.qubit, !qgate.qubit
}

// -----

// CHECK-LABEL: func.func @merge_symmetric_swapped
// CHECK-SAME: (%[[Q:[^:]*]]: !qgate.qubit, %[[R:[^:]*]]: !qgate.qubit, %[[A:[^:]*]]: f64, %[[B:[^:]*]]: f64)
// CHECK-NEXT: %[[S:.*]] = arith.addf %[[A]], %[[B]]
// CHECK-NEXT: %[[Q1:.*]], %[[R1:.*]] = qgate.rzz(%[[S]]) %[[Q]], %[[R]]
// CHECK-NEXT: return %[[Q1]], %[[R1]]
func.func @merge_symmetric_swapped(%q0: !qgate.qubit, %r0: !qgate.qubit, %a: f64, %b: f64) -> (!qgate.qubit, !qgate.qubit) {
  %q1, %r1 = qgate.rzz(%a) %q0, %r0
  %r2, %q2 = qgate.rzz(%b) %r1, %q1
  return %q2, %r2 : !qgate.qubit, !qgate.qubit
}

// -----

// CHECK-LABEL: func.func @no_merge
// CHECK-COUNT-2: qgate.rx
// CHECK: qgate.ry
// CHECK-COUNT-2: qgate.crz
// CHECK-NOT: arith.addf
func.func @no_merge(%q0: !qgate.qubit, %r0: !qgate.qubit, %a: f64, %b: f64) -> (!qgate.qubit, !qgate.qubit) {
  // Different qubits.
  %q1 = qgate.rx(%a) %q0
  %r1 = qgate.rx(%b) %r0
  // Different axes.
  %q2 = qgate.ry(%b) %q1
  // crz is not symmetric: reversed control and target do not merge.
  %q3, %r2 = qgate.crz(%a) %q2, %r1
  %r3, %q4 = qgate.crz(%b) %r2, %q3
  return %q4, %r3 : !qgate.qubit, !qgate.qubit
}

// -----

// CHECK-LABEL: func.func @self_inverse_pairs
// CHECK-SAME: (%[[Q:[^:]*]]: !qgate.qubit, %[[R:[^:]*]]: !qgate.qubit, %[[S:[^:]*]]: !qgate.qubit)
// CHECK-NEXT: return %[[Q]], %[[R]], %[[S]]
func.func @self_inverse_pairs(%q0: !qgate.qubit, %r0: !qgate.qubit, %s0: !qgate.qubit) -> (!qgate.qubit, !qgate.qubit, !qgate.qubit) {
  %q1 = qgate.h %q0
  %q2 = qgate.h %q1
  %q3 = qgate.x %q2
  %q4 = qgate.x %q3
  %q5, %r1 = qgate.cx %q4, %r0
  %q6, %r2 = qgate.cx %q5, %r1
  %q7, %r3 = qgate.swap %q6, %r2
  %r4, %q8 = qgate.swap %r3, %q7
  %q9, %r5 = qgate.cz %q8, %r4
  %r6, %q10 = qgate.cz %r5, %q9
  %q11, %r7 = qgate.ecr %q10, %r6
  %q12, %r8 = qgate.ecr %q11, %r7
  %q13, %r9, %s1 = qgate.ccx %q12, %r8, %s0
  %q14, %r10, %s2 = qgate.ccx %q13, %r9, %s1
  %q15, %r11, %s3 = qgate.cswap %q14, %r10, %s2
  %q16, %r12, %s4 = qgate.cswap %q15, %r11, %s3
  return %q16, %r12, %s4 : !qgate.qubit, !qgate.qubit, !qgate.qubit
}

// -----

// CHECK-LABEL: func.func @inverse_pairs
// CHECK-SAME: (%[[Q:[^:]*]]: !qgate.qubit, %[[R:[^:]*]]: !qgate.qubit, %[[T:[^:]*]]: f64, %[[P:[^:]*]]: f64)
// CHECK-NEXT: return %[[Q]], %[[R]]
func.func @inverse_pairs(%q0: !qgate.qubit, %r0: !qgate.qubit, %t: f64, %p: f64) -> (!qgate.qubit, !qgate.qubit) {
  %q1 = qgate.s %q0
  %q2 = qgate.sdg %q1
  %q3 = qgate.tdg %q2
  %q4 = qgate.t %q3
  %q5 = qgate.sx %q4
  %q6 = qgate.sxdg %q5
  // Symbolic angles: the second is arith.negf of the first.
  %nt = arith.negf %t : f64
  %np = arith.negf %p : f64
  %q7 = qgate.rx(%t) %q6
  %q8 = qgate.rx(%nt) %q7
  // u(t, p, 0) then u(-t, -0, -p).
  %zero = arith.constant 0.0 : f64
  %nzero = arith.constant -0.0 : f64
  %q9 = qgate.u(%t, %p, %zero) %q8
  %q10 = qgate.u(%nt, %nzero, %np) %q9
  %q11, %r1 = qgate.crx(%t) %q10, %r0
  %q12, %r2 = qgate.crx(%nt) %q11, %r1
  // Cancelling the inner pair exposes the outer one.
  %q13 = qgate.h %q12
  %q14 = qgate.y %q13
  %q15 = qgate.y %q14
  %q16 = qgate.h %q15
  return %q16, %r2 : !qgate.qubit, !qgate.qubit
}

// -----

// CHECK-LABEL: func.func @no_cancel
// CHECK: qgate.cx
// CHECK-NEXT: qgate.cx
// CHECK-NEXT: qgate.h
// CHECK-NEXT: qgate.barrier
// CHECK-NEXT: qgate.h
// CHECK-NEXT: qgate.iswap
// CHECK-NEXT: qgate.iswap
// CHECK-NEXT: qgate.h
// CHECK-NEXT: qgate.x
// CHECK-NEXT: qgate.s
// CHECK-NEXT: qgate.s
// CHECK-NEXT: arith.negf
// CHECK-NEXT: qgate.rx
// CHECK-NEXT: qgate.rx
// CHECK-NEXT: qgate.h
// CHECK-NEXT: qgate.h
// CHECK-NEXT: return
func.func @no_cancel(%q0: !qgate.qubit, %r0: !qgate.qubit, %t: f64, %u: f64) -> (!qgate.qubit, !qgate.qubit) {
  // cx is not symmetric: cx(a,b) cx(b,a) is not the identity.
  %q1, %r1 = qgate.cx %q0, %r0
  %r2, %q2 = qgate.cx %r1, %q1
  // A barrier separates the pair.
  %q3 = qgate.h %q2
  %q4 = qgate.barrier %q3
  %q5 = qgate.h %q4
  // iswap is not its own inverse.
  %q6, %r3 = qgate.iswap %q5, %r2
  %q7, %r4 = qgate.iswap %q6, %r3
  // Different gates.
  %q8 = qgate.h %q7
  %q9 = qgate.x %q8
  %q10 = qgate.s %q9
  %q11 = qgate.s %q10
  // Inverse angles, but on different qubits.
  %nt = arith.negf %t : f64
  %q12 = qgate.rx(%t) %q11
  %r5 = qgate.rx(%nt) %r4
  // Self-inverse, but on different qubits.
  %q13 = qgate.h %q12
  %r6 = qgate.h %r5
  return %q13, %r6 : !qgate.qubit, !qgate.qubit
}

// -----

// A register that has not been measured yet has a known value, so the
// comparison folds.
// CHECK-LABEL: func.func @creg_equals_folds
// CHECK-DAG: %[[T:.*]] = arith.constant true
// CHECK-DAG: %[[F:.*]] = arith.constant false
// CHECK: %[[U:.*]] = qgate.creg_equals "c"[%[[F]], %arg0], 2
// CHECK: return %[[T]], %[[F]], %[[U]]
func.func @creg_equals_folds(%m: i1) -> (i1, i1, i1) {
  %false = arith.constant false
  %true = arith.constant true
  %is2 = qgate.creg_equals "c"[%false, %true], 2
  %is3 = qgate.creg_equals "c"[%false, %true], 3
  // Not constant: stays.
  %unknown = qgate.creg_equals "c"[%false, %m], 2
  return %is2, %is3, %unknown : i1, i1, i1
}
