// RUN: not qopt %s 2>&1 | FileCheck %s
// CHECK: {{.*}}stray-character.qasm:6:1: error: unexpected character '@'
// CHECK-NOT: module
OPENQASM 2.0;
qreg q[1];
@
