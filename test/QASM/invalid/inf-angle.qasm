// RUN: qopt %s -verify-diagnostics -o /dev/null
OPENQASM 2.0;
include "qelib1.inc";
qreg q[1];
// expected-error@+1 {{angle evaluates to infinity}}
rx(ln(0)) q[0];
