// RUN: not qopt %s 2>&1 | FileCheck %s
// CHECK: {{.*}}redefined-gate.qasm:7:6: error: redefinition of gate 'g'
// CHECK: {{.*}}redefined-gate.qasm:6:6: note: previous definition is here
// CHECK-NOT: module
OPENQASM 2.0;
gate g a { U(0, 0, 0) a; }
gate g a { U(pi, 0, 0) a; }
