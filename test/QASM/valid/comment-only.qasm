// A header and comments only: an empty circuit with no registers.
// RUN: qopt %s | FileCheck %s
// CHECK: func.func @comment_only() attributes {qgate.cregs = [], qgate.qregs = []} {
// CHECK-NOT: qgate.
// CHECK: return{{$}}
// CHECK-NEXT: }
OPENQASM 2.0;
// A line comment.
/* A block comment
   over two lines. */
