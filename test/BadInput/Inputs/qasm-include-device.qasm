OPENQASM 2.0;
include "/dev/zero";
qreg q[1];
