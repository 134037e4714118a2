// RUN: qopt %s -verify-diagnostics -o /dev/null
OPENQASM 2.0;
opaque magic(theta) a, b;
qreg q[2];
// expected-error@+1 {{gate 'magic' is declared opaque and has no definition to expand}}
magic(pi) q[0], q[1];
