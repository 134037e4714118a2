// RUN: qopt %s -verify-diagnostics -o /dev/null
OPENQASM 2.0;
include "qelib1.inc";
qreg q[1];
// expected-error@+1 {{expected a register or register[index], found ')'}}
rx(1+2)) q[0];
