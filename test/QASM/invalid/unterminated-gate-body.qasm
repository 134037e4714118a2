// The error is at the end of the file.
// RUN: not qopt %s 2>&1 | FileCheck %s
// CHECK: {{.*}}unterminated-gate-body.qasm:8:1: error: unterminated body of gate 'g': expected '}'
// CHECK-NOT: module
OPENQASM 2.0;
gate g a {
  U(0, 0, 0) a;
