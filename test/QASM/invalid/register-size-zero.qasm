// RUN: qopt %s -verify-diagnostics -o /dev/null
OPENQASM 2.0;
// expected-error@+1 {{register size must be between 1 and 1048576, got 0}}
qreg q[0];
