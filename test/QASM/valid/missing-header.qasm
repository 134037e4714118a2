// Without 'OPENQASM 2.0;' the file is still read, with a warning at its
// first token.
// RUN: qopt %s 2>&1 >/dev/null | FileCheck %s --check-prefix=WARN
// RUN: qopt %s 2>/dev/null | FileCheck %s
// WARN: {{.*}}missing-header.qasm:9:1: warning: missing 'OPENQASM 2.0;' header; reading the file as OpenQASM 2.0
// CHECK: func.func @missing_header() attributes {qgate.cregs = [], qgate.qregs = {{\[\[}}"q", 1]]}
// CHECK: qgate.alloc
// CHECK: qgate.u
qreg q[1];
U(0, 0, 0) q[0];
