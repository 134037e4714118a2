// RUN: not qopt %s 2>&1 | FileCheck %s
// CHECK: {{.*}}duplicate-qubit.qasm:7:9: error: qubit arguments #0 and #1 name the same qubit
// CHECK-NOT: module
OPENQASM 2.0;
include "qelib1.inc";
qreg q[2];
cx q[0],q[0];
