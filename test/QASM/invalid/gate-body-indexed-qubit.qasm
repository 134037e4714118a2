// RUN: qopt %s -verify-diagnostics -o /dev/null
OPENQASM 2.0;
// expected-error@+1 {{gate arguments cannot be indexed inside a gate body}}
gate g a { U(0, 0, 0) a[0]; }
