// A call of something that is not sin, cos, tan, exp, ln or sqrt.
// RUN: not qopt %s 2>&1 | FileCheck %s
// CHECK: {{.*}}expr-unknown-function.qasm:8:4: error: unknown function 'foo'
// CHECK-NOT: module
OPENQASM 2.0;
include "qelib1.inc";
qreg q[1];
rx(foo(1)) q[0];
