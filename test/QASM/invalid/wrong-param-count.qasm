// RUN: qopt %s -verify-diagnostics -o /dev/null
OPENQASM 2.0;
include "qelib1.inc";
qreg q[1];
// expected-error@+1 {{gate 'rx' takes 1 parameter(s), got 2}}
rx(0.5, 0.25) q[0];
