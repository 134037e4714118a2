// Option and ordering mistakes of layout and route.
// RUN: not qopt %s --target=%S/../Target/Inputs/line5.json --layout=strategy=best 2>&1 | FileCheck %s --check-prefix=STRATEGY
// STRATEGY: error: layout strategy must be trivial, user, sabre or noise-adaptive, got 'best'
// RUN: not qopt %s --target=%S/../Target/Inputs/line5.json --layout="strategy=user qubits=0,0" 2>&1 | FileCheck %s --check-prefix=TWICE
// TWICE: error: layout: the layout names qubit 0 twice
// RUN: not qopt %s --target=%S/../Target/Inputs/line5.json --layout="strategy=user qubits=0,7" 2>&1 | FileCheck %s --check-prefix=BEYOND
// BEYOND: error: layout: the layout names qubit 7, which the device does not have
// RUN: not qopt %s --target=%S/../Target/Inputs/line5.json --layout="strategy=user qubits=0" 2>&1 | FileCheck %s --check-prefix=COUNT
// COUNT: error: layout: the layout lists 1 qubits for a circuit of 2
// RUN: not qopt %s --layout 2>&1 | FileCheck %s --check-prefix=NOTARGET
// NOTARGET: error: layout needs a target: run attach-target (qopt --target=<device>)
// RUN: not qopt %s --target=%S/../Target/Inputs/line5.json --route 2>&1 | FileCheck %s --check-prefix=ORDER
// ORDER: error: route needs the circuit on device qubits; run layout first
// RUN: not qopt %s --target=%S/../Target/Inputs/line5.json --layout --route=method=astar 2>&1 | FileCheck %s --check-prefix=METHOD
// METHOD: error: route method must be sabre or shortest-path, got 'astar'

// Two disconnected pairs: a triangle fits in neither.
// RUN: not qopt %S/Inputs/triangle-plus.mlir --target=%S/Inputs/two-pairs.json --layout 2>&1 | FileCheck %s --check-prefix=REGION
// REGION: error: layout: the circuit has 4 qubits but the device's largest connected region only 2
// A user layout across the gap cannot be routed.
// RUN: not qopt %s --target=%S/Inputs/two-pairs.json --layout="strategy=user qubits=0,2" --route 2>&1 | FileCheck %s --check-prefix=GAP
// GAP: error: route: a two-qubit gate joins qubits 0 and 2, which no path of couplers connects

func.func @pair() {
  %a = qgate.alloc
  %b = qgate.alloc
  %a1, %b1 = qgate.cx %a, %b
  return
}
