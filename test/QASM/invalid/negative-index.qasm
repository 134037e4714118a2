// RUN: not qopt %s 2>&1 | FileCheck %s
// CHECK: {{.*}}negative-index.qasm:6:12: error: expected a non-negative integer index
// CHECK-NOT: module
OPENQASM 2.0;
qreg q[1];
U(0,0,0) q[-1];
