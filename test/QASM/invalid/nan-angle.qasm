// The location is the operator that produces the NaN.
// RUN: not qopt %s 2>&1 | FileCheck %s
// CHECK: {{.*}}nan-angle.qasm:8:5: error: angle evaluates to NaN
// CHECK-NOT: module
OPENQASM 2.0;
include "qelib1.inc";
qreg q[1];
rx(0/0) q[0];
