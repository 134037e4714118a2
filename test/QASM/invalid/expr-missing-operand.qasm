// RUN: not qopt %s 2>&1 | FileCheck %s
// CHECK: {{.*}}expr-missing-operand.qasm:7:6: error: expected an expression, found ')'
// CHECK-NOT: module
OPENQASM 2.0;
include "qelib1.inc";
qreg q[1];
rx(1+) q[0];
