// RUN: not qopt %s 2>&1 | FileCheck %s
// CHECK: {{.*}}missing-include.qasm:5:1: error: cannot find included file 'does-not-exist.inc'
// CHECK-NOT: module
OPENQASM 2.0;
include "does-not-exist.inc";
qreg q[1];
