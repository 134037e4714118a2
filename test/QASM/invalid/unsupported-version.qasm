// RUN: not qopt %s 2>&1 | FileCheck %s
// CHECK: {{.*}}unsupported-version.qasm:4:10: error: unsupported OpenQASM version 3.0; qopt reads OpenQASM 2.0
// CHECK-NOT: module
OPENQASM 3.0;
qubit[1] q;
