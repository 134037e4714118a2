// RUN: qopt %s -verify-diagnostics -o /dev/null
// expected-error@+1 {{expected a version number after 'OPENQASM'}}
OPENQASM;
qreg q[1];
