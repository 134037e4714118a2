// A qreg and a creg share one namespace.
// RUN: not qopt %s 2>&1 | FileCheck %s
// CHECK: {{.*}}redefined-register.qasm:8:6: error: redefinition of register 'q'
// CHECK: {{.*}}redefined-register.qasm:7:6: note: previous definition is here
// CHECK-NOT: module
OPENQASM 2.0;
qreg q[2];
creg q[2];
