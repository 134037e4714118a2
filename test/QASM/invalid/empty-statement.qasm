// A lone ';' is not an OpenQASM 2 statement.
// RUN: not qopt %s 2>&1 | FileCheck %s
// CHECK: {{.*}}empty-statement.qasm:6:1: error: expected a statement, found ';'
// CHECK-NOT: module
OPENQASM 2.0;
;
