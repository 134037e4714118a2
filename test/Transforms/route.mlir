// layout + route on small fixture devices (line, ring, 2x3 grid, 3x3 grid,
// heavy-hex patch) with every strategy: the result is equivalent up to the
// recorded layouts (qopt-check --up-to-layout), and every two-qubit gate
// is on a coupler: to-target-basis afterwards rejects any gate on uncoupled
// device qubits, so it succeeding is the structural check.
// RUN: for t in %S/../Target/Inputs/line5.json %S/Inputs/ring4-bad-coupler.json %S/../Target/Inputs/grid2x3.json %S/Inputs/grid3x3.json %S/../Target/Inputs/heavyhex12.json; do \
// RUN:   for s in trivial sabre noise-adaptive; do \
// RUN:     qopt %S/Inputs/triangle-plus.mlir --target=$t --layout=strategy=$s --route --to-target-basis -o %t.mlir 2>/dev/null && \
// RUN:     qopt-check --up-to-layout %S/Inputs/triangle-plus.mlir %t.mlir || echo "FAILED on $t with $s"; \
// RUN:   done; \
// RUN: done | FileCheck %s --check-prefix=ALL
// ALL-COUNT-15: equivalent
// ALL-NOT: FAILED

// A user layout, and the SWAPs routing needs on a line.
// RUN: qopt %S/Inputs/triangle-plus.mlir --target=%S/../Target/Inputs/line5.json --layout="strategy=user qubits=4,3,2,1" --route 2>&1 -o %t.user.mlir | FileCheck %s --check-prefix=REMARKS
// RUN: FileCheck %s --check-prefix=USER < %t.user.mlir
// RUN: qopt-check --up-to-layout %S/Inputs/triangle-plus.mlir %t.user.mlir | FileCheck %s --check-prefix=SAME
// REMARKS: remark: layout (user): needs routing
// REMARKS: remark: route: {{[1-9][0-9]*}} SWAP(s) added; depth {{[0-9]+}}; ESP 0.{{[0-9]+}}
// USER: qgate.final_layout = array<i64: {{.*}}>, qgate.initial_layout = array<i64: 4, 3, 2, 1>
// USER-DAG: qgate.physical 4
// USER-DAG: qgate.physical 3
// USER-DAG: qgate.physical 2
// USER-DAG: qgate.physical 1
// USER: qgate.swap
// USER-NOT: qgate.alloc
// SAME: equivalent

// The same seed gives the same output.
// RUN: qopt %S/Inputs/triangle-plus.mlir --target=montreal --layout=strategy=sabre --route=seed=7 -o %t.a.mlir 2>/dev/null
// RUN: qopt %S/Inputs/triangle-plus.mlir --target=montreal --layout=strategy=sabre --route=seed=7 -o %t.b.mlir 2>/dev/null
// RUN: diff %t.a.mlir %t.b.mlir

// The shortest-path baseline routes too.
// RUN: qopt %S/Inputs/triangle-plus.mlir --target=%S/Inputs/grid3x3.json --layout=strategy=trivial --route=method=shortest-path --to-target-basis -o %t.sp.mlir 2>/dev/null
// RUN: qopt-check --up-to-layout %S/Inputs/triangle-plus.mlir %t.sp.mlir | FileCheck %s --check-prefix=SAME

// On sherbrooke (one-way ECR couplers) routing ignores direction and basis
// translation afterwards fixes it: only ECR remain, and the result is
// equivalent up to the layouts.
// RUN: qopt %S/Inputs/triangle-plus.mlir --target=sherbrooke -O1 -o %t.ecr.mlir 2>/dev/null
// RUN: qopt-check --up-to-layout %S/Inputs/triangle-plus.mlir %t.ecr.mlir | FileCheck %s --check-prefix=SAME
// RUN: FileCheck %s --check-prefix=ECR < %t.ecr.mlir
// ECR-NOT: qgate.{{(cx|swap)}}
// ECR: qgate.ecr

// post-layout moves a routed circuit from montreal's trivial placement to
// better calibrated qubits, renumbering the layouts, and it stays
// equivalent.
// RUN: qopt %S/Inputs/triangle-plus.mlir --target=montreal --layout=strategy=trivial --route --post-layout -o %t.post.mlir 2>&1 | FileCheck %s --check-prefix=POST
// RUN: qopt-check --up-to-layout %S/Inputs/triangle-plus.mlir %t.post.mlir | FileCheck %s --check-prefix=SAME
// RUN: FileCheck %s --check-prefix=POST-IR < %t.post.mlir
// POST: remark: post-layout: moved to better calibrated qubits; ESP 0.851 -> 0.9041
// POST-IR-NOT: qgate.initial_layout = array<i64: 0, 1, 2, 3>
// POST-IR: qgate.initial_layout = array<i64
