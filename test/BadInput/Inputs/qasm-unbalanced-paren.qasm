OPENQASM 2.0;
include "qelib1.inc";
qreg q[1];
rz(0.5 q[0];
