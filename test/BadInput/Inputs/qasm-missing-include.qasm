OPENQASM 2.0;
include "nosuchfile.inc";
qreg q[1];
