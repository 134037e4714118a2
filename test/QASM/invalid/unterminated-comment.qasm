// RUN: not qopt %s 2>&1 | FileCheck %s
// CHECK: {{.*}}unterminated-comment.qasm:6:1: error: unterminated '/*' comment
// CHECK-NOT: module
OPENQASM 2.0;
qreg q[1];
/* The comment never ends.
U(0, 0, 0) q[0];
