// The inner '(' is never closed, so ')' closes it and the list stays open.
// RUN: not qopt %s 2>&1 | FileCheck %s
// CHECK: {{.*}}expr-unbalanced-paren.qasm:8:10: error: expected ')' to close the parameter list, found 'q'
// CHECK-NOT: module
OPENQASM 2.0;
include "qelib1.inc";
qreg q[1];
rx((1+2) q[0];
