// RUN: qopt %s -verify-diagnostics -o /dev/null
OPENQASM 2.0;
qreg q[2];
creg c[1];
// expected-error@+1 {{'barrier' cannot be conditional}}
if (c == 1) barrier q;
