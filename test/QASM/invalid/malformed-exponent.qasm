// RUN: qopt %s -verify-diagnostics -o /dev/null
OPENQASM 2.0;
qreg q[1];
// expected-error@+1 {{malformed exponent in number}}
U(1e, 0, 0) q[0];
