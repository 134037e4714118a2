// RUN: not qopt %s 2>&1 | FileCheck %s
// CHECK: {{.*}}wrong-qubit-count.qasm:7:1: error: gate 'cx' takes 2 qubit argument(s), got 1
// CHECK-NOT: module
OPENQASM 2.0;
include "qelib1.inc";
qreg q[2];
cx q[0];
