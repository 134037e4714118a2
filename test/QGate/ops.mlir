// Every qgate op parses, prints, and re-parses to the same IR, in both the
// custom and the generic form.
// RUN: qopt %s | qopt | FileCheck %s
// RUN: qopt %s --mlir-print-op-generic | qopt | FileCheck %s

// CHECK-LABEL: func.func @allocation
func.func @allocation() -> (!qgate.qubit, !qgate.qubit, !qgate.qubit) {
  // CHECK-NEXT: %[[V:.*]] = qgate.alloc
  %v = qgate.alloc
  // CHECK-NEXT: %[[P0:.*]] = qgate.physical 0
  %p0 = qgate.physical 0
  // Device indices need not be contiguous.
  // CHECK-NEXT: %[[P126:.*]] = qgate.physical 126
  %p126 = qgate.physical 126
  // CHECK-NEXT: return %[[V]], %[[P0]], %[[P126]]
  return %v, %p0, %p126 : !qgate.qubit, !qgate.qubit, !qgate.qubit
}

// CHECK-LABEL: func.func @fixed_one_qubit
// CHECK-SAME: (%[[Q:.*]]: !qgate.qubit)
func.func @fixed_one_qubit(%q0: !qgate.qubit) -> !qgate.qubit {
  // CHECK-NEXT: %[[Q1:.*]] = qgate.id %[[Q]]
  // CHECK-NEXT: %[[Q2:.*]] = qgate.x %[[Q1]]
  // CHECK-NEXT: %[[Q3:.*]] = qgate.y %[[Q2]]
  // CHECK-NEXT: %[[Q4:.*]] = qgate.z %[[Q3]]
  // CHECK-NEXT: %[[Q5:.*]] = qgate.h %[[Q4]]
  // CHECK-NEXT: %[[Q6:.*]] = qgate.s %[[Q5]]
  // CHECK-NEXT: %[[Q7:.*]] = qgate.sdg %[[Q6]]
  // CHECK-NEXT: %[[Q8:.*]] = qgate.t %[[Q7]]
  // CHECK-NEXT: %[[Q9:.*]] = qgate.tdg %[[Q8]]
  // CHECK-NEXT: %[[Q10:.*]] = qgate.sx %[[Q9]]
  // CHECK-NEXT: %[[Q11:.*]] = qgate.sxdg %[[Q10]]
  // CHECK-NEXT: return %[[Q11]]
  %q1 = qgate.id %q0
  %q2 = qgate.x %q1
  %q3 = qgate.y %q2
  %q4 = qgate.z %q3
  %q5 = qgate.h %q4
  %q6 = qgate.s %q5
  %q7 = qgate.sdg %q6
  %q8 = qgate.t %q7
  %q9 = qgate.tdg %q8
  %q10 = qgate.sx %q9
  %q11 = qgate.sxdg %q10
  return %q11 : !qgate.qubit
}

// CHECK-LABEL: func.func @parameterized_one_qubit
// CHECK-SAME: (%[[Q:[^:]*]]: !qgate.qubit, %[[A:[^:]*]]: f64, %[[B:[^:]*]]: f64, %[[C:[^:]*]]: f64)
func.func @parameterized_one_qubit(%q0: !qgate.qubit, %a: f64, %b: f64, %c: f64) -> !qgate.qubit {
  // CHECK-NEXT: %[[Q1:.*]] = qgate.rx(%[[A]]) %[[Q]]
  // CHECK-NEXT: %[[Q2:.*]] = qgate.ry(%[[B]]) %[[Q1]]
  // CHECK-NEXT: %[[Q3:.*]] = qgate.rz(%[[C]]) %[[Q2]]
  // CHECK-NEXT: %[[Q4:.*]] = qgate.p(%[[A]]) %[[Q3]]
  // CHECK-NEXT: %[[Q5:.*]] = qgate.u(%[[A]], %[[B]], %[[C]]) %[[Q4]]
  // CHECK-NEXT: return %[[Q5]]
  %q1 = qgate.rx(%a) %q0
  %q2 = qgate.ry(%b) %q1
  %q3 = qgate.rz(%c) %q2
  %q4 = qgate.p(%a) %q3
  %q5 = qgate.u(%a, %b, %c) %q4
  return %q5 : !qgate.qubit
}

// CHECK-LABEL: func.func @two_qubit
// CHECK-SAME: (%[[A0:[^:]*]]: !qgate.qubit, %[[B0:[^:]*]]: !qgate.qubit, %[[T:[^:]*]]: f64)
func.func @two_qubit(%a0: !qgate.qubit, %b0: !qgate.qubit, %t: f64) -> (!qgate.qubit, !qgate.qubit) {
  // CHECK-NEXT: %[[A1:.*]], %[[B1:.*]] = qgate.cx %[[A0]], %[[B0]]
  // CHECK-NEXT: %[[A2:.*]], %[[B2:.*]] = qgate.cy %[[A1]], %[[B1]]
  // CHECK-NEXT: %[[A3:.*]], %[[B3:.*]] = qgate.cz %[[A2]], %[[B2]]
  // CHECK-NEXT: %[[A4:.*]], %[[B4:.*]] = qgate.ch %[[A3]], %[[B3]]
  // CHECK-NEXT: %[[A5:.*]], %[[B5:.*]] = qgate.swap %[[A4]], %[[B4]]
  // CHECK-NEXT: %[[A6:.*]], %[[B6:.*]] = qgate.iswap %[[A5]], %[[B5]]
  // CHECK-NEXT: %[[A7:.*]], %[[B7:.*]] = qgate.ecr %[[A6]], %[[B6]]
  // CHECK-NEXT: %[[A8:.*]], %[[B8:.*]] = qgate.rxx(%[[T]]) %[[A7]], %[[B7]]
  // CHECK-NEXT: %[[A9:.*]], %[[B9:.*]] = qgate.ryy(%[[T]]) %[[A8]], %[[B8]]
  // CHECK-NEXT: %[[A10:.*]], %[[B10:.*]] = qgate.rzz(%[[T]]) %[[A9]], %[[B9]]
  // CHECK-NEXT: %[[A11:.*]], %[[B11:.*]] = qgate.crx(%[[T]]) %[[A10]], %[[B10]]
  // CHECK-NEXT: %[[A12:.*]], %[[B12:.*]] = qgate.cry(%[[T]]) %[[A11]], %[[B11]]
  // CHECK-NEXT: %[[A13:.*]], %[[B13:.*]] = qgate.crz(%[[T]]) %[[A12]], %[[B12]]
  // CHECK-NEXT: %[[A14:.*]], %[[B14:.*]] = qgate.cp(%[[T]]) %[[A13]], %[[B13]]
  // CHECK-NEXT: %[[A15:.*]], %[[B15:.*]] = qgate.cu(%[[T]], %[[T]], %[[T]], %[[T]]) %[[A14]], %[[B14]]
  // CHECK-NEXT: return %[[A15]], %[[B15]]
  %a1, %b1 = qgate.cx %a0, %b0
  %a2, %b2 = qgate.cy %a1, %b1
  %a3, %b3 = qgate.cz %a2, %b2
  %a4, %b4 = qgate.ch %a3, %b3
  %a5, %b5 = qgate.swap %a4, %b4
  %a6, %b6 = qgate.iswap %a5, %b5
  %a7, %b7 = qgate.ecr %a6, %b6
  %a8, %b8 = qgate.rxx(%t) %a7, %b7
  %a9, %b9 = qgate.ryy(%t) %a8, %b8
  %a10, %b10 = qgate.rzz(%t) %a9, %b9
  %a11, %b11 = qgate.crx(%t) %a10, %b10
  %a12, %b12 = qgate.cry(%t) %a11, %b11
  %a13, %b13 = qgate.crz(%t) %a12, %b12
  %a14, %b14 = qgate.cp(%t) %a13, %b13
  %a15, %b15 = qgate.cu(%t, %t, %t, %t) %a14, %b14
  return %a15, %b15 : !qgate.qubit, !qgate.qubit
}

// CHECK-LABEL: func.func @three_qubit
// CHECK-SAME: (%[[A0:[^:]*]]: !qgate.qubit, %[[B0:[^:]*]]: !qgate.qubit, %[[C0:[^:]*]]: !qgate.qubit)
func.func @three_qubit(%a0: !qgate.qubit, %b0: !qgate.qubit, %c0: !qgate.qubit) -> (!qgate.qubit, !qgate.qubit, !qgate.qubit) {
  // CHECK-NEXT: %[[A1:.*]], %[[B1:.*]], %[[C1:.*]] = qgate.ccx %[[A0]], %[[B0]], %[[C0]]
  // CHECK-NEXT: %[[A2:.*]], %[[B2:.*]], %[[C2:.*]] = qgate.cswap %[[A1]], %[[B1]], %[[C1]]
  // CHECK-NEXT: return %[[A2]], %[[B2]], %[[C2]]
  %a1, %b1, %c1 = qgate.ccx %a0, %b0, %c0
  %a2, %b2, %c2 = qgate.cswap %a1, %b1, %c1
  return %a2, %b2, %c2 : !qgate.qubit, !qgate.qubit, !qgate.qubit
}

// CHECK-LABEL: func.func @non_unitary
// CHECK-SAME: (%[[A0:[^:]*]]: !qgate.qubit, %[[B0:[^:]*]]: !qgate.qubit)
func.func @non_unitary(%a0: !qgate.qubit, %b0: !qgate.qubit) -> (!qgate.qubit, !qgate.qubit, i1) {
  // CHECK-NEXT: %[[X:.*]]:2 = qgate.barrier %[[A0]], %[[B0]]
  // CHECK-NEXT: %[[A1:.*]] = qgate.reset %[[X]]#0
  // CHECK-NEXT: %[[A2:.*]], %[[BIT:.*]] = qgate.measure %[[A1]]
  // CHECK-NEXT: %[[B1:.*]] = qgate.barrier %[[X]]#1
  // CHECK-NEXT: return %[[A2]], %[[B1]], %[[BIT]]
  %x:2 = qgate.barrier %a0, %b0
  %a1 = qgate.reset %x#0
  %a2, %bit = qgate.measure %a1
  %b1 = qgate.barrier %x#1
  return %a2, %b1, %bit : !qgate.qubit, !qgate.qubit, i1
}

// CHECK-LABEL: func.func @classical
// CHECK-SAME: (%[[Q0:[^:]*]]: !qgate.qubit, %[[Q1:[^:]*]]: !qgate.qubit)
func.func @classical(%q0: !qgate.qubit, %q1: !qgate.qubit) -> (!qgate.qubit, i1, i1) {
  // CHECK-NEXT: %[[A:.*]], %[[B0:.*]] = qgate.measure %[[Q0]] -> "c"[0]
  // CHECK-NEXT: %[[C:.*]], %[[B1:.*]] = qgate.measure %[[Q1]] -> "c"[1]
  // CHECK-NEXT: %[[COND:.*]] = qgate.creg_equals "c"[%[[B0]], %[[B1]]], 2
  // CHECK-NEXT: %[[R:.*]] = scf.if %[[COND]]
  %a, %b0 = qgate.measure %q0 -> "c"[0]
  %c, %b1 = qgate.measure %q1 -> "c"[1]
  %cond = qgate.creg_equals "c"[%b0, %b1], 2
  %r = scf.if %cond -> !qgate.qubit {
    %x = qgate.x %a
    scf.yield %x : !qgate.qubit
  } else {
    scf.yield %a : !qgate.qubit
  }
  return %r, %b0, %b1 : !qgate.qubit, i1, i1
}
