// RUN: not qopt %s 2>&1 | FileCheck %s
// CHECK: {{.*}}if-value-too-large.qasm:8:10: error: value 4 does not fit in the 2-bit register 'c'
// CHECK-NOT: module
OPENQASM 2.0;
include "qelib1.inc";
qreg q[1];
creg c[2];
if (c == 4) x q[0];
