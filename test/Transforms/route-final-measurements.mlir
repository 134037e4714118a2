// Final measurements wait until every other gate is routed (as Qiskit's
// BarrierBeforeFinalMeasurements arranges), so no SWAP passes through a
// qubit after its measurement: QASMBench's toffoli_n3 measures c[2] early in
// program order, and routing it on montreal used to move that measured
// qubit with a SWAP, a mid-circuit measurement the device need not support.
// RUN: qopt %qopt_src/bench/circuits/qasmbench/small/toffoli_n3/toffoli_n3.qasm --target=montreal -O3 -o %t.mlir
// RUN: FileCheck %s < %t.mlir
// RUN: qopt-check --up-to-layout --ignore-final-phases %qopt_src/bench/circuits/qasmbench/small/toffoli_n3/toffoli_n3.qasm %t.mlir | FileCheck %s --check-prefix=EQUIV
// CHECK: qgate.measure
// CHECK-NOT: qgate.{{cx|sx|x|rz}}
// CHECK: return
// EQUIV: equivalent
