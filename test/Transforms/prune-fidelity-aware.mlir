// fidelity-aware pruning on a synthetic 3-qubit line (sx error 3e-4, cx
// error 1e-2): a gate goes when its device error exceeds the error of
// dropping it.
// RUN: qopt %s -split-input-file --target=%S/Inputs/line3.json --prune-gates=fidelity-aware -verify-diagnostics | FileCheck %s

// CHECK-LABEL: func.func @ansatz
// rx(0.01) costs two sx (6e-4) but dropping it costs 4 sin^2(0.005)/6 =
// 1.7e-5: removed. rx(0.5) would cost 0.041 to drop: kept. rz is a free
// frame change: kept. crz(0.05) costs two cx (0.02), dropping it about
// 2.5e-4: removed. crz(1.0) would cost 0.095 to drop: kept.
// CHECK-DAG: %[[HALF:.*]] = arith.constant 5.000000e-01
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00
// CHECK: %[[P0:.*]] = qgate.physical 0
// CHECK: %[[P1:.*]] = qgate.physical 1
// CHECK-NEXT: %[[X:.*]] = qgate.rx(%[[HALF]]) %[[P0]]
// CHECK-NEXT: %[[Z:.*]] = qgate.rz(%{{.*}}) %[[X]]
// CHECK-NEXT: qgate.crz(%[[ONE]]) %[[Z]], %[[P1]]
// CHECK-NEXT: return
// expected-remark @below {{pruned 2 gate(s)}}
func.func @ansatz() -> (!qgate.qubit, !qgate.qubit) {
  %tiny = arith.constant 0.01 : f64
  %half = arith.constant 0.5 : f64
  %small = arith.constant 0.05 : f64
  %one = arith.constant 1.0 : f64
  %p0 = qgate.physical 0
  %p1 = qgate.physical 1
  %a1 = qgate.rx(%tiny) %p0
  %a2 = qgate.rx(%half) %a1
  %a3 = qgate.rz(%tiny) %a2
  %a4, %b1 = qgate.crz(%small) %a3, %p1
  %a5, %b2 = qgate.crz(%one) %a4, %b1
  return %a5, %b2 : !qgate.qubit, !qgate.qubit
}

// -----

func.func @virtual() {
  %q = qgate.alloc
  %t = arith.constant 0.01 : f64
  // expected-error @below {{'qgate.rx' op fidelity-aware pruning needs circuits on the target's physical qubits; map the circuit first}}
  %q1 = qgate.rx(%t) %q
  return
}
