// RUN: not qopt %s 2>&1 | FileCheck %s
// CHECK: {{.*}}measure-size-mismatch.qasm:7:14: error: measuring 2 qubit(s) into 3 bit(s); the sizes must match
// CHECK-NOT: module
OPENQASM 2.0;
qreg q[2];
creg c[3];
measure q -> c;
