// layout: placements that need no SWAP, noise-aware choices on fixture
// devices, and routes that avoid a terrible coupler.

// A chain a-b-c fits the line without SWAPs; noise-adaptive finds such a
// placement, and routing then adds none.
// RUN: qopt %s --split-input-file --target=%S/../Target/Inputs/line5.json --layout --route -o %t.chain.mlir 2>&1 | FileCheck %s --check-prefix=CHAIN
// CHAIN: remark: layout (noise-adaptive): needs no SWAP; ESP 0.{{[0-9]+}}
// CHAIN: remark: route: 0 SWAP(s) added

// Only one-qubit gates: the three qubits with the best sx and readout
// errors of line5 (not qubit 1, readout 0.035, nor qubit 4, sx 5e-4).
// ONEQ-LABEL: func.func @one_qubit_only
// ONEQ-SAME: qgate.initial_layout = array<i64: 0, 2, 3>
// RUN: FileCheck %s --check-prefix=ONEQ < %t.chain.mlir

func.func @chain() -> (i1, i1, i1) {
  %a = qgate.alloc
  %b = qgate.alloc
  %c = qgate.alloc
  %a1 = qgate.h %a
  %a2, %b1 = qgate.cx %a1, %b
  %b2, %c1 = qgate.cx %b1, %c
  %a3, %m0 = qgate.measure %a2
  %b3, %m1 = qgate.measure %b2
  %c2, %m2 = qgate.measure %c1
  return %m0, %m1, %m2 : i1, i1, i1
}

// -----

func.func @one_qubit_only() -> (i1, i1, i1) {
  %a = qgate.alloc
  %b = qgate.alloc
  %c = qgate.alloc
  %a1 = qgate.h %a
  %b1 = qgate.x %b
  %c1 = qgate.sx %c
  %a2, %m0 = qgate.measure %a1
  %b2, %m1 = qgate.measure %b1
  %c2, %m2 = qgate.measure %c1
  return %m0, %m1, %m2 : i1, i1, i1
}

