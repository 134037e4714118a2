// RUN: qopt %s -verify-diagnostics -o /dev/null
OPENQASM 2.0;
include "qelib1.inc";
qreg q[1];
creg c[2];
// expected-error@+1 {{OpenQASM 2 conditions compare a whole register; 'if (c[i] == n)' is not valid}}
if (c[0] == 1) x q[0];
