// Redefining a qelib1.inc gate points back into the built-in qelib1.inc.
// RUN: not qopt %s 2>&1 | FileCheck %s
// CHECK: {{.*}}redefined-qelib1-gate.qasm:8:6: error: redefinition of gate 'h'
// CHECK: qelib1.inc:{{[0-9]+}}:6: note: previous definition is here
// CHECK-NOT: module
OPENQASM 2.0;
include "qelib1.inc";
gate h a { U(pi/2, 0, pi) a; }
