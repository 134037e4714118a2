// RUN: qopt %s -verify-diagnostics -o /dev/null
OPENQASM 2.0;
qreg q[1];
// expected-error@+1 {{'OPENQASM' may only start the main file}}
OPENQASM 2.0;
