// RUN: not qopt %s 2>&1 | FileCheck %s
// CHECK: {{.*}}index-out-of-range.qasm:7:3: error: index 2 is out of range for register 'q' of size 2
// CHECK-NOT: module
OPENQASM 2.0;
include "qelib1.inc";
qreg q[2];
h q[2];
