// bind-params replaces named parameters by constants and removes them.
// RUN: qopt %s --bind-params=values=%S/Inputs/trained.json | FileCheck %s
// RUN: qopt %s --bind-params=values=%S/Inputs/trained.json --bind-params=values=%S/Inputs/rest.json | qopt-check - %S/Inputs/ansatz-bound.mlir | FileCheck %s --check-prefix=SAME
// RUN: not qopt %s --bind-params=values=%S/Inputs/unknown-param.json 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// RUN: not qopt %s --bind-params="values=%S/Inputs/trained.json require-all=true" 2>&1 | FileCheck %s --check-prefix=MISSING

// CHECK-LABEL: func.func @ansatz
// CHECK-SAME: (%[[Q:[^:]*]]: !qgate.qubit, %[[R:[^:]*]]: !qgate.qubit, %[[FREE:[^:]*]]: f64 {qgate.param = "phi"})
// CHECK-DAG: %[[A:.*]] = arith.constant 2.500000e-01 : f64
// CHECK-DAG: %[[B:.*]] = arith.constant -1.500000e+00 : f64
// CHECK: qgate.ry(%[[A]]) %[[Q]]
// CHECK: qgate.rz(%[[B]])
// CHECK: qgate.rx(%[[FREE]])
// SAME: equivalent (exact unitary on 2 qubits, up to global phase)
// UNKNOWN: unknown-param.json:3:12: error: no circuit has a parameter named 'gamma'
// MISSING: error: parameter 'phi' of @ansatz has no value
func.func @ansatz(%q: !qgate.qubit, %r: !qgate.qubit,
                  %theta: f64 {qgate.param = "theta"}, %t2: f64,
                  %phi: f64 {qgate.param = "phi"}) -> (!qgate.qubit, !qgate.qubit) {
  %q1 = qgate.ry(%theta) %q
  %q2, %r1 = qgate.cx %q1, %r
  %r2 = qgate.rz(%t2) %r1
  %r3 = qgate.rx(%phi) %r2
  return %q2, %r3 : !qgate.qubit, !qgate.qubit
}
