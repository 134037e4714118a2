// Teleportation with classically controlled corrections, then a conditional
// Toffoli: the forms of `if` that routing must keep in order.
OPENQASM 2.0;
include "qelib1.inc";
qreg q[5];
creg c[5];
ry(0.7) q[0];
h q[1];
cx q[1], q[4];
cx q[0], q[1];
h q[0];
measure q[0] -> c[0];
measure q[1] -> c[1];
if (c == 2) x q[4];
if (c == 1) z q[4];
if (c == 3) y q[4];
h q[2];
cx q[2], q[3];
measure q[2] -> c[2];
if (c == 7) ccx q[3], q[4], q[0];
measure q -> c;
