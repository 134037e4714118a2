// A qelib1.inc gate used without the include gets a note saying so.
// RUN: not qopt %s 2>&1 | FileCheck %s
// CHECK: {{.*}}unknown-gate-qelib1-hint.qasm:9:1: error: unknown gate 'h'
// CHECK: {{.*}}unknown-gate-qelib1-hint.qasm:9:1: note: 'h' is defined in qelib1.inc; add 'include "qelib1.inc";'
// CHECK-NOT: module
OPENQASM 2.0;
qreg q[1];
// No include.
h q[0];
