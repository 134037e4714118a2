// A lexer error inside a statement must not turn into "expected ';'".
// RUN: not qopt %s 2>&1 | FileCheck %s
// CHECK: {{.*}}unterminated-comment-in-statement.qasm:7:12: error: unterminated '/*' comment
// CHECK-NOT: module
OPENQASM 2.0;
qreg q[1];
U(0,0,0) q /* the comment never ends
[0];
