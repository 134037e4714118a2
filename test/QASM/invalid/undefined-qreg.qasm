// RUN: qopt %s -verify-diagnostics -o /dev/null
OPENQASM 2.0;
include "qelib1.inc";
qreg q[1];
// expected-error@+1 {{undefined register 'r'}}
h r[0];
