// Measurements without a register (as routing leaves them, in any order)
// write the scratch register in the order the circuit returns their bits:
// an OpenQASM import returns a register's bits in index order, so the
// exported program reads back as the same circuit.
// RUN: qopt-translate --export-qasm %s -o %t.qasm
// RUN: FileCheck %s < %t.qasm
// RUN: qopt-check %s %t.qasm | FileCheck %s --check-prefix=EQUIV
// EQUIV: {{^}}equivalent

// CHECK:      qreg q[3];
// CHECK-NEXT: creg meas[3];
// CHECK-NEXT: x q[1];
// CHECK-NEXT: h q[2];
// CHECK-NEXT: measure q[0] -> meas[1];
// CHECK-NEXT: measure q[1] -> meas[2];
// CHECK-NEXT: measure q[2] -> meas[0];
func.func @reordered() -> (i1, i1, i1) {
  %q0 = qgate.alloc
  %q1 = qgate.alloc
  %q2 = qgate.alloc
  %x = qgate.x %q1
  %h = qgate.h %q2
  %a, %m0 = qgate.measure %q0
  %b, %m1 = qgate.measure %x
  %c, %m2 = qgate.measure %h
  return %m2, %m0, %m1 : i1, i1, i1
}
