// Outside a gate definition only numbers and pi can appear in angles.
// RUN: qopt %s -verify-diagnostics -o /dev/null
OPENQASM 2.0;
include "qelib1.inc";
qreg q[1];
// expected-error@+1 {{unknown identifier 'theta' in expression; only 'pi' and numbers are allowed outside gate definitions}}
rx(theta) q[0];
