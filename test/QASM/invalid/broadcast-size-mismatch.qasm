// RUN: qopt %s -verify-diagnostics -o /dev/null
OPENQASM 2.0;
include "qelib1.inc";
qreg q[2];
qreg r[3];
// expected-error@+1 {{register 'r' has size 3 but 'q' has size 2; whole-register arguments must match}}
cx q, r;
