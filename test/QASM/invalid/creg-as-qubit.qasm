// RUN: not qopt %s 2>&1 | FileCheck %s
// CHECK: {{.*}}creg-as-qubit.qasm:8:3: error: 'c' is a classical register; expected a quantum one
// CHECK-NOT: module
OPENQASM 2.0;
include "qelib1.inc";
qreg q[1];
creg c[1];
h c[0];
