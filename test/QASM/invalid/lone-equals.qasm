// RUN: not qopt %s 2>&1 | FileCheck %s
// CHECK: {{.*}}lone-equals.qasm:7:3: error: expected '==' (a lone '=' is not OpenQASM 2)
// CHECK-NOT: module
OPENQASM 2.0;
include "qelib1.inc";
qreg q[1];
x = 1;
