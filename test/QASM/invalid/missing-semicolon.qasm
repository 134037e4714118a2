// The error points just past the last token of the unterminated statement.
// RUN: not qopt %s 2>&1 | FileCheck %s
// CHECK: {{.*}}missing-semicolon.qasm:8:7: error: expected ';' after the statement
// CHECK-NOT: module
OPENQASM 2.0;
include "qelib1.inc";
qreg q[2];
h q[0]
h q[1];
