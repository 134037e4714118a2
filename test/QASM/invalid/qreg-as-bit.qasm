// RUN: qopt %s -verify-diagnostics -o /dev/null
OPENQASM 2.0;
qreg q[2];
creg c[2];
// expected-error@+1 {{'q' is a quantum register; expected a classical one}}
measure q[0] -> q[1];
