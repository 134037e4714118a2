// RUN: not qopt %s 2>&1 | FileCheck %s
// CHECK: {{.*}}gate-body-unknown-param.qasm:5:21: error: unknown parameter 'phi' in the body of gate 'g'
// CHECK-NOT: module
OPENQASM 2.0;
gate g(theta) a { U(phi, 0, theta) a; }
