// RUN: not qopt %s 2>&1 | FileCheck %s
// CHECK: {{.*}}unterminated-include-string.qasm:5:9: error: unterminated string
// CHECK-NOT: module
OPENQASM 2.0;
include "qelib1.inc;
qreg q[1];
