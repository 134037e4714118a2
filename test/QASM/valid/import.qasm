// The shape of imported IR: registers, broadcast, qelib1 gates as qgate ops,
// expanded user gates, expressions, measurement targets, reset, barrier and
// if. The round trip through export must be equivalent.
// RUN: qopt %s | FileCheck %s
// RUN: qopt --input=qasm - < %s | FileCheck %s
// RUN: qopt %s -mlir-print-debuginfo -mlir-print-local-scope | FileCheck %s --check-prefix=LOC
// RUN: qopt-translate --import-qasm %s | qopt-translate --export-qasm | qopt-check %s - | FileCheck %s --check-prefix=ROUNDTRIP
// ROUNDTRIP: equivalent (exact distribution of 3 returned bits from |0...0>)
OPENQASM 2.0;
include "qelib1.inc";

// CHECK-LABEL: func.func @{{import|circuit}}() -> (i1, i1, i1)
// CHECK-SAME: qgate.cregs = {{\[\[}}"c", 2], ["flag", 1]]
// CHECK-SAME: qgate.qregs = {{\[\[}}"q", 2], ["anc", 1]]
// CHECK-DAG: %[[HALFPI:.*]] = arith.constant 1.5707963267948966 : f64
// CHECK-DAG: %[[THETA:.*]] = arith.constant 0.78539816339744828 : f64
// CHECK-DAG: %[[EXPR:.*]] = arith.constant 3.000000e+00 : f64
// CHECK: %[[Q0:.*]] = qgate.alloc
// LOC: qgate.alloc loc("{{.*}}import.qasm":[[@LINE+2]]:6)
// CHECK: %[[Q1:.*]] = qgate.alloc
qreg q[2];
// CHECK: %[[A:.*]] = qgate.alloc
qreg anc[1];
creg c[2];
creg flag[1];

gate entangle(theta) a, b {
  ry(theta) a;
  cx a, b;
}

// Broadcast over the register.
// LOC: qgate.h {{.*}} loc("{{.*}}import.qasm":[[@LINE+3]]:1)
// CHECK: %[[H0:.*]] = qgate.h %[[Q0]]
// CHECK: %[[H1:.*]] = qgate.h %[[Q1]]
h q;
// u2 is u with theta = pi/2.
// CHECK: %[[U:.*]] = qgate.u(%[[HALFPI]], %{{.*}}, %{{.*}}) %[[A]]
u2(0, pi) anc[0];
// A user gate expands; its angle is evaluated at the call.
// CHECK: %[[R:.*]] = qgate.ry(%[[THETA]]) %[[H0]]
// CHECK: %[[C0:.*]], %[[C1:.*]] = qgate.cx %[[R]], %[[H1]]
entangle(pi/4) q[0], q[1];
// Expressions fold to constants.
// CHECK: qgate.rz(%[[EXPR]])
rz(sqrt(4) * ln(exp(1.5)) ^ 1) anc[0];
// CHECK: qgate.barrier
barrier q, anc;
// CHECK: %{{.*}}, %[[M0:.*]] = qgate.measure %{{.*}} -> "c"[0]
// CHECK: %{{.*}}, %[[M1:.*]] = qgate.measure %{{.*}} -> "c"[1]
measure q -> c;
// CHECK: %[[COND:.*]] = qgate.creg_equals "c"[%[[M0]], %[[M1]]], 3
// CHECK: scf.if %[[COND]] -> (!qgate.qubit) {
// CHECK-NEXT: qgate.x
// CHECK-NEXT: scf.yield
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield
if (c == 3) x anc[0];
// CHECK: qgate.measure %{{.*}} -> "flag"[0]
measure anc[0] -> flag[0];
// CHECK: qgate.reset
reset q[0];
// CHECK: return %[[M0]], %[[M1]], %{{.*}} : i1, i1, i1
