// Routing and layout on a device with one terrible coupler.

// On a ring whose 1-2 coupler has CX error 0.4, a CX between the qubits
// on 1 and 3 needs one SWAP. Noise-aware routing never takes the bad
// coupler, whatever the seed: ESP 0.9223 (a SWAP and a CX on good couplers,
// one h, two readouts) instead of 0.2053 through it.
// RUN: for s in 1 2 3 4 5 6 7 8; do \
// RUN:   qopt %s --target=%S/Inputs/ring4-bad-coupler.json --layout="strategy=user qubits=1,3" --route="seed=$s trials=1" -o /dev/null 2>&1 | grep "remark: route"; \
// RUN: done | FileCheck %s --check-prefix=AVOID
// AVOID-COUNT-8: remark: route: 1 SWAP(s) added; depth {{[56]}}; ESP 0.9223
// Noise-adaptive layout puts the pair on a good coupler in the first place.
// RUN: qopt %s --target=%S/Inputs/ring4-bad-coupler.json --layout -o - 2>/dev/null | FileCheck %s --check-prefix=GOOD
// GOOD-NOT: initial_layout = array<i64: 1, 2>
// GOOD-NOT: initial_layout = array<i64: 2, 1>
// GOOD: initial_layout = array<i64

func.func @pair() -> (i1, i1) {
  %a = qgate.alloc
  %b = qgate.alloc
  %a1 = qgate.h %a
  %a2, %b1 = qgate.cx %a1, %b
  %a3, %m0 = qgate.measure %a2
  %b2, %m1 = qgate.measure %b1
  return %m0, %m1 : i1, i1
}

// A broken coupler (CX error 1.0) is not a coupler at all: even
// noise-unaware routing goes around it, for every seed (through it the ESP
// would be about 1e-18), and the result is equivalent.
// RUN: for s in 1 2 3 4 5 6 7 8; do \
// RUN:   qopt %s --target=%S/Inputs/ring4-broken-coupler.json --layout="strategy=user qubits=1,3" --route="seed=$s trials=1 noise-aware=false" -o %t.broken.$s.mlir 2>&1 | grep "remark: route"; \
// RUN:   qopt-check --up-to-layout %s %t.broken.$s.mlir; \
// RUN: done | FileCheck %s --check-prefix=BROKEN
// BROKEN-COUNT-8: remark: route: 1 SWAP(s) added; depth {{[56]}}; ESP 0.9223{{$}}
// BROKEN-NOT: not equivalent
