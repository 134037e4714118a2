// RUN: not qopt %s 2>&1 | FileCheck %s
// CHECK: {{.*}}gate-body-undeclared-qubit.qasm:5:18: error: 'b' is not a qubit argument of gate 'g'
// CHECK-NOT: module
OPENQASM 2.0;
gate g a { CX a, b; }
