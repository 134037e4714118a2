// Fidelity-aware pruning stays within the bound it reports: the pass says
// the circuit moved by at most 0.03 in operator norm, which also bounds the
// entry-wise distance qopt-check measures.
// RUN: qopt %s --target=%S/Inputs/line3.json --prune-gates=fidelity-aware 2>&1 -o %t.mlir | FileCheck %s --check-prefix=BOUND
// BOUND: remark: pruned 2 gate(s); the circuit moved by at most 2.99{{[0-9]*}}e-02 in operator norm
// RUN: qopt-check --tolerance=0.03 %s %t.mlir | FileCheck %s --check-prefix=WITHIN
// WITHIN: equivalent
// RUN: not qopt-check %s %t.mlir | FileCheck %s --check-prefix=CHANGED
// CHANGED: not equivalent: distance

// The circuit of prune-fidelity-aware.mlir: rx(0.01) costs two sx (6e-4) but dropping it costs 4 sin^2(0.005)/6 =
// 1.7e-5: removed. rx(0.5) would cost 0.041 to drop: kept. rz is a free
// frame change: kept. crz(0.05) costs two cx (0.02), dropping it about
// 2.5e-4: removed. crz(1.0) would cost 0.095 to drop: kept.
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
