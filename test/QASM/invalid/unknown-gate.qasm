// A gate that is neither built in nor in qelib1.inc: no include hint.
// RUN: not qopt %s 2>&1 | FileCheck %s
// CHECK: {{.*}}unknown-gate.qasm:8:1: error: unknown gate 'foo'
// CHECK-NOT: note:
// CHECK-NOT: module
OPENQASM 2.0;
qreg q[1];
foo q[0];
